import { IConstruct } from 'constructs';
import { ScalewayGpuType } from '../catalog/scaleway-gpu-types';
import { defineModel, MODEL, MODEL_KIND } from './records';

/**
 * What a cloud construct (constructs/scaleway) registers about the capacity and the location
 * it provisions, under the same `MODEL` / `MODEL_KIND` symbols as the physical records, with
 * kinds of its own, with one call in its constructor: `cloudRecord(this, kind, () => ({ ... }))`.
 * `buildCloud` (cloud.ts) reads them; `buildPlant` ignores them.
 */
export type CloudProvider = 'scaleway';

/*
 * Every setting a provider resource takes is in the record, defaults resolved by the construct, so
 * that each engine renders the same resources from the records alone: the Terraform constructs
 * (constructs/scaleway) and the Pulumi adapter (pulumi/scaleway-inputs.ts). A provider resource
 * is named by its construct path (`...Path`) in both.
 */

/** A regional private network (VPC) that instances and clusters attach to. */
export interface CloudNetworkRecord {
  readonly kind: 'cloud-network';
  readonly provider: CloudProvider;
  readonly name: string;
  readonly region: string;
  /** IPv4 subnet in CIDR notation; undefined: the provider assigns one. */
  readonly ipv4Subnet?: string;
  /** Construct path of the VPC resource (`scaleway_vpc`). */
  readonly vpcPath: string;
  /** Construct path of the private network resource (`scaleway_vpc_private_network`). */
  readonly privateNetworkPath: string;
}

/** A GPU Instance's server, and its routed public IP when it has one. */
export interface CloudServerRecord {
  /** Construct path of the server resource (`scaleway_instance_server`). */
  readonly path: string;
  readonly name: string;
  /** Construct path of its IP resource (`scaleway_instance_ip`, a routed IPv4); undefined: none. */
  readonly ipPath?: string;
}

/** The placement group of a group of instances. */
export interface CloudPlacementGroupRecord {
  /** Construct path of the placement group resource (`scaleway_instance_placement_group`). */
  readonly path: string;
  readonly name: string;
  /** 'low_latency' (close together) or 'max_availability'. */
  readonly policyType: string;
  /** 'enforced' (refused when it cannot be honoured) or 'optional'. */
  readonly policyMode: string;
}

