import { DesignError } from '../src/errors';
import { CloudModel } from '../src/model/cloud';

/**
 * The Scaleway resources of a design as plain Pulumi inputs, before anything is declared. Each
 * resource is named after the construct path of the Terraform resource the construct makes
 * (`scaleway-b300/training/pool-b300/pool`), so both engines name it alike; references between
 * resources (VPC, private network, cluster, placement group, IP) are by construct path and become
 * outputs when declared.
 *
 * Every setting comes from the cloud model (`buildCloud`), whose records the Scaleway constructs
 * filled with their defaults resolved: the Terraform resources and these inputs render the same
 * records.
 */
export interface ScalewayInputs {
  readonly networks: readonly NetworkInputs[];
  readonly clusters: readonly ClusterInputs[];
  readonly pools: readonly PoolInputs[];
  readonly instances: readonly InstancesInputs[];
  readonly buckets: readonly BucketInputs[];
}

/** A resource to declare: its Pulumi name and its inputs. */
export interface Declared<T> {
  readonly name: string;
  readonly args: T;
}

/** A `ScalewayPrivateNetwork`: its VPC and its regional private network. */
export interface NetworkInputs {
  readonly path: string;
  readonly vpc: Declared<{ name: string; region: string }>;
  /** `vpcId` is the VPC's id once declared. */
  readonly privateNetwork: Declared<{ name: string; region: string; ipv4Subnet?: { subnet: string } }>;
}

/** A Kapsule cluster; `privateNetworkId` is its network's id once declared. */
export interface ClusterInputs extends Declared<{
  name: string;
  version: string;
  cni: string;
  region: string;
  deleteAdditionalResources: boolean;
  type?: string;
  description?: string;
}> {
  readonly path: string;
  /** Path of its `ScalewayPrivateNetwork`. */
  readonly network: string;
}

/** A Kapsule pool; `clusterId` is its cluster's id once declared. */
export interface PoolInputs extends Declared<{
  name: string;
  nodeType: string;
  region: string;
  zone: string;
  size: number;
  autoscaling: boolean;
  minSize?: number;
  maxSize?: number;
  autohealing: boolean;
  containerRuntime: string;
  rootVolumeType: string;
  rootVolumeSizeInGb: number;
  publicIpDisabled: boolean;
  labels?: Record<string, string>;
  taints?: { key: string; value: string; effect: string }[];
}> {
  readonly path: string;
  /** Path of its `ScalewayGpuCluster`. */
  readonly cluster: string;
}

/** A group of GPU Instances: one placement group, and per server its optional routed IP. */
export interface InstancesInputs {
  readonly path: string;
  /** Path of its `ScalewayPrivateNetwork`. */
  readonly network: string;
  readonly placementGroup: Declared<{ name: string; zone: string; policyType: string; policyMode: string }>;
  /** `placementGroupId`, `privateNetworks` and `ipIds` are added once declared. */
  readonly servers: readonly (Declared<{
    name: string;
    type: string;
    zone: string;
    image: string;
    rootVolume: { volumeType: string; sizeInGb: number };
    enableDynamicIp: boolean;
  }> & { readonly ip?: Declared<{ type: string; zone: string }> })[];
}

export interface BucketInputs extends Declared<{
  name: string;
  region: string;
  versioning: { enabled: boolean };
}> {
  readonly path: string;
}

/**
 * Reads the inputs of every Scaleway resource of the design from its cloud model. Throws a
 * `DesignError` (before anything is declared) when a setting is a Terraform reference (a cdktf
 * token), which a Pulumi program cannot read.
 */
export function scalewayInputs(cloud: CloudModel): ScalewayInputs {
  const networks: NetworkInputs[] = [];
  const clusters: ClusterInputs[] = [];
  const pools: PoolInputs[] = [];
  const instances: InstancesInputs[] = [];
  const buckets: BucketInputs[] = [];
  for (const r of cloud.resources) {
    switch (r.kind) {
      case 'cloud-network':
        networks.push({
          path: r.path,
          vpc: { name: r.vpcPath, args: { name: r.name, region: r.region } },
          privateNetwork: {
            name: r.privateNetworkPath,
            args: {
              name: r.name,
              region: r.region,
              ...(r.ipv4Subnet !== undefined ? { ipv4Subnet: { subnet: r.ipv4Subnet } } : {}),
            },
          },
        });
        break;
      case 'cloud-cluster': {
        const type = plain(r.path, 'type', r.controlPlaneType);
        const description = plain(r.path, 'description', r.description);
        clusters.push({
          path: r.path,
          network: r.network,
          name: r.resourcePath,
          args: {
            name: r.name,
            version: r.version,
            cni: r.cni,
            region: r.region,
            deleteAdditionalResources: r.deleteAdditionalResources,
            ...(type !== undefined ? { type } : {}),
            ...(description !== undefined ? { description } : {}),
          },
        });
        break;
      }
      case 'cloud-pool':
        pools.push({
          path: r.path,
          cluster: r.cluster,
          name: r.resourcePath,
          args: {
            name: r.name,
            nodeType: r.instanceType,
            region: r.region,
            zone: r.zone,
            size: r.size,
            autoscaling: r.autoscaling !== undefined,
            ...(r.autoscaling ? { minSize: r.autoscaling.min, maxSize: r.autoscaling.max } : {}),
            autohealing: r.autohealing,
            containerRuntime: r.containerRuntime,
            rootVolumeType: r.rootVolumeType,
            rootVolumeSizeInGb: r.rootVolumeSizeGb,
            publicIpDisabled: r.publicIpDisabled,
            ...(Object.keys(r.labels).length > 0 ? { labels: { ...r.labels } } : {}),
            ...(r.taints.length > 0
              ? { taints: r.taints.map((t) => ({ key: t.key, value: t.value, effect: t.effect })) }
              : {}),
          },
        });
        break;
      case 'cloud-instances': {
        const pg = r.placementGroup;
        instances.push({
          path: r.path,
          network: r.network,
          placementGroup: {
            name: pg.path,
            args: {
              name: plain(r.path, 'placement group name', pg.name),
              zone: r.zone,
              policyType: pg.policyType,
              policyMode: pg.policyMode,
            },
          },
          servers: r.servers.map((s) => ({
            name: s.path,
            args: {
              name: plain(r.path, 'server name', s.name),
              type: r.instanceType,
              zone: r.zone,
              image: r.image,
              rootVolume: { volumeType: r.rootVolumeType, sizeInGb: r.rootVolumeSizeGb },
              enableDynamicIp: false,
            },
            ...(s.ipPath !== undefined
              ? { ip: { name: s.ipPath, args: { type: 'routed_ipv4', zone: r.zone } } }
              : {}),
          })),
        });
        break;
      }
      case 'cloud-bucket':
        buckets.push({
          path: r.path,
          name: r.resourcePath,
          args: { name: r.name, region: r.region, versioning: { enabled: r.versioning } },
        });
        break;
      case 'state-backend':
        // Terraform's remote state: Pulumi keeps its own (`pulumi login`), nothing to declare.
        break;
    }
  }
  return { networks, clusters, pools, instances, buckets };
}

/**
 * A setting as a plain value. A Terraform reference (`${TfToken[TOKEN.n]}`, cdktf's marker of an
 * unresolved reference in a string: see src/terraform-literal.ts) has no value a Pulumi program can use.
 */
function plain<T extends string | undefined>(path: string, what: string, value: T): T {
  if (typeof value === 'string' && value.includes('${TfToken[')) {
    throw new DesignError(path, `${what} is a Terraform reference; the Pulumi adapter needs a plain value`);
  }
  return value;
}
