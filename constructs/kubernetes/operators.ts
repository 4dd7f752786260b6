import { Construct } from 'constructs';
import { DesignError } from '../../src/errors';
import { dnsLabelName, labelKey } from '../../src/kubernetes/validate';
import { Operator, OperatorProps } from './operator';

export interface GpuOperatorProps extends OperatorProps {
  /**
   * NVIDIA data-center driver version (Blackwell and ComputeDomains need >= 570.158.01).
   * @default - the chart's default (595.91.07 for v26.7.0)
   */
  readonly driverVersion?: string;
  /**
   * MIG strategy: 'none' keeps MIG off.
   * @default 'none'
   */
  readonly mig?: 'none' | 'single' | 'mixed';
}

/** NVIDIA GPU Operator (chart `gpu-operator` from the NGC Helm repository). */
export class GpuOperator extends Operator {
  constructor(scope: Construct, id: string, props: GpuOperatorProps = {}) {
    super(scope, id, 'gpu-operator', 'gpu-operator', props, () => ({
      driverVersion: props.driverVersion,
      mig: props.mig,
    }));
    if (props.mig !== undefined && !['none', 'single', 'mixed'].includes(props.mig)) {
      throw new DesignError(this.node.path, `mig must be 'none', 'single' or 'mixed', got '${props.mig}'`);
    }
  }
}

export interface NetworkOperatorProps extends OperatorProps {
  /**
   * Pods that may share one RDMA device (the RDMA shared device plugin's rdmaHcaMax).
   * @default 63
   */
  readonly rdmaHcaMax?: number;
}

/** NVIDIA Network Operator (chart `network-operator`) with a NicClusterPolicy for RDMA. */
export class NetworkOperator extends Operator {
  constructor(scope: Construct, id: string, props: NetworkOperatorProps = {}) {
    super(scope, id, 'network-operator', 'nvidia-network-operator', props, () => ({
      rdmaHcaMax: props.rdmaHcaMax,
    }));
  }
}

export interface DraDriverProps extends OperatorProps {
  /**
   * Namespace of the ComputeDomains (one per NVL72 rack); workloads using a domain's
   * resource claim template run there.
   * @default 'compute-domains'
   */
  readonly computeDomainNamespace?: string;
}

/** NVIDIA DRA driver for GPUs (chart `dra-driver-nvidia-gpu`), with one ComputeDomain per NVL72 rack. */
export class DraDriver extends Operator {
  constructor(scope: Construct, id: string, props: DraDriverProps = {}) {
    super(scope, id, 'dra-driver', 'nvidia-dra-driver-gpu', props, () => ({
      computeDomainNamespace: props.computeDomainNamespace,
    }));
    if (props.computeDomainNamespace !== undefined) {
      dnsLabelName(this.node.path, 'computeDomainNamespace', props.computeDomainNamespace);
    }
  }
}

export interface KueueProps extends OperatorProps {
  /**
   * Node label keys of the topology levels, outermost first.
   * @default ['aifactory.io/pod', 'aifactory.io/rack', 'kubernetes.io/hostname'] (block = SU, rack, host)
   */
  readonly topologyLevels?: string[];
}

/** Kueue (chart `kueue`) with a layout topology, a ResourceFlavor per rack system, and tenants declared inside it. */
export class Kueue extends Operator {
  constructor(scope: Construct, id: string, props: KueueProps = {}) {
    super(scope, id, 'kueue', 'kueue-system', props, () => ({ topologyLevels: props.topologyLevels }));
    for (const level of props.topologyLevels ?? []) labelKey(this.node.path, 'a topology level', level);
  }
}