/** A Kubernetes taint on every node of a pool. */
export interface NodeTaint {
  readonly key: string;
  readonly value: string;
  readonly effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** A group of GPU instances of one type in one zone. */
export interface CloudInstancesRecord {
  readonly kind: 'cloud-instances';
  readonly provider: CloudProvider;
  readonly name: string;
  readonly instanceType: ScalewayGpuType;
  readonly zone: string;
  readonly count: number;
  /** Root volume type as the provider spells it ('sbs_volume' for Block Storage, 'l_ssd' for local). */
  readonly rootVolumeType: string;
  readonly rootVolumeSizeGb: number;
  readonly image: string;
  readonly publicIp: boolean;
  /** The private network the instances attach to (a `cloud-network` construct). */
  readonly network: IConstruct;
  readonly placementGroup: CloudPlacementGroupRecord;
  /** One per instance, in order. */
  readonly servers: readonly CloudServerRecord[];
}

/** A managed Kubernetes cluster (Scaleway Kapsule). */
export interface CloudClusterRecord {
  readonly kind: 'cloud-cluster';
  readonly provider: CloudProvider;
  readonly name: string;
  readonly region: string;
  /** Kubernetes version as given (a minor '1.34' or a patch '1.34.1'); '' when not set. */
  readonly version: string;
  readonly cni: string;
  /** True: the provider installs the NVIDIA GPU Operator on GPU pools itself; never install a second one. */
  readonly managedGpuOperator: boolean;
  /** The private network of the cluster (a `cloud-network` construct). */
  readonly network: IConstruct;
  /** Control plane offer; undefined: the provider's default. */
  readonly controlPlaneType?: string;
  /** Description; undefined: none. */
  readonly description?: string;
  /** Whether deleting the cluster deletes the volumes and load balancers its workloads created. */
  readonly deleteAdditionalResources: boolean;
  /** Construct path of the cluster resource (`scaleway_k8s_cluster`). */
  readonly resourcePath: string;
}

/** A node pool of a managed cluster: a fixed size, or autoscaling bounds with an initial size. */
export interface CloudPoolRecord {
  readonly kind: 'cloud-pool';
  readonly provider: CloudProvider;
  readonly name: string;
  /** The construct of the cluster the pool belongs to (a `cloud-cluster`). */
  readonly cluster: IConstruct;
  readonly nodeType: ScalewayGpuType;
  readonly zone: string;
  /** Fixed size, or the initial size of an autoscaling pool. */
  readonly size: number;
  readonly autoscaling?: { readonly min: number; readonly max: number };
  /** Root volume type as the provider spells it ('sbs_5k', 'sbs_15k' for Block Storage, 'l_ssd' for local). */
  readonly rootVolumeType: string;
  readonly rootVolumeSizeGb: number;
  /** Kubernetes labels on every node of the pool. */
  readonly labels: Readonly<Record<string, string>>;
  /** Kubernetes taints on every node of the pool. */
  readonly taints: readonly NodeTaint[];
  /** Replace nodes that fail their health checks. */
  readonly autohealing: boolean;
  /** Nodes without a public IP. */
  readonly publicIpDisabled: boolean;
  /** Container runtime of the nodes ('containerd'). */
  readonly containerRuntime: string;
  /** Construct path of the pool resource (`scaleway_k8s_pool`). */
  readonly resourcePath: string;
}

/** An Object Storage bucket. */
export interface CloudBucketRecord {
  readonly kind: 'cloud-bucket';
  readonly provider: CloudProvider;
  readonly name: string;
  readonly region: string;
  /** Keep every version of every object. */
  readonly versioning: boolean;
  /** Construct path of the bucket resource (`scaleway_object_bucket`). */
  readonly resourcePath: string;
}

/** Remote Terraform state on an S3-compatible Object Storage bucket. */
export interface StateBackendRecord {
  readonly kind: 'state-backend';
  readonly provider: CloudProvider;
  /** Bucket name. */
  readonly name: string;
  readonly region: string;
  readonly endpoint: string;
}

export type CloudRecord =
  | CloudNetworkRecord
  | CloudInstancesRecord
  | CloudClusterRecord
  | CloudPoolRecord
  | CloudBucketRecord
  | StateBackendRecord;

export type CloudRecordKind = CloudRecord['kind'];

const CLOUD_KINDS: ReadonlySet<string> = new Set<CloudRecordKind>([
  'cloud-network',
  'cloud-instances',
  'cloud-cluster',
  'cloud-pool',
  'cloud-bucket',
  'state-backend',
]);

/** What each kind of cloud record holds besides its kind. */
type CloudRecordBodies = { [R in CloudRecord as R['kind']]: Omit<R, 'kind'> };

/**
 * Registers what the cloud construct `c` provisions, as `record` (records.ts) does for the
 * physical records: its kind now, and a function giving its record, called when the model is
 * read once the tree is complete. Call it once, at the end of the constructor.
 */
export function cloudRecord<K extends CloudRecordKind>(
  c: IConstruct,
  kind: K,
  build: () => CloudRecordBodies[K],
): void {
  defineModel<{ readonly kind: K }>(c, kind, () => ({ kind, ...build() }));
}

/** What a cloud construct registers (with `cloudRecord`): the kind without building the record, and the record. */
export interface CloudModelled {
  readonly [MODEL_KIND]: CloudRecordKind;
  [MODEL](): CloudRecord;
}

export function isCloudModelled(c: IConstruct): c is IConstruct & CloudModelled {
  const kind = (c as unknown as Partial<CloudModelled>)[MODEL_KIND];
  return (
    typeof kind === 'string' &&
    CLOUD_KINDS.has(kind) &&
    typeof (c as Partial<CloudModelled>)[MODEL] === 'function'
  );
}
