import { IConstruct } from 'constructs';
import { IResolvable, Token } from 'cdktf';
import { ScalewayGpuCluster } from '../constructs/scaleway/gpu-cluster';
import { ScalewayGpuInstances } from '../constructs/scaleway/gpu-instances';
import { ScalewayGpuPool } from '../constructs/scaleway/gpu-pool';
import { ScalewayObjectBucket } from '../constructs/scaleway/object-bucket';
import { ScalewayPrivateNetwork } from '../constructs/scaleway/private-network';
import { DesignError } from '../src/errors';
import { CloudModel } from '../src/model/cloud';

/**
 * The Scaleway resources of a design as plain Pulumi inputs, before anything is declared. Each
 * resource is named after the construct path of the Terraform resource the construct makes
 * (`scaleway-b300/training/pool-b300/pool`), so both engines name it alike; references between
 * resources (VPC, private network, cluster, placement group, IP) are by construct path and become
 * outputs when declared.
 *
 * Most settings come from the cloud model (`buildCloud`: names, regions, zones, types, sizes,
 * autoscaling bounds, root volumes, labels, image, public IP); the few the model does not carry
 * (pool taints, autohealing, container runtime and public IP switch; cluster description, control
 * plane type and `delete_additional_resources`; placement group and server names and policy;
 * bucket versioning) are read from the constructs, which configured them at construction.
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
 * Reads the inputs of every Scaleway resource of the design. Throws a `DesignError` (before
 * anything is declared) when a construct of the model is not one of this library's Scaleway
 * constructs, or when a setting is a Terraform reference a Pulumi program cannot read.
 */
export function scalewayInputs(root: IConstruct, cloud: CloudModel): ScalewayInputs {
  const byPath = new Map(root.node.findAll().map((c) => [c.node.path, c]));
  const find = <T>(path: string, type: abstract new (...args: never[]) => T): T => {
    const c = byPath.get(path);
    if (!(c instanceof type)) {
      throw new DesignError(
        path,
        `not a ${type.name} of this copy of aifactory: the Pulumi adapter cannot read it`,
      );
    }
    return c;
  };

  const networks: NetworkInputs[] = [];
  const clusters: ClusterInputs[] = [];
  const pools: PoolInputs[] = [];
  const instances: InstancesInputs[] = [];
  const buckets: BucketInputs[] = [];
  for (const r of cloud.resources) {
    switch (r.kind) {
      case 'cloud-network': {
        const n = find(r.path, ScalewayPrivateNetwork);
        networks.push({
          path: r.path,
          vpc: { name: n.vpc.node.path, args: { name: r.name, region: r.region } },
          privateNetwork: {
            name: n.privateNetwork.node.path,
            args: {
              name: r.name,
              region: r.region,
              ...(r.ipv4Subnet !== undefined ? { ipv4Subnet: { subnet: r.ipv4Subnet } } : {}),
            },
          },
        });
        break;
      }
      case 'cloud-cluster': {
        const c = find(r.path, ScalewayGpuCluster);
        const k = c.cluster;
        const type = plain(r.path, 'type', k.typeInput);
        const description = plain(r.path, 'description', k.descriptionInput);
        clusters.push({
          path: r.path,
          network: c.privateNetwork.node.path,
          name: k.node.path,
          args: {
            name: r.name,
            version: r.version,
            cni: r.cni,
            region: r.region,
            deleteAdditionalResources: required(
              r.path,
              'deleteAdditionalResources',
              plain(r.path, 'deleteAdditionalResources', k.deleteAdditionalResourcesInput),
            ),
            ...(type !== undefined ? { type } : {}),
            ...(description !== undefined ? { description } : {}),
          },
        });
        break;
      }
      case 'cloud-pool': {
        const p = find(r.path, ScalewayGpuPool);
        const k = p.pool;
        pools.push({
          path: r.path,
          cluster: r.cluster,
          name: k.node.path,
          args: {
            name: r.name,
            nodeType: r.instanceType,
            region: r.region,
            zone: r.zone,
            size: r.size,
            autoscaling: r.autoscaling !== undefined,
            ...(r.autoscaling ? { minSize: r.autoscaling.min, maxSize: r.autoscaling.max } : {}),
            autohealing: required(r.path, 'autohealing', plain(r.path, 'autohealing', k.autohealingInput)),
            containerRuntime: required(
              r.path,
              'containerRuntime',
              plain(r.path, 'containerRuntime', k.containerRuntimeInput),
            ),
            rootVolumeType: r.rootVolumeType,
            rootVolumeSizeInGb: r.rootVolumeSizeGb,
            publicIpDisabled: required(
              r.path,
              'publicIpDisabled',
              plain(r.path, 'publicIpDisabled', k.publicIpDisabledInput),
            ),
            ...(Object.keys(r.labels).length > 0 ? { labels: { ...r.labels } } : {}),
            ...(p.taints.length > 0
              ? { taints: p.taints.map((t) => ({ key: t.key, value: t.value, effect: t.effect })) }
              : {}),
          },
        });
        break;
      }
      case 'cloud-instances': {
        const g = find(r.path, ScalewayGpuInstances);
        if (g.servers.length !== r.count) {
          throw new DesignError(r.path, `${g.servers.length} servers for a count of ${r.count}`);
        }
        const pg = g.placementGroup;
        instances.push({
          path: r.path,
          network: g.privateNetwork.node.path,
          placementGroup: {
            name: pg.node.path,
            args: {
              name: required(
                r.path,
                'placement group name',
                plain(r.path, 'placement group name', pg.nameInput),
              ),
              zone: r.zone,
              policyType: required(r.path, 'policyType', plain(r.path, 'policyType', pg.policyTypeInput)),
              policyMode: required(r.path, 'policyMode', plain(r.path, 'policyMode', pg.policyModeInput)),
            },
          },
          servers: g.servers.map((s, i) => {
            const ip = r.publicIp ? g.publicIps[i] : undefined;
            return {
              name: s.node.path,
              args: {
                name: required(r.path, 'server name', plain(r.path, 'server name', s.nameInput)),
                type: r.instanceType,
                zone: r.zone,
                image: r.image,
                rootVolume: { volumeType: r.rootVolumeType, sizeInGb: r.rootVolumeSizeGb },
                enableDynamicIp: false,
              },
              ...(ip ? { ip: { name: ip.node.path, args: { type: 'routed_ipv4', zone: r.zone } } } : {}),
            };
          }),
        });
        break;
      }
      case 'cloud-bucket': {
        const b = find(r.path, ScalewayObjectBucket);
        const enabled = plain(r.path, 'versioning', b.bucket.versioningInput?.enabled);
        buckets.push({
          path: r.path,
          name: b.bucket.node.path,
          args: { name: r.name, region: r.region, versioning: { enabled: enabled ?? false } },
        });
        break;
      }
      case 'state-backend':
        // Terraform's remote state: Pulumi keeps its own (`pulumi login`), nothing to declare.
        break;
    }
  }
  return { networks, clusters, pools, instances, buckets };
}

/** A setting as a plain value: a Terraform reference (a cdktf token) has no value a Pulumi program can use. */
function plain<T extends string | number | boolean>(
  path: string,
  what: string,
  value: T | IResolvable | undefined,
): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (Token.isUnresolved(value) || typeof value === 'object') {
    throw new DesignError(path, `${what} is a Terraform reference; the Pulumi adapter needs a plain value`);
  }
  return value;
}

function required<T>(path: string, what: string, value: T | undefined): T {
  if (value === undefined) throw new DesignError(path, `${what} is not set`);
  return value;
}
