import { UpstreamChart } from './charts';

/** Where a pinned upstream Helm chart is published, as a Helm release names it. */
export interface PinnedChart {
  /** Chart name, as in its Chart.yaml. */
  readonly chart: UpstreamChart;
  /** Published chart version; the copied values.yaml and CRDs come from the same release tag. */
  readonly version: string;
  /** Helm repository URL, or the OCI registry path that holds the chart. */
  readonly repository: string;
}

/**
 * The chart releases the copies in `src/upstream/` come from (see `PROVENANCE.md`). The versions are
 * the published release of each upstream tag, as recorded with the reference set; they equal the copied
 * Chart.yaml `version` except for gpu-operator, whose tag's Chart.yaml says `v1.0.0-devel` because the
 * version is stamped at release.
 */
export const PINNED_CHARTS: Readonly<Record<UpstreamChart, PinnedChart>> = {
  // github.com/NVIDIA/gpu-operator tag v26.7.0, published on NGC.
  'gpu-operator': {
    chart: 'gpu-operator',
    version: 'v26.7.0',
    repository: 'https://helm.ngc.nvidia.com/nvidia',
  },
  // github.com/Mellanox/network-operator tag v26.4.1, published on NGC.
  'network-operator': {
    chart: 'network-operator',
    version: '26.4.1',
    repository: 'https://helm.ngc.nvidia.com/nvidia',
  },
  // github.com/kubernetes-sigs/dra-driver-nvidia-gpu tag v0.4.1.
  'dra-driver-nvidia-gpu': {
    chart: 'dra-driver-nvidia-gpu',
    version: '0.4.1',
    repository: 'oci://registry.k8s.io/dra-driver-nvidia/charts',
  },
  // github.com/kubernetes-sigs/kueue tag v0.19.2.
  kueue: { chart: 'kueue', version: '0.19.2', repository: 'oci://registry.k8s.io/kueue/charts' },
  // github.com/SlinkyProject/slurm-operator tag v1.2.1, chart `slurm` (a Slurm cluster; needs the
  // slurm-operator chart installed first). Registry path from Slinky's installation docs
  // (`helm install slurm oci://ghcr.io/slinkyproject/charts/slurm`): not in the reference set, unverified here.
  slurm: { chart: 'slurm', version: '1.2.1', repository: 'oci://ghcr.io/slinkyproject/charts' },
};
