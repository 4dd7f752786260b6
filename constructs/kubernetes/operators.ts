import { Construct } from 'constructs';
import { DesignError } from '../../src/errors';
import { dnsLabelName, labelKey } from '../../src/kubernetes/validate';
import { defaultDriverVersion } from '../../src/kubernetes/operators/gpu-operator';
import { MigStrategy, OperatorConfiguration, OperatorSettings } from '../../src/model/operator-records';
import { Operator, OperatorProps } from './operator';

export interface GpuOperatorProps extends OperatorProps {
  /**
   * NVIDIA data-center driver version (Blackwell and ComputeDomains need >= 570.158.01).
   * @default - the chart's default (595.91.07 for v26.7.0)
   */
  readonly driverVersion?: string;
  /**
   * MIG strategy: 'none' keeps MIG off.
   * @default 'none'
   */
  readonly mig?: MigStrategy;
  /**
   * Power alerts and energy recording rules as `PrometheusRule` objects for an existing
   * prometheus-operator (the platform does not install Prometheus): `false` emits none.
   * `labels` are what the Prometheus `ruleSelector` matches (kube-prometheus-stack:
   * `{ release: '<its release name>' }`); they also label the DCGM exporter's ServiceMonitor.
   * @default - rules in the operator's namespace, labelled `app.kubernetes.io/part-of: aifactory`, node label `node`, `for: 2m`
   */
  readonly prometheusRules?: false | PrometheusRulesProps;
}

/** Where the power rules go and how Prometheus finds them. */
export interface PrometheusRulesProps {
  /**
   * Namespace of the PrometheusRule objects.
   * @default - the GPU Operator's namespace
   */
  readonly namespace?: string;
  /**
   * Labels added to the PrometheusRules and to the DCGM exporter's ServiceMonitor.
   * @default - only `app.kubernetes.io/part-of: aifactory`
   */
  readonly labels?: Record<string, string>;
  /**
   * Label of the DCGM series that holds the Kubernetes node name (the ServiceMonitor sets it from the pod's node).
   * @default 'node'
   */
  readonly nodeLabel?: string;
  /**
   * How long a limit must be exceeded before an alert fires (Prometheus duration).
   * @default '2m'
   */
  readonly for?: string;
}

/** NVIDIA GPU Operator (chart `gpu-operator` from the NGC Helm repository). */
export class GpuOperator extends Operator {
  /** The settings, defaults resolved. */
  readonly settings: OperatorSettings['gpu-operator'];

  constructor(scope: Construct, id: string, props: GpuOperatorProps = {}) {
    super(scope, id, 'gpu-operator', 'gpu-operator', props);
    const rules = props.prometheusRules;
    if (rules && rules.nodeLabel !== undefined && !/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(rules.nodeLabel)) {
      throw new DesignError(
        this.node.path,
        `prometheusRules.nodeLabel must be a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*), got '${rules.nodeLabel}'`,
      );
    }
    if (rules && rules.for !== undefined && !/^([0-9]+(ms|s|m|h|d|w|y))+$/.test(rules.for)) {
      throw new DesignError(
        this.node.path,
        `prometheusRules.for must be a Prometheus duration such as '2m', got '${rules.for}'`,
      );
    }
    if (props.mig !== undefined && !['none', 'single', 'mixed'].includes(props.mig)) {
      throw new DesignError(this.node.path, `mig must be 'none', 'single' or 'mixed', got '${props.mig}'`);
    }
    this.settings = {
      driverVersion: props.driverVersion ?? defaultDriverVersion(),
      mig: props.mig ?? 'none',
      prometheusRules:
        rules === false
          ? false
          : {
              namespace: rules?.namespace ?? this.namespace,
              labels: { 'app.kubernetes.io/part-of': 'aifactory', ...(rules?.labels ?? {}) },
              nodeLabel: rules?.nodeLabel ?? 'node',
              for: rules?.for ?? '2m',
            },
    };
  }

  protected configuration(): OperatorConfiguration {
    return { operator: 'gpu-operator', settings: this.settings };
  }
}

export interface NetworkOperatorProps extends OperatorProps {
  /**
   * Pods that may share one RDMA device (the RDMA shared device plugin's rdmaHcaMax).
   * @default 63
   */
  readonly rdmaHcaMax?: number;
}

