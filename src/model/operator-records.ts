import type { UpstreamChart } from '../upstream/charts';

/**
 * What an operator construct (constructs/kubernetes/operators.ts) registers: its chart version,
 * namespace and values, and its settings, typed per operator kind with every default resolved by
 * the construct that owns the prop. `buildPlatform` derives the operator's Helm values and custom
 * resources from them (src/kubernetes/operators/*).
 */

/** Where the GPU Operator's power rules (PrometheusRules) go and how the Prometheus instance finds them. */
export interface PowerRuleSettings {
  /** Namespace of the PrometheusRule objects. */
  readonly namespace: string;
  /** Labels the Prometheus `ruleSelector` matches (kube-prometheus-stack: `release: <its release>`). */
  readonly labels: Readonly<Record<string, string>>;
  /** Label of the DCGM series that carries the Kubernetes node name. */
  readonly nodeLabel: string;
  /** How long a condition must hold before an alert fires. */
  readonly for: string;
}

/** MIG strategy of the GPU Operator: 'none' keeps MIG off. */
export type MigStrategy = 'none' | 'single' | 'mixed';

/** Slurm's topology plugins this library writes a topology.conf for (src/slurm/topology-conf.ts). */
export type SlurmTopologyPlugin = 'topology/block' | 'topology/tree';

/** The settings of each operator kind. */
export interface OperatorSettings {
  'gpu-operator': {
    /** NVIDIA driver container version: the given one, or the pinned chart's default. */
    readonly driverVersion: string;
    readonly mig: MigStrategy;
    /** The power rules' placement, or false for none. */
    readonly prometheusRules: PowerRuleSettings | false;
  };
  'network-operator': {
    /** Pods that may share one RDMA device (the RDMA shared device plugin's rdmaHcaMax). */
    readonly rdmaHcaMax: number;
  };
  'dra-driver': {
    /** Namespace of the ComputeDomains. */
    readonly computeDomainNamespace: string;
  };
  kueue: {
    /** Node label keys of the topology levels, outermost first; undefined: derived from the cluster's layout. */
    readonly topologyLevels?: readonly string[];
  };
  slurm: {
    readonly topologyPlugin: SlurmTopologyPlugin;
  };
}

export type OperatorKind = keyof OperatorSettings;

/** The chart each operator kind installs. */
export const OPERATOR_CHARTS: Readonly<Record<OperatorKind, UpstreamChart>> = {
  'gpu-operator': 'gpu-operator',
  'network-operator': 'network-operator',
  'dra-driver': 'dra-driver-nvidia-gpu',
  kueue: 'kueue',
  slurm: 'slurm',
};

/** An operator kind with its settings: what an operator construct configures. */
export type OperatorConfiguration = {
  readonly [K in OperatorKind]: { readonly operator: K; readonly settings: OperatorSettings[K] };
}[OperatorKind];

/** A Helm-installed operator of a GPU cluster, with the settings its values derive from. */
export type OperatorRecord = OperatorConfiguration & {
  readonly kind: 'k8s-operator';
  /** Chart version to install: the given one, or the pinned one. */
  readonly chartVersion: string;
  readonly namespace: string;
  /** Values merged last, over the derived ones. */
  readonly values: Readonly<Record<string, unknown>>;
};
