import { Construct } from 'constructs';
import { DesignError } from '../../src/errors';
import { dnsLabelName, shown } from '../../src/kubernetes/validate';
import { OPERATOR_CHARTS, OperatorConfiguration, OperatorKind } from '../../src/model/operator-records';
import { enclosing, record } from '../../src/model/records';
import { PINNED_CHARTS } from '../../src/upstream/chart-versions';

/** Props every operator takes. */
export interface OperatorProps {
  /**
   * Chart version to install.
   * @default - the pinned version (gpu-operator v26.7.0, network-operator 26.4.1, dra-driver-nvidia-gpu 0.4.1, kueue 0.19.2, slurm 1.2.1)
   */
  readonly chartVersion?: string;
  /**
   * Namespace of the release under Terraform delivery.
   * @default - the operator's usual namespace
   */
  readonly namespace?: string;
  /**
   * Helm values merged over the derived ones (checked against the chart's values.yaml).
   * @default - none
   */
  readonly values?: Record<string, unknown>;
}

/** A Helm-installed operator of a `GpuCluster`; declare it inside the cluster. */
export abstract class Operator extends Construct {
  /** Namespace of the release. */
  readonly namespace: string;
  /** Chart version to install. */
  readonly chartVersion: string;

  protected constructor(
    scope: Construct,
    id: string,
    operator: OperatorKind,
    defaultNamespace: string,
    props: OperatorProps,
  ) {
    super(scope, id);
    if (!enclosing(this, 'gpu-cluster')) {
      throw new DesignError(this.node.path, `${operator} must be declared inside a GpuCluster`);
    }
    if (props.namespace !== undefined) dnsLabelName(this.node.path, 'namespace', props.namespace);
    if (
      props.chartVersion !== undefined &&
      !/^v?[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$/.test(props.chartVersion)
    ) {
      throw new DesignError(
        this.node.path,
        `chartVersion must be a version such as '1.2.3', got ${shown(props.chartVersion)}`,
      );
    }
    this.namespace = props.namespace ?? defaultNamespace;
    this.chartVersion = props.chartVersion ?? PINNED_CHARTS[OPERATOR_CHARTS[operator]].version;
    const values = props.values ?? {};
    // Read when the model is built, once the subclass has set what its configuration reads.
    record(this, 'k8s-operator', () => ({
      ...this.configuration(),
      chartVersion: this.chartVersion,
      namespace: this.namespace,
      values,
    }));
  }

  /** The operator's kind and its settings, every default resolved. */
  protected abstract configuration(): OperatorConfiguration;
}