/** NVIDIA Network Operator (chart `network-operator`) with a NicClusterPolicy for RDMA. */
export class NetworkOperator extends Operator {
  /** The settings, defaults resolved. */
  readonly settings: OperatorSettings['network-operator'];

  constructor(scope: Construct, id: string, props: NetworkOperatorProps = {}) {
    super(scope, id, 'network-operator', 'nvidia-network-operator', props);
    this.settings = { rdmaHcaMax: props.rdmaHcaMax ?? 63 };
  }

  protected configuration(): OperatorConfiguration {
    return { operator: 'network-operator', settings: this.settings };
  }
}

export interface DraDriverProps extends OperatorProps {
  /**
   * Namespace of the ComputeDomains (one per NVL72 rack); workloads using a domain's
   * resource claim template run there.
   * @default 'compute-domains'
   */
  readonly computeDomainNamespace?: string;
}

/** NVIDIA DRA driver for GPUs (chart `dra-driver-nvidia-gpu`), with one ComputeDomain per NVL72 rack. */
export class DraDriver extends Operator {
  /** The settings, defaults resolved. */
  readonly settings: OperatorSettings['dra-driver'];

  constructor(scope: Construct, id: string, props: DraDriverProps = {}) {
    super(scope, id, 'dra-driver', 'nvidia-dra-driver-gpu', props);
    if (props.computeDomainNamespace !== undefined) {
      dnsLabelName(this.node.path, 'computeDomainNamespace', props.computeDomainNamespace);
    }
    this.settings = { computeDomainNamespace: props.computeDomainNamespace ?? 'compute-domains' };
  }

  protected configuration(): OperatorConfiguration {
    return { operator: 'dra-driver', settings: this.settings };
  }
}

export interface KueueProps extends OperatorProps {
  /**
   * Node label keys of the topology levels, outermost first.
   * @default ['aifactory.io/pod', 'aifactory.io/rack', 'nvidia.com/gpu.clique', 'kubernetes.io/hostname'] (block = SU, rack, NVLink clique, host) where every rack is a multi-node NVLink domain and the GPU Operator (GPU Feature Discovery) runs; without the clique level otherwise; the host alone on cloud pools
   */
  readonly topologyLevels?: string[];
}

/** Kueue (chart `kueue`) with a layout topology, a ResourceFlavor per rack system, and tenants declared inside it. */
export class Kueue extends Operator {
  /** The settings; `topologyLevels` undefined: derived from the cluster's layout when the platform is built. */
  readonly settings: OperatorSettings['kueue'];

  constructor(scope: Construct, id: string, props: KueueProps = {}) {
    super(scope, id, 'kueue', 'kueue-system', props);
    for (const level of props.topologyLevels ?? []) labelKey(this.node.path, 'a topology level', level);
    this.settings = { topologyLevels: props.topologyLevels };
  }

  protected configuration(): OperatorConfiguration {
    return { operator: 'kueue', settings: this.settings };
  }
}

export interface SlurmProps extends OperatorProps {
  /**
   * Slurm topology plugin the generated topology.conf is written for: `topology/block` (one
   * block per NVLink domain, for NVL72 racks) or `topology/tree` (switches per rack, scalable
   * unit and hall).
   * @default 'topology/block'
   */
  readonly topologyPlugin?: 'topology/block' | 'topology/tree';
}

/**
 * A Slurm cluster on the GPU cluster's nodes with Slinky (chart `slurm`; install SchedMD's
 * slurm-operator first), whose `topology.conf` is generated from the layout and supplied
 * through the chart's `configFiles`, with `TopologyPlugin` in slurm.conf.
 */
export class Slurm extends Operator {
  /** The settings, defaults resolved. */
  readonly settings: OperatorSettings['slurm'];

  constructor(scope: Construct, id: string, props: SlurmProps = {}) {
    super(scope, id, 'slurm', 'slurm', props);
    const plugin = props.topologyPlugin;
    if (plugin !== undefined && plugin !== 'topology/block' && plugin !== 'topology/tree') {
      throw new DesignError(
        this.node.path,
        `topologyPlugin must be 'topology/block' or 'topology/tree', got '${String(plugin)}'`,
      );
    }
    this.settings = { topologyPlugin: plugin ?? 'topology/block' };
  }

  protected configuration(): OperatorConfiguration {
    return { operator: 'slurm', settings: this.settings };
  }
}
