import type { CustomResourceOptions } from '@pulumi/pulumi';
import { Cluster, Pool } from '@pulumiverse/scaleway/kubernetes';
import { Ip, PlacementGroup, Server } from '@pulumiverse/scaleway/instance';
import { PrivateNetwork, Vpc } from '@pulumiverse/scaleway/network';
import { Bucket } from '@pulumiverse/scaleway/object';
import type { Provider as ScalewayProvider } from '@pulumiverse/scaleway/provider';
import { ScalewayInputs } from './scaleway-inputs';

/** The Scaleway resources a design declared, by construct path of the aifactory construct. */
export interface DeployedScaleway {
  /** Per `ScalewayPrivateNetwork`: its VPC and private network. */
  readonly networks: Readonly<Record<string, { readonly vpc: Vpc; readonly privateNetwork: PrivateNetwork }>>;
  /** Per `ScalewayGpuCluster`: the Kapsule cluster (its `kubeconfigs` output is secret). */
  readonly clusters: Readonly<Record<string, Cluster>>;
  /** Per `ScalewayGpuPool`. */
  readonly pools: Readonly<Record<string, Pool>>;
  /** Per `ScalewayGpuInstances`: the placement group, the servers in order, and their IPs (with `enablePublicIp`). */
  readonly instances: Readonly<
    Record<
      string,
      {
        readonly placementGroup: PlacementGroup;
        readonly servers: readonly Server[];
        readonly ips: readonly Ip[];
      }
    >
  >;
  /** Per `ScalewayObjectBucket`. */
  readonly buckets: Readonly<Record<string, Bucket>>;
}

/**
 * Declares the Scaleway resources with `@pulumiverse/scaleway`, with the settings the Terraform
 * path writes: VPC and private network; Kapsule cluster (version, Cilium, private network,
 * `deleteAdditionalResources: false`); pools (node type, size or autoscaling bounds, labels,
 * taints, zone, root volume); a `low_latency` placement group (enforced) and servers on Block
 * Storage root volumes, on the private network, without a dynamic public IP; buckets.
 * `provider` (default: the ambient Scaleway provider, configured from `SCW_*` or the stack's
 * `scaleway:*` config) is given to every resource; each sets its own region or zone.
 */
export function declareScaleway(inputs: ScalewayInputs, provider?: ScalewayProvider): DeployedScaleway {
  const opts: CustomResourceOptions = provider ? { provider } : {};

  const networks: Record<string, { vpc: Vpc; privateNetwork: PrivateNetwork }> = {};
  for (const n of inputs.networks) {
    const vpc = new Vpc(n.vpc.name, { ...n.vpc.args }, opts);
    const privateNetwork = new PrivateNetwork(
      n.privateNetwork.name,
      { ...n.privateNetwork.args, vpcId: vpc.id },
      opts,
    );
    networks[n.path] = { vpc, privateNetwork };
  }
  const network = (path: string): PrivateNetwork => {
    const n = networks[path];
    if (!n) throw new Error(`${path}: private network not declared`);
    return n.privateNetwork;
  };

  const clusters: Record<string, Cluster> = {};
  for (const c of inputs.clusters) {
    clusters[c.path] = new Cluster(c.name, { ...c.args, privateNetworkId: network(c.network).id }, opts);
  }

  const pools: Record<string, Pool> = {};
  for (const p of inputs.pools) {
    const cluster = clusters[p.cluster];
    if (!cluster) throw new Error(`${p.path}: cluster ${p.cluster} not declared`);
    pools[p.path] = new Pool(p.name, { ...p.args, clusterId: cluster.id }, opts);
  }

  const instances: Record<string, { placementGroup: PlacementGroup; servers: Server[]; ips: Ip[] }> = {};
  for (const g of inputs.instances) {
    const placementGroup = new PlacementGroup(g.placementGroup.name, { ...g.placementGroup.args }, opts);
    const pn = network(g.network);
    const ips: Ip[] = [];
    const servers = g.servers.map((s) => {
      const ip = s.ip ? new Ip(s.ip.name, { ...s.ip.args }, opts) : undefined;
      if (ip) ips.push(ip);
      return new Server(
        s.name,
        {
          ...s.args,
          rootVolume: { ...s.args.rootVolume },
          placementGroupId: placementGroup.id,
          privateNetworks: [{ pnId: pn.id }],
          ...(ip ? { ipIds: [ip.id] } : {}),
        },
        opts,
      );
    });
    instances[g.path] = { placementGroup, servers, ips };
  }

  const buckets: Record<string, Bucket> = {};
  for (const b of inputs.buckets) {
    buckets[b.path] = new Bucket(b.name, { ...b.args, versioning: { ...b.args.versioning } }, opts);
  }

  return { networks, clusters, pools, instances, buckets };
}
