import { Construct } from 'constructs';
import { DesignError } from '../../src/errors';
import { dnsLabelName, shown } from '../../src/kubernetes/validate';
import {
  enclosing,
  MODEL,
  MODEL_KIND,
  Modelled,
  OperatorKind,
  OperatorRecord,
} from '../../src/model/records';

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
export abstract class Operator extends Construct implements Modelled {
  protected constructor(
    scope: Construct,
    id: string,
    private readonly operator: OperatorKind,
    private readonly defaultNamespace: string,
    private readonly props: OperatorProps,
    private readonly settings: () => Record<string, unknown>,
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
  }

  get [MODEL_KIND](): 'k8s-operator' {
    return 'k8s-operator';
  }

  [MODEL](): OperatorRecord {
    return {
      kind: 'k8s-operator',
      operator: this.operator,
      chartVersion: this.props.chartVersion ?? '',
      namespace: this.props.namespace ?? this.defaultNamespace,
      settings: this.settings(),
      values: this.props.values ?? {},
    };
  }
}
