import * as path from 'path';

/** The Helm charts whose upstream values.yaml, Chart.yaml and CRDs are copied under `src/upstream/`. */
export type UpstreamChart = 'gpu-operator' | 'network-operator' | 'dra-driver-nvidia-gpu' | 'kueue' | 'slurm';

/** Every copied chart, in a fixed order. */
export const UPSTREAM_CHARTS: readonly UpstreamChart[] = [
  'gpu-operator',
  'network-operator',
  'dra-driver-nvidia-gpu',
  'kueue',
  'slurm',
];

/** Absolute path of a file in a chart's copied folder (see `src/upstream/PROVENANCE.md`). */
export function upstreamFile(chart: UpstreamChart, file: string): string {
  return path.join(__dirname, chart, file);
}
