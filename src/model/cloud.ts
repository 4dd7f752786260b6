import { IConstruct } from 'constructs';
import { ScalewayGpuType } from '../catalog/scaleway-gpu-types';
import { scalewayRegion, scalewayZone } from '../catalog/scaleway-locations';
import { DesignError } from '../errors';
import { round } from '../units';
import {
  CloudBucketRecord,
  CloudClusterRecord,
  CloudInstancesRecord,
  CloudNetworkRecord,
  CloudPoolRecord,
  CloudProvider,
  CloudRecord,
  isCloudModelled,
} from './cloud-records';
import { MODEL } from './records';
import { Residency } from './residency';

/** Where a cloud resource lives, and where it may live. */
export interface CloudLocated {
  readonly path: string;
  readonly provider: CloudProvider;
  readonly name: string;
  /** Zone of zonal resources (instances, pools); undefined for regional ones. */
  readonly zone?: string;
  readonly region: string;
  /** ISO 3166-1 alpha-2 country code of the region. */
  readonly country: string;
  /** 'EU' for EU member states, otherwise the country code. */
  readonly jurisdiction: string;
  /** Jurisdictions or country codes allowed here (nearest `Residency.allow`, else EU). */
  readonly allowedJurisdictions: readonly string[];
  /** Path of the scope whose residency applies; undefined: the default. */
  readonly residencySetBy?: string;
}

/** Capacity of GPU instances: a group, or the nodes of a pool (between its bounds). */
export interface CloudCapacity {
  readonly instanceType: string;
  readonly gpuType: ScalewayGpuType;
  readonly gpusPerInstance: number;
  /** Fewest and most instances (fixed groups and pools: both the size; autoscaling: the bounds). */
  readonly minCount: number;
  readonly maxCount: number;
  readonly rootVolumeType: string;
  readonly rootVolumeSizeGb: number;
  /** ESTIMATED power of one instance, kW (see the catalog's `powerEstimate`). */
  readonly estimatedPowerKwEach: number;
  /** ESTIMATED power at `maxCount` instances, kW. */
  readonly estimatedPowerKw: number;
}

export interface CloudNetwork
  extends CloudLocated, Pick<CloudNetworkRecord, 'ipv4Subnet' | 'vpcPath' | 'privateNetworkPath'> {
  readonly kind: 'cloud-network';
}

export interface CloudInstanceGroup
  extends
    CloudLocated,
    CloudCapacity,
    Pick<CloudInstancesRecord, 'count' | 'image' | 'publicIp' | 'placementGroup' | 'servers'> {
  readonly kind: 'cloud-instances';
  readonly zone: string;
  /** Path of the private network the instances attach to. */
  readonly network: string;
}

export interface CloudCluster
  extends
    CloudLocated,
    Pick<
      CloudClusterRecord,
      | 'version'
      | 'cni'
      | 'managedGpuOperator'
      | 'controlPlaneType'
      | 'description'
      | 'deleteAdditionalResources'
      | 'resourcePath'
    > {
  readonly kind: 'cloud-cluster';
  /** Path of its private network. */
  readonly network: string;
  /** Paths of its pools, sorted. */
  readonly pools: readonly string[];
}

export interface CloudPool
  extends
    CloudLocated,
    CloudCapacity,
    Pick<
      CloudPoolRecord,
      | 'size'
      | 'autoscaling'
      | 'taints'
      | 'autohealing'
      | 'publicIpDisabled'
      | 'containerRuntime'
      | 'resourcePath'
    > {
  readonly kind: 'cloud-pool';
  readonly zone: string;
  /** Path of the cluster. */
  readonly cluster: string;
  /** Kubernetes labels on every node of the pool (the layout's, then the user's), as the pool sets them. */
  readonly labels: Readonly<Record<string, string>>;
}

export interface CloudBucket extends CloudLocated, Pick<CloudBucketRecord, 'versioning' | 'resourcePath'> {
  readonly kind: 'cloud-bucket';
}

export interface CloudStateBackend extends CloudLocated {
  readonly kind: 'state-backend';
  readonly endpoint: string;
}

export type CloudResource =
  CloudNetwork | CloudInstanceGroup | CloudCluster | CloudPool | CloudBucket | CloudStateBackend;

/** Cloud GPU capacity, to report beside the on-premises racks. */
export interface CloudTotals {
  /** GPUs at the fewest and the most instances (autoscaling pools at their bounds). */
  readonly gpusMin: number;
  readonly gpusMax: number;
  /** ESTIMATED power at the fewest and the most instances, kW. */
  readonly estimatedPowerKwMin: number;
  readonly estimatedPowerKwMax: number;
}

/** The plain model of the cloud resources of a design. */
export interface CloudModel {
  /** Every cloud resource, sorted by construct path. */
  readonly resources: readonly CloudResource[];
  readonly totals: CloudTotals;
}

/** A model with no cloud resources. */
export const EMPTY_CLOUD: CloudModel = {
  resources: [],
  totals: { gpusMin: 0, gpusMax: 0, estimatedPowerKwMin: 0, estimatedPowerKwMax: 0 },
};

interface Found {
  readonly construct: IConstruct;
  readonly path: string;
  readonly record: CloudRecord;
}

