import { Construct } from 'constructs';
import { Fn } from 'cdktf';
import { K8SCluster } from '../../generated/scaleway/k8s-cluster';
import { scalewayRegion } from '../../src/catalog/scaleway-locations';
import { DesignError } from '../../src/errors';
import { cloudRecord } from '../../src/model/cloud-records';
import { ScalewayGpuPool, ScalewayGpuPoolProps } from './gpu-pool';
import type { IScalewayGpuCluster } from './kapsule';
import { ScalewayPrivateNetwork } from './private-network';

export interface ScalewayGpuClusterProps {
  /**
   * Kubernetes version: a minor ('1.34', Kapsule applies its patches) or a patch ('1.34.1').
   * Required, with no default that would move under the GPU platform (SCW-004).
   */
  readonly version: string;
  /**
   * Region of the control plane; the pools' zones must be in it.
   * @default 'fr-par'
   */
  readonly region?: string;
  /**
   * Cluster name.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Private network of the cluster; it must be in `region`.
   * @default - a new private network (and VPC) in the region
   */
  readonly privateNetwork?: ScalewayPrivateNetwork;
  /**
   * Control plane offer, for example 'kapsule-dedicated-8'.
   * @default - Scaleway's default, the shared 'kapsule' control plane
   */
  readonly controlPlaneType?: string;
  /**
   * Description of the cluster.
   * @default - none
   */
  readonly description?: string;
}

/**
 * Where the Kubernetes GPU platform attaches to a Kapsule cluster. The kubeconfig fields are
 * references to the cluster's `kubeconfig` attribute, which the provider marks sensitive:
 * pass them to a provider configuration, or to a `TerraformOutput` with `sensitive: true`.
 */
export interface KapsulePlatformTarget {
  readonly clusterId: string;
  readonly clusterName: string;
  readonly region: string;
  /** API server URL: `kubeconfig[0].host`. */
  readonly host: string;
  /** Bearer token of the admin kubeconfig: `kubeconfig[0].token` (sensitive). */
  readonly token: string;
  /** `kubeconfig[0].cluster_ca_certificate`, base64-encoded PEM as Scaleway returns it. */
  readonly clusterCaCertificateBase64: string;
  /** The CA certificate as PEM (`base64decode` of the above), as the kubernetes and helm providers take it. */
  readonly clusterCaCertificate: string;
  /** Always true: Kapsule installs the NVIDIA GPU Operator on GPU pools; configure it, never install a second one. */
  readonly managedGpuOperator: true;
  /** The GPU pools, in the order they were added. */
  readonly pools: readonly ScalewayGpuPool[];
}

/**
 * A Scaleway Kapsule cluster for GPU pools: Cilium, attached to a private network, and
 * `delete_additional_resources = false` (deleting the cluster keeps volumes and load
 * balancers its workloads created). Add pools with `addPool(...)`. Kapsule installs the
 * NVIDIA GPU Operator on every GPU pool itself: the model record says so
 * (`managedGpuOperator: true`) so that the Kubernetes platform does not install a second one.
 */
export class ScalewayGpuCluster extends Construct implements IScalewayGpuCluster {
  readonly cluster: K8SCluster;
  readonly clusterName: string;
  readonly region: string;
  readonly version: string;
  readonly privateNetwork: ScalewayPrivateNetwork;
  /** Kapsule installs the NVIDIA GPU Operator on GPU pools. */
  readonly managedGpuOperator = true;
  /** The CNI: Cilium. */
  readonly cni = 'cilium';
  /** Control plane offer; undefined: Scaleway's default. */
  readonly controlPlaneType?: string;
  readonly description?: string;
  /** False: deleting the cluster keeps the volumes and load balancers its workloads created. */
  readonly deleteAdditionalResources = false;
  private readonly poolList: ScalewayGpuPool[] = [];

  constructor(scope: Construct, id: string, props: ScalewayGpuClusterProps) {
    super(scope, id);
    const path = this.node.path;
    this.region = scalewayRegion(props.region ?? 'fr-par', path).id;
    this.clusterName = props.name ?? id;
    // An empty or floating version is SCW-004's finding, reported with the others.
    this.version = typeof props.version === 'string' ? props.version : '';
    this.privateNetwork =
      props.privateNetwork ?? new ScalewayPrivateNetwork(this, 'network', { region: this.region });
    if (this.privateNetwork.region !== this.region) {
      throw new DesignError(
        path,
        `the cluster is in region ${this.region}, but private network ${this.privateNetwork.node.path} is in ${this.privateNetwork.region}`,
      );
    }
    this.controlPlaneType = props.controlPlaneType;
    this.description = props.description;
    this.cluster = new K8SCluster(this, 'cluster', {
      name: this.clusterName,
      version: this.version,
      cni: this.cni,
      region: this.region,
      privateNetworkId: this.privateNetwork.id,
      deleteAdditionalResources: this.deleteAdditionalResources,
      type: this.controlPlaneType,
      description: this.description,
    });
    cloudRecord(this, 'cloud-cluster', () => ({
      provider: 'scaleway',
      name: this.clusterName,
      region: this.region,
      version: this.version,
      cni: this.cni,
      managedGpuOperator: this.managedGpuOperator,
      network: this.privateNetwork,
      controlPlaneType: this.controlPlaneType,
      description: this.description,
      deleteAdditionalResources: this.deleteAdditionalResources,
      resourcePath: this.cluster.node.path,
    }));
  }

  /** Adds a GPU pool (a construct `pool-<name>` under the cluster). */
  addPool(props: ScalewayGpuPoolProps): ScalewayGpuPool {
    const name = props?.name;
    if (this.poolList.some((p) => p.poolName === name)) {
      throw new DesignError(this.node.path, `pool name '${name}' is already used in this cluster`);
    }
    const pool = new ScalewayGpuPool(this, `pool-${name}`, props);
    this.poolList.push(pool);
    return pool;
  }

  /** The GPU pools, in the order they were added. */
  get pools(): readonly ScalewayGpuPool[] {
    return [...this.poolList];
  }

  /** What the Kubernetes GPU platform needs to attach: the API server, credentials (sensitive) and pools. */
  get platformTarget(): KapsulePlatformTarget {
    const kubeconfig = this.cluster.kubeconfig.get(0);
    return {
      clusterId: this.cluster.id,
      clusterName: this.clusterName,
      region: this.region,
      host: kubeconfig.host,
      token: kubeconfig.token,
      clusterCaCertificateBase64: kubeconfig.clusterCaCertificate,
      clusterCaCertificate: Fn.base64decode(kubeconfig.clusterCaCertificate),
      managedGpuOperator: true,
      pools: this.pools,
    };
  }
}
