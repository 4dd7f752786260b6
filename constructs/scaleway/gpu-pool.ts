import { Construct } from 'constructs';
import { K8SPool } from '../../generated/scaleway/k8s-pool';
import { ScalewayGpuType } from '../../src/catalog/scaleway-gpu-types';
import { scalewayRegion, scalewayZone } from '../../src/catalog/scaleway-locations';
import { DesignError } from '../../src/errors';
import { cloudRecord, NodeTaint } from '../../src/model/cloud-records';
import { count } from '../../src/units';
import { dnsLabel, LABELS } from '../../src/kubernetes/names';
import { labelKey, labelValue, shown } from '../../src/kubernetes/validate';
import type { IScalewayGpuCluster } from './kapsule';

/** Root volume types of a Kapsule pool: Block Storage (`sbs_5k`, `sbs_15k`) or local / legacy (`l_ssd`, `b_ssd`). */
export type PoolRootVolumeType = 'sbs_5k' | 'sbs_15k' | 'l_ssd' | 'b_ssd';

export type { NodeTaint } from '../../src/model/cloud-records';

/** Autoscaling bounds of a pool, in nodes. */
export interface PoolAutoscaling {
  readonly min: number;
  readonly max: number;
}

interface ScalewayGpuPoolCommonProps {
  /** Pool name, unique in the cluster (lowercase letters, digits and dashes). */
  readonly name: string;
  /** Node type: a GPU Instance type or its id, for example 'B300-SXM-8-288G'. */
  readonly nodeType: ScalewayGpuType | string;
  /**
   * Availability Zone of the nodes; must be in the cluster's region.
   * @default - the first zone of the cluster's region that offers `nodeType` (fr-par-2 for B300), else its first zone
   */
  readonly zone?: string;
  /**
   * Kubernetes labels on every node, besides `aifactory.io/system` (the node type) and
   * `aifactory.io/pool` (the pool name), which the Kubernetes platform relies on.
   * @default - none besides those and Kapsule's own
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Kubernetes taints on every node.
   * @default - none
   */
  readonly taints?: readonly NodeTaint[];
  /**
   * Root volume type of the nodes. GPU types have no local volumes (SCW-002).
   * @default 'sbs_5k'
   */
  readonly rootVolumeType?: PoolRootVolumeType;
  /**
   * Root volume size of the nodes, GB.
   * @default 500
   */
  readonly rootVolumeSizeGb?: number;
  /**
   * Replace nodes that fail their health checks.
   * @default true
   */
  readonly autohealing?: boolean;
  /**
   * Nodes without a public IP (egress then needs a Public Gateway on the cluster's private network).
   * @default false
   */
  readonly publicIpDisabled?: boolean;
}

/** A fixed pool of `size` nodes, or an autoscaling pool between `autoscaling.min` and `autoscaling.max`. */
export type ScalewayGpuPoolProps = ScalewayGpuPoolCommonProps &
  (
    | {
        /** Number of nodes. */
        readonly size: number;
        readonly autoscaling?: undefined;
      }
    | {
        /** Autoscaling bounds, in nodes. */
        readonly autoscaling: PoolAutoscaling;
        /**
         * Initial number of nodes.
         * @default - `autoscaling.min`, at least 1
         */
        readonly size?: number;
      }
  );

const EFFECTS = new Set(['NoSchedule', 'PreferNoSchedule', 'NoExecute']);

/** A GPU node pool of a Kapsule cluster; create it with `cluster.addPool(...)`. */
export class ScalewayGpuPool extends Construct {
  readonly cluster: IScalewayGpuCluster;
  readonly poolName: string;
  readonly nodeType: ScalewayGpuType;
  readonly zone: string;
  readonly size: number;
  readonly autoscaling?: PoolAutoscaling;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly NodeTaint[];
  readonly rootVolumeType: PoolRootVolumeType;
  readonly rootVolumeSizeGb: number;
  /** Replace nodes that fail their health checks. */
  readonly autohealing: boolean;
  /** Nodes without a public IP. */
  readonly publicIpDisabled: boolean;
  /** Container runtime of the nodes: containerd. */
  readonly containerRuntime = 'containerd';
  readonly pool: K8SPool;