/** Reads every cloud record under `root`, with its location, residency, counts and estimated power. */
export function buildCloud(root: IConstruct): CloudModel {
  const found: Found[] = [];
  for (const c of root.node.findAll()) {
    if (isCloudModelled(c)) found.push({ construct: c, path: c.node.path, record: c[MODEL]() });
  }
  found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const clusterPaths = new Set(found.filter((f) => f.record.kind === 'cloud-cluster').map((f) => f.path));
  const poolsOf = new Map<string, string[]>();
  const resources = found.map((f): CloudResource => {
    const r = f.record;
    const residency = Residency.of(f.construct);
    const where = (zone: string | undefined, regionId: string) => {
      const region = scalewayRegion(regionId, f.path);
      if (zone !== undefined && scalewayZone(zone, f.path).region !== region.id) {
        throw new DesignError(f.path, `zone ${zone} is not in region ${region.id}`);
      }
      return {
        path: f.path,
        provider: r.provider,
        name: r.name,
        zone,
        region: region.id,
        country: region.country,
        jurisdiction: region.jurisdiction,
        allowedJurisdictions: residency.allowed,
        residencySetBy: residency.setBy,
      };
    };
    const capacity = (
      type: ScalewayGpuType,
      minCount: number,
      maxCount: number,
      rootVolumeType: string,
      rootVolumeSizeGb: number,
    ): CloudCapacity => ({
      instanceType: type.id,
      gpuType: type,
      gpusPerInstance: type.spec.gpus,
      minCount,
      maxCount,
      rootVolumeType,
      rootVolumeSizeGb,
      estimatedPowerKwEach: type.spec.estimatedPowerKw,
      estimatedPowerKw: round(type.spec.estimatedPowerKw * Math.max(maxCount, 0)),
    });
    switch (r.kind) {
      case 'cloud-network':
        return {
          kind: r.kind,
          ...where(undefined, r.region),
          ipv4Subnet: r.ipv4Subnet,
          vpcPath: r.vpcPath,
          privateNetworkPath: r.privateNetworkPath,
        };
      case 'cloud-bucket':
        return {
          kind: r.kind,
          ...where(undefined, r.region),
          versioning: r.versioning,
          resourcePath: r.resourcePath,
        };
      case 'state-backend':
        return { kind: r.kind, ...where(undefined, r.region), endpoint: r.endpoint };
      case 'cloud-cluster':
        return {
          kind: r.kind,
          ...where(undefined, r.region),
          version: r.version,
          cni: r.cni,
          managedGpuOperator: r.managedGpuOperator,
          network: r.network.node.path,
          controlPlaneType: r.controlPlaneType,
          description: r.description,
          deleteAdditionalResources: r.deleteAdditionalResources,
          resourcePath: r.resourcePath,
          pools: [],
        };
      case 'cloud-instances':
        return {
          kind: r.kind,
          ...where(r.zone, scalewayZone(r.zone, f.path).region),
          zone: r.zone,
          ...capacity(r.instanceType, r.count, r.count, r.rootVolumeType, r.rootVolumeSizeGb),
          count: r.count,
          image: r.image,
          publicIp: r.publicIp,
          network: r.network.node.path,
          placementGroup: { ...r.placementGroup },
          servers: r.servers.map((s) => ({ ...s })),
        };
      case 'cloud-pool': {
        const cluster = r.cluster.node.path;
        if (!clusterPaths.has(cluster)) {
          throw new DesignError(f.path, `pool of ${cluster}, which is not a managed Kubernetes cluster`);
        }
        poolsOf.set(cluster, [...(poolsOf.get(cluster) ?? []), f.path]);
        const [min, max] = r.autoscaling ? [r.autoscaling.min, r.autoscaling.max] : [r.size, r.size];
        return {
          kind: r.kind,
          ...where(r.zone, scalewayZone(r.zone, f.path).region),
          zone: r.zone,
          cluster,
          ...capacity(r.nodeType, min, max, r.rootVolumeType, r.rootVolumeSizeGb),
          size: r.size,
          autoscaling: r.autoscaling ? { min: r.autoscaling.min, max: r.autoscaling.max } : undefined,
          labels: { ...r.labels },
          taints: r.taints.map((t) => ({ ...t })),
          autohealing: r.autohealing,
          publicIpDisabled: r.publicIpDisabled,
          containerRuntime: r.containerRuntime,
          resourcePath: r.resourcePath,
        };
      }
    }
  });

  const withPools = resources.map((res) =>
    res.kind === 'cloud-cluster' ? { ...res, pools: poolsOf.get(res.path) ?? [] } : res,
  );
  return { resources: withPools, totals: totalsOf(withPools) };
}

/** GPUs and estimated power over the instance groups and pools. */
function totalsOf(resources: readonly CloudResource[]): CloudTotals {
  let gpusMin = 0;
  let gpusMax = 0;
  let powerMin = 0;
  let powerMax = 0;
  for (const r of resources) {
    if (r.kind !== 'cloud-instances' && r.kind !== 'cloud-pool') continue;
    const min = Math.max(r.minCount, 0);
    const max = Math.max(r.maxCount, 0);
    gpusMin += min * r.gpusPerInstance;
    gpusMax += max * r.gpusPerInstance;
    powerMin += min * r.estimatedPowerKwEach;
    powerMax += max * r.estimatedPowerKwEach;
  }
  return { gpusMin, gpusMax, estimatedPowerKwMin: round(powerMin), estimatedPowerKwMax: round(powerMax) };
}
