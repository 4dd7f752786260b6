import { Construct } from 'constructs';
import { InstanceIp } from '../../generated/scaleway/instance-ip';
import { InstancePlacementGroup } from '../../generated/scaleway/instance-placement-group';
import { InstanceServer } from '../../generated/scaleway/instance-server';
import { ScalewayGpuType } from '../../src/catalog/scaleway-gpu-types';
import { scalewayZone } from '../../src/catalog/scaleway-locations';
import { DesignError } from '../../src/errors';
import { cloudRecord, CloudPlacementGroupRecord, CloudServerRecord } from '../../src/model/cloud-records';
import { count } from '../../src/units';
import { ScalewayPrivateNetwork } from './private-network';

/**
 * Default image of GPU Instances: Scaleway's "GPU OS 12" on Ubuntu 24.04 (Noble), with the
 * NVIDIA driver and container toolkit preinstalled (Scaleway documentation, "Instance OS
 * images and InstantApps"; the marketplace lists it as compatible with the GPU types).
 */
export const DEFAULT_GPU_IMAGE = 'ubuntu_noble_gpu_os_12';

/** Default root volume of a GPU Instance, GB: the OS, drivers and a few container images. */
export const DEFAULT_ROOT_VOLUME_SIZE_GB = 500;

/** Root volume types of an Instance: Block Storage (`sbs_volume`) or local (`l_ssd`, not on GPU types). */
export type InstanceRootVolumeType = 'sbs_volume' | 'l_ssd';

export interface ScalewayGpuInstancesProps {
  /** GPU Instance type: a catalog entry or its id, for example 'B300-SXM-8-288G'. */
  readonly instanceType: ScalewayGpuType | string;
  /** Number of instances. */
  readonly count: number;
  /** Availability Zone, for example 'fr-par-2'. */
  readonly zone: string;
  /**
   * Private network the instances attach to; it must be in the zone's region.
   * @default - a new private network (and VPC) in the zone's region
   */
  readonly privateNetwork?: ScalewayPrivateNetwork;
  /**
   * Image label or ID.
   * @default DEFAULT_GPU_IMAGE ('ubuntu_noble_gpu_os_12')
   */
  readonly image?: string;
  /**
   * Root volume size, GB.
   * @default 500
   */
  readonly rootVolumeSizeGb?: number;
  /**
   * Root volume type. GPU types have no local volumes (SCW-002).
   * @default 'sbs_volume'
   */
  readonly rootVolumeType?: InstanceRootVolumeType;
  /**
   * Give each instance a routed public IPv4 address. Without one, instances reach the
   * internet only through a Public Gateway on their private network.
   * @default false
   */
  readonly enablePublicIp?: boolean;
  /**
   * Prefix of the instance names (`<prefix>-01`, `<prefix>-02`, ...).
   * @default - the construct id
   */
  readonly namePrefix?: string;
}

/**
 * A group of Scaleway GPU Instances of one type in one zone: each boots from a Block Storage
 * root volume, attaches to a private network, and stands in one `low_latency` placement group
 * (enforced); no public IP unless asked.
 */
export class ScalewayGpuInstances extends Construct {
  readonly instanceType: ScalewayGpuType;
  readonly count: number;
  readonly zone: string;
  readonly image: string;
  readonly rootVolumeType: InstanceRootVolumeType;
  readonly rootVolumeSizeGb: number;
  readonly publicIp: boolean;
  readonly privateNetwork: ScalewayPrivateNetwork;
  readonly placementGroup: InstancePlacementGroup;
  readonly servers: readonly InstanceServer[];
  readonly publicIps: readonly InstanceIp[];
  /** Prefix of the instance names. */
  readonly namePrefix: string;
  private readonly placementGroupRecord: CloudPlacementGroupRecord;
  private readonly serverRecords: readonly CloudServerRecord[];

  constructor(scope: Construct, id: string, props: ScalewayGpuInstancesProps) {
    super(scope, id);
    const path = this.node.path;
    this.instanceType = ScalewayGpuType.from(props.instanceType, path, 'instanceType');
    this.count = count(path, 'count', props.count);
    const zone = scalewayZone(props.zone, path);
    this.zone = zone.id;
    this.image = props.image ?? DEFAULT_GPU_IMAGE;
    if (typeof this.image !== 'string' || this.image.trim() === '') {
      throw new DesignError(path, 'image must be an image label or ID');
    }
    this.rootVolumeType = props.rootVolumeType ?? 'sbs_volume';
    this.rootVolumeSizeGb = count(
      path,
      'rootVolumeSizeGb',
      props.rootVolumeSizeGb ?? DEFAULT_ROOT_VOLUME_SIZE_GB,
    );
    this.publicIp = props.enablePublicIp ?? false;
    this.privateNetwork =
      props.privateNetwork ?? new ScalewayPrivateNetwork(this, 'network', { region: zone.region });
    if (this.privateNetwork.region !== zone.region) {
      throw new DesignError(
        path,
        `zone ${zone.id} is in region ${zone.region}, but private network ${this.privateNetwork.node.path} is in ${this.privateNetwork.region}`,
      );
    }
    const prefix = props.namePrefix ?? id;
    this.namePrefix = prefix;

    const placement = { name: prefix, policyType: 'low_latency', policyMode: 'enforced' };
    this.placementGroup = new InstancePlacementGroup(this, 'placement-group', {
      name: placement.name,
      zone: this.zone,
      policyType: placement.policyType,
      policyMode: placement.policyMode,
    });
    this.placementGroupRecord = { path: this.placementGroup.node.path, ...placement };
    const servers: InstanceServer[] = [];
    const ips: InstanceIp[] = [];
    const serverRecords: CloudServerRecord[] = [];
    const width = Math.max(2, String(this.count).length);
    for (let i = 1; i <= this.count; i++) {
      const n = String(i).padStart(width, '0');
      const ip = this.publicIp
        ? new InstanceIp(this, `ip-${n}`, { type: 'routed_ipv4', zone: this.zone })
        : undefined;
      if (ip) ips.push(ip);
      const name = `${prefix}-${n}`;
      servers.push(
        new InstanceServer(this, `server-${n}`, {
          name,
          type: this.instanceType.id,
          zone: this.zone,
          image: this.image,
          placementGroupId: this.placementGroup.id,
          rootVolume: { volumeType: this.rootVolumeType, sizeInGb: this.rootVolumeSizeGb },
          privateNetwork: [{ pnId: this.privateNetwork.id }],
          enableDynamicIp: false,
          ipIds: ip ? [ip.id] : undefined,
        }),
      );
      serverRecords.push({ path: servers[servers.length - 1].node.path, name, ipPath: ip?.node.path });
    }
    this.servers = servers;
    this.publicIps = ips;
    this.serverRecords = serverRecords;
    cloudRecord(this, 'cloud-instances', () => ({
      provider: 'scaleway',
      name: this.node.id,
      instanceType: this.instanceType,
      zone: this.zone,
      count: this.count,
      rootVolumeType: this.rootVolumeType,
      rootVolumeSizeGb: this.rootVolumeSizeGb,
      image: this.image,
      publicIp: this.publicIp,
      network: this.privateNetwork,
      placementGroup: this.placementGroupRecord,
      servers: this.serverRecords,
    }));
  }
}
