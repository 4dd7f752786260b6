import { IConstruct } from 'constructs';
import { ScalewayGpuType } from '../catalog/scaleway-gpu-types';
import { MODEL, MODEL_KIND } from './records';

/**
 * What a cloud construct (constructs/scaleway) registers about the capacity and the location
 * it provisions, under the same `MODEL` / `MODEL_KIND` symbols as the physical records, with
 * kinds of its own. `buildCloud` (cloud.ts) reads them; `buildPlant` ignores them.
 */
export type CloudProvider = 'scaleway';

/** A regional private network (VPC) that instances and clusters attach to. */
export interface CloudNetworkRecord {
  readonly kind: 'cloud-network';
  readonly provider: CloudProvider;
  readonly name: string;
  readonly region: string;
  /** IPv4 subnet in CIDR notation; undefined: the provider assigns one. */
  readonly ipv4Subnet?: string;
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
}

/** An Object Storage bucket. */
export interface CloudBucketRecord {
  readonly kind: 'cloud-bucket';
  readonly provider: CloudProvider;
  readonly name: string;
  readonly region: string;
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

/** Implemented by the cloud constructs: the kind without building the record, and the record. */
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
