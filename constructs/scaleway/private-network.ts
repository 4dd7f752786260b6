import { Construct } from 'constructs';
import { Vpc } from '../../generated/scaleway/vpc';
import { VpcPrivateNetwork } from '../../generated/scaleway/vpc-private-network';
import { scalewayRegion } from '../../src/catalog/scaleway-locations';
import { cloudRecord } from '../../src/model/cloud-records';
import { DesignError } from '../../src/errors';

export interface ScalewayPrivateNetworkProps {
  /**
   * Region of the VPC and its private network; instances and clusters attached to it stand in
   * this region.
   * @default 'fr-par'
   */
  readonly region?: string;
  /**
   * Name of the private network (the VPC takes it too).
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * IPv4 subnet in CIDR notation, for example '172.16.0.0/22'.
   * @default - Scaleway assigns one
   */
  readonly ipv4Subnet?: string;
}

/** A VPC with one regional private network, for GPU Instances and Kapsule clusters. */
export class ScalewayPrivateNetwork extends Construct {
  readonly vpc: Vpc;
  readonly privateNetwork: VpcPrivateNetwork;
  readonly region: string;
  readonly networkName: string;
  readonly ipv4Subnet?: string;

  constructor(scope: Construct, id: string, props: ScalewayPrivateNetworkProps = {}) {
    super(scope, id);
    const path = this.node.path;
    this.region = scalewayRegion(props.region ?? 'fr-par', path).id;
    this.networkName = props.name ?? id;
    if (props.ipv4Subnet !== undefined && !/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/.test(props.ipv4Subnet)) {
      throw new DesignError(
        path,
        `ipv4Subnet must be a CIDR such as '172.16.0.0/22', got '${props.ipv4Subnet}'`,
      );
    }
    this.ipv4Subnet = props.ipv4Subnet;
    this.vpc = new Vpc(this, 'vpc', { name: this.networkName, region: this.region });
    this.privateNetwork = new VpcPrivateNetwork(this, 'private-network', {
      name: this.networkName,
      region: this.region,
      vpcId: this.vpc.id,
      ipv4Subnet: this.ipv4Subnet ? { subnet: this.ipv4Subnet } : undefined,
    });
    cloudRecord(this, 'cloud-network', () => ({
      provider: 'scaleway',
      name: this.networkName,
      region: this.region,
      ipv4Subnet: this.ipv4Subnet,
      vpcPath: this.vpc.node.path,
      privateNetworkPath: this.privateNetwork.node.path,
    }));
  }

  /** ID of the private network, for `private_network_id` and `pn_id`. */
  get id(): string {
    return this.privateNetwork.id;
  }
}
