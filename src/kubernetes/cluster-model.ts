import type { DeliveryRecord } from '../model/records';
import type { OperatorKind, PowerRuleSettings } from '../model/operator-records';
import type { TenancySpec } from '../model/tenancy';
import type { UpstreamChart } from '../upstream/charts';
import type { K8sObject } from './objects';

/*
 * The plain model of one GPU cluster of the platform (`buildPlatform`, platform.ts): its nodes, node
 * pools, flavors, operators and tenants, as every renderer (Terraform, GitOps, Pulumi) reads them.
 */

export interface ClusterNode {
  readonly name: string;
  /** Node index (in the plant) of the rack the node sits in. */
  readonly rack: number;
  /** Labels this library applies, from the layout. */
  readonly labels: Readonly<Record<string, string>>;
  /** Labels the kubelet sets (hostname, arch): expected, never applied. */
  readonly kubeletLabels: Readonly<Record<string, string>>;
}

export interface OperatorModel {
  readonly path: string;
  readonly kind: OperatorKind;
  /** Chart name (as in its Chart.yaml), pinned version and repository. */
  readonly chart: UpstreamChart;
  readonly version: string;
  readonly repository: string;
  readonly namespace: string;
  readonly values: Readonly<Record<string, unknown>>;
  /** Custom resources the operator's configuration needs (ComputeDomains, Kueue queues, NicClusterPolicy). */
  readonly resources: readonly K8sObject[];
  /** Where the power rules of the cluster's racks go, when the operator emits them (the analysis derives them). */
  readonly powerRules?: PowerRuleSettings;
}

export interface TenantModel {
  readonly path: string;
  readonly name: string;
  readonly namespace: string;
  readonly gpuQuota: number;
  /** The ResourceFlavor (rack system id) the quota is in. */
  readonly flavor: string;
  readonly tenancy: TenancySpec;
  /** Path of the campus queue whose tenant this is (its quota on a worker, or its queue on the manager). */
  readonly campus?: string;
}

/** Nodes a cloud provider creates from a pool (Kapsule): names unknown, labels set by the pool. */
export interface NodeGroup {
  readonly path: string;
  readonly name: string;
  /** ResourceFlavor name: the node type as a DNS label. */
  readonly system: string;
  readonly gpusPerNode: number;
  /** The pool's largest size (autoscaling maximum, or its fixed size). */
  readonly maxNodes: number;
  readonly labels: Readonly<Record<string, string>>;
}

/** A Kueue ResourceFlavor: a kind of GPU node, selected by its `aifactory.io/system` label. */
export interface Flavor {
  readonly name: string;
  readonly nodeLabels: Readonly<Record<string, string>>;
}

export interface ClusterModel {
  readonly path: string;
  readonly name: string;
  readonly delivery: DeliveryRecord;
  readonly platformNamespace: string;
  readonly managedGpuOperator: boolean;
  /** Custom resource kinds (`group/Kind`) whose CRDs the cluster has before its platform (`GpuCluster` `installedCrds`). */
  readonly installedCrds: readonly string[];
  readonly nodes: readonly ClusterNode[];
  /** Cloud node pools (Kapsule) the cluster also runs on. */
  readonly nodeGroups: readonly NodeGroup[];
  /** Paths of the managed Kubernetes clusters (Kapsule) under its scopes, sorted: whose kubeconfig reaches it. */
  readonly cloudClusters: readonly string[];
  /** Nodes at most: physical nodes plus every pool at its largest size. */
  readonly maxNodes: number;
  readonly flavors: readonly Flavor[];
  /** Plant node indices of the cluster's racks. */
  readonly racks: readonly number[];
  /** GPUs per rack system id. */
  readonly gpusBySystem: Readonly<Record<string, number>>;
  readonly gpus: number;
  /** ISO 3166-1 alpha-2 countries of the cluster's racks (their sites) and cloud pools (their zones), sorted. */
  readonly countries: readonly string[];
  readonly operators: readonly OperatorModel[];
  readonly tenants: readonly TenantModel[];
}
