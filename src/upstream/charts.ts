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

/**
 * Every copied upstream folder: the charts, and projects of which only CRDs are copied because
 * the platform targets an existing installation (prometheus-operator: its PrometheusRule).
 */
export type UpstreamFolder = UpstreamChart | 'prometheus-operator';

export const UPSTREAM_FOLDERS: readonly UpstreamFolder[] = [...UPSTREAM_CHARTS, 'prometheus-operator'];

/** Absolute path of a file in a copied folder (see `src/upstream/PROVENANCE.md`). */
export function upstreamFile(chart: UpstreamFolder, file: string): string {
  return path.join(__dirname, chart, file);
}
