/**
 * A deploy plan as the tools would run it, read from emitted output alone (`read-output.ts`): the
 * steps (Terraform stacks, Flux `HelmRelease`s, Argo CD `Application`s) with what each must wait for,
 * what it installs and what it applies. The deploy-order pack replays it (`simulate.ts`).
 */
export type DeployEngine = 'terraform' | 'flux' | 'argocd';

/** An object a step applies, on one cluster's API. */
export interface PlannedObject {
  readonly cluster: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  /** Where it is emitted: a construct path (Terraform) or a file of the GitOps tree. */
  readonly source: string;
  /** A Terraform `kubernetes_manifest`: the API server, and the object's CRD, must answer at plan time. */
  readonly planTime: boolean;
}

/** Something a step brings to a cluster's API: a custom resource kind (`group/Kind`) or a namespace. */
export interface ClusterItem {
  readonly cluster: string;
  readonly name: string;
}

export interface DeployStep {
  /** `stack <name>`, `HelmRelease flux-system/<name>`, `Application argocd/<name>`. */
  readonly id: string;
  /** Steps that must have finished before this one starts (direct predecessors). */
  readonly after: readonly string[];
  /** Clusters this step creates: their API servers do not exist when the step is planned. */
  readonly createsClusters: readonly string[];
  /** Custom resource kinds (`group/Kind`) the step's charts and CRD objects install. */
  readonly installs: readonly ClusterItem[];
  /** Namespaces the step creates before its objects (Namespace objects, a release's own namespace). */
  readonly namespaces: readonly ClusterItem[];
  readonly objects: readonly PlannedObject[];
}

export interface DeployPlan {
  readonly engine: DeployEngine;
  readonly steps: readonly DeployStep[];
}
