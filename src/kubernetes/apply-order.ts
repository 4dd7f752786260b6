import { groupKind, installedKinds, isBuiltInKind, managedGpuOperatorKinds } from './crd-owners';
import { K8sObject } from './objects';
import { ClusterModel, OperatorModel } from './cluster-model';

/**
 * One step of a cluster's platform, applied after every earlier step has finished: a Terraform
 * stack, a Flux `HelmRelease` (`dependsOn` the previous one), an Argo CD `Application` (a later
 * sync wave).
 */
export interface ApplyStep {
  /**
   * 0: namespaces, the operator charts and objects of built-in kinds (NetworkPolicy, ResourceQuota,
   * RBAC, ...); n > 0: custom resources whose CRD step n - 1 installs.
   */
  readonly index: number;
  /** Short name for stacks, releases and folders: `platform`, `resources`, `resources-3`. */
  readonly name: string;
  /** Operator charts released in this step (all in step 0). */
  readonly operators: readonly OperatorModel[];
  /** Objects applied in this step, namespaces first, then in the order given. */
  readonly objects: readonly K8sObject[];
  /** Custom resource kinds (`group/Kind`) this step's charts and CRD objects install. */
  readonly installs: readonly string[];
}

/**
 * Splits a cluster's platform into apply steps by KIND, not by a list: every object of a built-in
 * kind goes with the namespaces and charts (step 0); every custom resource goes in the step after
 * the one that installs its CRD (a chart of the cluster, by the CRDs copied for it under
 * `src/upstream/`, or a `CustomResourceDefinition` object). Kinds the provider installs (Kapsule's
 * managed GPU Operator and its NFD) and the cluster's `installedCrds` are there before step 0. A custom resource whose CRD nothing
 * installs stays in step 1: the deploy-order check (DEP-001) names it.
 *
 * The objects are the namespaces the cluster needs (tenants' and those its objects name), every
 * operator's `resources` and `extra` (NodeFeatureRules under GitOps): an object added to an
 * operator's resources lands in the right step without any change here.
 */
export function applySteps(c: ClusterModel, extra: readonly K8sObject[] = []): ApplyStep[] {
  const objects = [...c.operators.flatMap((op) => op.resources), ...extra];
  const namespaces = new Set<string>();
  for (const o of objects) if (o.metadata.namespace) namespaces.add(o.metadata.namespace);
  for (const t of c.tenants) namespaces.add(t.namespace);
  for (const o of objects) if (o.kind === 'Namespace') namespaces.delete(o.metadata.name);
  const nsObjects: K8sObject[] = [...namespaces]
    .sort()
    .map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }));

  // Step of each installer: -1 for what the cluster already has and what the provider brings, 0 for the charts.
  const installer = new Map<string, number>();
  if (c.managedGpuOperator) for (const k of managedGpuOperatorKinds()) installer.set(k, -1);
  for (const k of c.installedCrds) installer.set(k, -1);
  const chartKinds = c.operators.flatMap((op) => installedKinds(op.chart, op.values));
  for (const k of chartKinds) if (!installer.has(k)) installer.set(k, 0);

  const stepOf = new Map<K8sObject, number>();
  const pending = [...nsObjects, ...objects];
  // CRD objects are built-in: step 0, installing their kind for the steps after.
  for (const o of pending) {
    if (isBuiltInKind(o.apiVersion)) {
      stepOf.set(o, 0);
      const defined = crdKindOf(o);
      if (defined && !installer.has(defined)) installer.set(defined, 0);
    }
  }
  for (const o of pending) {
    if (stepOf.has(o)) continue;
    const at = installer.get(groupKind(o.apiVersion, o.kind));
    stepOf.set(o, at === undefined ? 1 : Math.max(0, at + 1));
  }

  const count = Math.max(0, ...stepOf.values()) + 1;
  const steps: ApplyStep[] = [];
  for (let i = 0; i < count; i++) {
    const here = pending.filter((o) => stepOf.get(o) === i);
    const installs = new Set<string>(i === 0 ? chartKinds : []);
    for (const o of here) {
      const defined = crdKindOf(o);
      if (defined) installs.add(defined);
    }
    steps.push({
      index: i,
      name: stepName(i),
      operators: i === 0 ? c.operators : [],
      objects: [...here.filter((o) => o.kind === 'Namespace'), ...here.filter((o) => o.kind !== 'Namespace')],
      installs: [...installs].sort(),
    });
  }
  return steps;
}

/** `platform` for step 0, `resources` for step 1, `resources-N` after. */
export function stepName(index: number): string {
  return index === 0 ? 'platform' : index === 1 ? 'resources' : `resources-${index}`;
}

/** The kind a `CustomResourceDefinition` object defines (`group/Kind`), or undefined. */
function crdKindOf(o: K8sObject): string | undefined {
  if (o.kind !== 'CustomResourceDefinition' || !o.apiVersion.startsWith('apiextensions.k8s.io/'))
    return undefined;
  const spec = o.spec as { group?: string; names?: { kind?: string } } | undefined;
  return spec?.group && spec.names?.kind ? `${spec.group}/${spec.names.kind}` : undefined;
}
