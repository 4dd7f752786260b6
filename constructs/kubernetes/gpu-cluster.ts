import { Construct, IConstruct } from 'constructs';
import { Token } from 'cdktf';
import { DesignError } from '../../src/errors';
import { dnsLabel } from '../../src/kubernetes/names';
import { dnsLabelName, gitopsSource } from '../../src/kubernetes/validate';
import { Evaluation } from '../../src/evaluate';
import { record } from '../../src/model/records';
import { MATERIALIZE, Materializable } from '../../src/synthesis';
import type { ClusterConnection } from './cluster-connection';
import { Delivery } from './delivery';
import { renderTerraform } from './terraform-delivery';
import { deliveredPlatform } from '../../src/operations/delivered-platform';

export interface GpuClusterProps {
  /**
   * Cluster name (a DNS label), unique in the app.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * What the cluster runs on: racks, or scopes (pods, halls, buildings, sites) whose racks it
   * takes, each compute node a Kubernetes node; or a Scaleway Kapsule cluster, whose GPU pools
   * it takes. More can be added with `addRacks()`. Empty (`[]`) for a cluster without GPU nodes,
   * such as a `CampusQueue` manager.
   */
  readonly racks: readonly IConstruct[];
  /** Terraform or GitOps. */
  readonly delivery: Delivery;
  /**
   * Namespace of the platform's releases under GitOps delivery (the charts' target namespace).
   * @default 'ai-platform'
   */
  readonly platformNamespace?: string;
  /**
   * True where the provider installs the NVIDIA GPU Operator itself.
   * @default false (true when the racks include a Scaleway Kapsule cluster, which does)
   */
  readonly managedGpuOperator?: boolean;
  /**
   * Terraform delivery: the cluster's endpoint and credentials as Terraform references (for
   * example a Kapsule cluster's `platformTarget`), in the same stack. They stay references:
   * nothing secret is written.
   * @default - Terraform variables `<cluster>_host`, `<cluster>_token` (sensitive) and `<cluster>_cluster_ca_certificate`, null by default so that the environment applies
   */
  readonly connection?: ClusterConnection;
  /**
   * Custom resource kinds, as `group/Kind` (`monitoring.coreos.com/PrometheusRule`), whose CRDs
   * the cluster already has, installed outside this design (a monitoring stack, a platform team's
   * base). Custom resources of these kinds go with the operators' charts; the output records the
   * assumption (a Chart.yaml annotation, a Terraform local) and the deploy-order check relies on it.
   * @default - none: every custom resource needs a chart of the cluster that installs its CRD
   */
  readonly installedCrds?: readonly string[];
}

/**
 * A Kubernetes cluster over racks of the physical model. Its nodes, their labels (site,
 * hall, scalable unit, rack, NVLink domain), the operators declared inside it (`GpuOperator`,
 * `NetworkOperator`, `DraDriver`, `Kueue` with its `Tenant`s) and their custom resources all
 * derive from the layout when the app is synthesized.
 */
export class GpuCluster extends Construct implements Materializable {
  readonly clusterName: string;
  private readonly scopes: IConstruct[] = [];
  private readonly props: GpuClusterProps;

  constructor(scope: Construct, id: string, props: GpuClusterProps) {
    super(scope, id);
    this.props = props;
    // An explicit name must be a DNS-1123 label; the default (the id) is normalized (dnsLabel) in the record.
    if (props.name !== undefined) dnsLabelName(this.node.path, 'name', props.name);
    this.clusterName = props.name ?? id;
    if (props.platformNamespace !== undefined)
      dnsLabelName(this.node.path, 'platformNamespace', props.platformNamespace);
    if (!(props.delivery instanceof Delivery)) {
      throw new DesignError(
        this.node.path,
        'delivery must be Delivery.terraform() or Delivery.gitops({...})',
      );
    }
    for (const k of props.installedCrds ?? []) {
      if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?\.[a-z0-9.-]+\/[A-Z][A-Za-z0-9]*$/.test(k)) {
        throw new DesignError(
          this.node.path,
          `installedCrds: '${k}' is not a custom resource kind as group/Kind, e.g. monitoring.coreos.com/PrometheusRule`,
        );
      }
    }
    if (props.delivery.record.mode === 'gitops') {
      if (!props.delivery.record.repoUrl)
        throw new DesignError(this.node.path, 'GitOps delivery needs a repoUrl');
      gitopsSource(this.node.path, props.delivery.record);
    }
    if (props.connection !== undefined) literalSecretRefused(this.node.path, props.connection);
    this.addRacks(...props.racks);
    // Read when the model is built, so that racks added later with addRacks() count.
    record(this, 'gpu-cluster', () => ({
      name: dnsLabel(this.clusterName),
      scopes: this.scopes,
      delivery: props.delivery.record,
      platformNamespace: props.platformNamespace ?? 'ai-platform',
      managedGpuOperator: props.managedGpuOperator ?? false,
      installedCrds: [...new Set(props.installedCrds ?? [])].sort(),
    }));
  }

  /** Adds racks, or scopes whose racks the cluster takes. */
  addRacks(...scopes: IConstruct[]): this {
    for (const s of scopes) if (!this.scopes.includes(s)) this.scopes.push(s);
    return this;
  }

  /**
   * Terraform delivery: renders the cluster's resources into its stack once the tree is
   * checked; node labels come in a late step, when every cluster of the stack has added its
   * own resources, so the decision to shard them counts everything.
   */
  [MATERIALIZE](evaluation: Evaluation): (() => void) | void {
    if (this.props.delivery.record.mode !== 'terraform') return;
    const model = deliveredPlatform(evaluation.design, evaluation.analysis).clusters.find(
      (c) => c.path === this.node.path,
    );
    if (model) return renderTerraform(this, model, this.props.connection);
  }
}

/**
 * No literal secret in the output: the token must be a Terraform reference (a Kapsule
 * cluster's `platformTarget.token`, a sensitive `TerraformVariable`'s `stringValue`); a plain
 * string, typically `process.env.KUBE_TOKEN`, would be written in clear into `cdk.tf.json`.
 */
function literalSecretRefused(path: string, connection: ClusterConnection): void {
  if (typeof connection.token !== 'string' || !Token.isUnresolved(connection.token)) {
    throw new DesignError(
      path,
      "connection.token must be a Terraform reference (a Kapsule cluster's platformTarget.token, or a sensitive TerraformVariable's stringValue), not a literal: it would be written in clear into cdk.tf.json; leave connection out to take the token from the environment (KUBE_TOKEN)",
    );
  }
}
