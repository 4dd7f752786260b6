import { DeliveryRecord } from '../../src/model/records';

export interface GitOpsDeliveryProps {
  /** Git repository the synthesized output is committed to, as Argo CD and Flux fetch it. */
  readonly repoUrl: string;
  /** @default 'main' */
  readonly targetRevision?: string;
  /**
   * Path of the cluster's umbrella chart in that repository.
   * @default 'cdktf.out/helm/<cluster>'
   */
  readonly path?: string;
}

/**
 * How a GPU cluster's platform reaches the cluster, chosen per cluster: Terraform
 * (`helm_release`, `kubernetes_manifest`, `kubernetes_labels`, `kubernetes_namespace_v1` in
 * the cluster's stack) or GitOps (an umbrella chart under `helm/<cluster>/` and an Argo CD
 * `Application` and a Flux `HelmRelease` under `gitops/<cluster>/`).
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
