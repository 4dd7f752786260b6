import { K8sObject } from '../objects';
import type { OperatorContext, OperatorOutput } from './operator';

/**
 * Component images of the NicClusterPolicy for network-operator 26.4.1, from NVIDIA's
 * NicClusterPolicy example for that release
 * (docs.nvidia.com/networking/display/kubernetes2641/customizations/cr-full-example.html).
 */
export const NIC_POLICY_IMAGES = {
  ofedDriver: {
    image: 'doca-driver',
    repository: 'nvcr.io/nvidia/mellanox',
    version: 'doca3.4.1-26.04-1.1.0.0-1',
  },
  rdmaSharedDevicePlugin: {
    image: 'k8s-rdma-shared-dev-plugin',
    repository: 'nvcr.io/nvidia/mellanox',
    version: 'network-operator-v26.4.1',
  },
} as const;

/**
 * NVIDIA Network Operator: the chart runs the operator; RDMA comes from a NicClusterPolicy
 * (the chart does not deploy one) with the DOCA driver and the RDMA shared device plugin
 * exposing `rdma/rdma_shared_device_a` for every Mellanox (vendor 15b3) device. Node Feature
 * Discovery stays with the GPU Operator when it runs too (only one NFD per cluster, as
 * NVIDIA's platform support page asks). Settings: `rdmaHcaMax`.
 */
export function networkOperator(ctx: OperatorContext<'network-operator'>): OperatorOutput {
  const rdmaConfig = {
    configList: [
      {
        resourceName: 'rdma_shared_device_a',
        rdmaHcaMax: ctx.settings.rdmaHcaMax,
        selectors: { vendors: ['15b3'] },
      },
    ],
  };
  const policy: K8sObject = {
    apiVersion: 'mellanox.com/v1alpha1',
    kind: 'NicClusterPolicy',
    metadata: { name: 'nic-cluster-policy' },
    spec: {
      ofedDriver: { ...NIC_POLICY_IMAGES.ofedDriver },
      rdmaSharedDevicePlugin: {
        ...NIC_POLICY_IMAGES.rdmaSharedDevicePlugin,
        config: JSON.stringify(rdmaConfig),
      },
    },
  };
  return {
    values: { nfd: { enabled: !ctx.has('gpu-operator') }, sriovNetworkOperator: { enabled: false } },
    resources: [policy],
  };
}
