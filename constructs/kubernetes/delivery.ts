import { DeliveryRecord } from '../../src/model/records';

export interface GitOpsDeliveryProps {
  /** Git repository the synthesized output is committed to, as Argo CD and Flux fetch it. */
  readonly repoUrl: string;
  /** @default 'main' */
  readonly targetRevision?: string;
  /**
   * Path of the cluster's GitOps folder (the one holding `charts/`, `argocd/` and `flux/`) in that
   * repository, as Argo CD and Flux fetch it.
   * @default '<tree>/<cluster>', where <tree> is the GitOps tree's path in the repository: `synth`'s `--gitops-out` (default `gitops`, beside the output directory)
   */
  readonly path?: string;
}

/**
 * How a GPU cluster's platform reaches the cluster, chosen per cluster: Terraform
 * (`helm_release`, `kubernetes_manifest`, `kubernetes_labels`, `kubernetes_namespace_v1` in
 * the platform's own stacks, applied after the cluster's) or GitOps (a chart per apply step, Argo
 * CD `Application`s and Flux `HelmRelease`s in the GitOps tree users commit, `gitops/<cluster>/`).
 */
export class Delivery {
  static terraform(): Delivery {
    return new Delivery({ mode: 'terraform' });
  }

  static gitops(props: GitOpsDeliveryProps): Delivery {
    return new Delivery({
      mode: 'gitops',
      repoUrl: props.repoUrl,
      targetRevision: props.targetRevision ?? 'main',
      path: props.path,
    });
  }

  private constructor(readonly record: DeliveryRecord) {}
}