  constructor(cluster: IScalewayGpuCluster, id: string, props: ScalewayGpuPoolProps) {
    super(cluster, id);
    const path = this.node.path;
    this.cluster = cluster;
    if (typeof props.name !== 'string' || !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(props.name)) {
      throw new DesignError(
        path,
        `name must be lowercase letters, digits and dashes, got '${String(props.name)}'`,
      );
    }
    this.poolName = props.name;
    this.nodeType = ScalewayGpuType.from(props.nodeType, path, 'nodeType');
    const region = scalewayRegion(cluster.region, path);
    const zone = scalewayZone(
      props.zone ?? region.zones.find((z) => this.nodeType.offeredIn(z)) ?? region.zones[0],
      path,
    );
    if (zone.region !== region.id) {
      throw new DesignError(
        path,
        `zone ${zone.id} is in region ${zone.region}, but the cluster is in ${region.id}`,
      );
    }
    this.zone = zone.id;

    const whole = (prop: string, v: number) => {
      if (!Number.isInteger(v))
        throw new DesignError(path, `${prop} must be a whole number, got ${String(v)}`);
      return v;
    };
    if (props.autoscaling !== undefined) {
      this.autoscaling = {
        min: whole('autoscaling.min', props.autoscaling.min),
        max: whole('autoscaling.max', props.autoscaling.max),
      };
      this.size = whole('size', props.size ?? Math.max(this.autoscaling.min, 1));
    } else {
      if (props.size === undefined) throw new DesignError(path, 'a pool needs a size or autoscaling bounds');
      this.size = whole('size', props.size);
    }

    // The layout labels the Kubernetes platform relies on (ResourceFlavor per system, pool), then the user's.
    this.labels = {
      [LABELS.system]: dnsLabel(this.nodeType.id),
      [LABELS.pool]: this.poolName,
      ...(props.labels ?? {}),
    };
    for (const [k, v] of Object.entries(this.labels)) {
      labelKey(path, 'a key of labels', k);
      labelValue(path, `labels[${shown(k)}]`, v);
    }
    this.taints = [...(props.taints ?? [])];
    for (const t of this.taints) {
      if (!t || !t.key || typeof t.value !== 'string' || !EFFECTS.has(t.effect)) {
        throw new DesignError(
          path,
          `taint ${shown(JSON.stringify(t))} needs a key, a value and an effect (${[...EFFECTS].join(', ')})`,
        );
      }
      labelKey(path, 'a taint key', t.key);
      labelValue(path, `the value of taint ${shown(t.key)}`, t.value);
    }
    this.rootVolumeType = props.rootVolumeType ?? 'sbs_5k';
    this.rootVolumeSizeGb = count(path, 'rootVolumeSizeGb', props.rootVolumeSizeGb ?? 500);
    this.autohealing = props.autohealing ?? true;
    this.publicIpDisabled = props.publicIpDisabled ?? false;

    this.pool = new K8SPool(this, 'pool', {
      clusterId: cluster.cluster.id,
      name: this.poolName,
      nodeType: this.nodeType.id,
      region: region.id,
      zone: this.zone,
      size: this.size,
      autoscaling: this.autoscaling !== undefined,
      minSize: this.autoscaling?.min,
      maxSize: this.autoscaling?.max,
      autohealing: this.autohealing,
      containerRuntime: this.containerRuntime,
      rootVolumeType: this.rootVolumeType,
      rootVolumeSizeInGb: this.rootVolumeSizeGb,
      publicIpDisabled: this.publicIpDisabled,
      labels: Object.keys(this.labels).length > 0 ? { ...this.labels } : undefined,
      taints: this.taints.length > 0 ? this.taints.map((t) => ({ ...t })) : undefined,
    });
    cloudRecord(this, 'cloud-pool', () => ({
      provider: 'scaleway',
      name: this.poolName,
      cluster: this.cluster,
      nodeType: this.nodeType,
      zone: this.zone,
      size: this.size,
      autoscaling: this.autoscaling,
      rootVolumeType: this.rootVolumeType,
      rootVolumeSizeGb: this.rootVolumeSizeGb,
      labels: this.labels,
      taints: this.taints,
      autohealing: this.autohealing,
      publicIpDisabled: this.publicIpDisabled,
      containerRuntime: this.containerRuntime,
      resourcePath: this.pool.node.path,
    }));
  }
}
