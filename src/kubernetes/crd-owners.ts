import { chartCrdFiles } from '../upstream/crd-catalog';
import { UPSTREAM_CHARTS, UPSTREAM_FOLDERS, UpstreamChart } from '../upstream/charts';
import { loadUpstreamValues } from '../upstream/values-paths';

/**
 * API groups served by the Kubernetes API server itself: objects of these groups (and of the core
 * group, `apiVersion: v1`) need no CRD. Every other group is a custom resource whose CRD something
 * must install first. Source: Kubernetes v1.34 API reference (kubernetes.io/docs/reference/kubernetes-api/), read 2026-11-28.
 */
const BUILT_IN_GROUPS: ReadonlySet<string> = new Set([
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'apps',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'autoscaling',
  'batch',
  'certificates.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'events.k8s.io',
  'flowcontrol.apiserver.k8s.io',
  'networking.k8s.io',
  'node.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'resource.k8s.io',
  'scheduling.k8s.io',
  'storage.k8s.io',
]);

/**
 * How the output records the CRD kinds a cluster has before its platform (`GpuCluster`
 * `installedCrds`): a Chart.yaml annotation of the GitOps platform chart (space-separated), and a
 * Terraform local `<prefix>_<cluster>` (a list) in the Terraform platform stack.
 */
export const INSTALLED_CRDS_ANNOTATION = 'aifactory.io/installed-crds';
export const INSTALLED_CRDS_LOCAL = 'aifactory_installed_crds';

/** The API group of an `apiVersion` ('' for the core group: `v1`). */
export function apiGroup(apiVersion: string): string {
  const cut = apiVersion.lastIndexOf('/');
  return cut < 0 ? '' : apiVersion.slice(0, cut);
}

/** A kind as a CRD defines it, whatever the version: `kueue.x-k8s.io/ClusterQueue`. */
export function groupKind(apiVersion: string, kind: string): string {
  const g = apiGroup(apiVersion);
  return g ? `${g}/${kind}` : kind;
}

/** True for kinds the API server serves without a CRD (core and built-in groups). */
export function isBuiltInKind(apiVersion: string): boolean {
  const g = apiGroup(apiVersion);
  return g === '' || BUILT_IN_GROUPS.has(g);
}

/**
 * Where each pinned chart keeps its CRDs. Helm installs a chart's (and its subcharts') `crds/`
 * before rendering its templates and never upgrades them (Flux's `install.crds` / `upgrade.crds`
 * decide); CRDs under `templates/` are ordinary templates, so a custom resource in the same
 * release fails with "no matches for kind". Sources: the upstream paths in src/upstream/PROVENANCE.md
 * (`crds/` for gpu-operator v26.7.0, network-operator v26.4.1, dra-driver-nvidia-gpu v0.4.1); Kueue
 * 0.19.2 renders its CRDs from `charts/kueue/templates/crd/` (aifactory issue 13), read 2026-11-28.
 */
export const CRD_FOLDER: Readonly<Record<UpstreamChart, 'crds' | 'templates'>> = {
  'gpu-operator': 'crds',
  'network-operator': 'crds',
  'dra-driver-nvidia-gpu': 'crds',
  kueue: 'templates',
  // Slinky's slurm chart ships no CRD: its Controller/NodeSet objects need the slurm-operator
  // chart's CRDs, which the platform does not install (slurm/PROVENANCE in src/upstream).
  slurm: 'templates',
};

/** The Node Feature Discovery CRDs, shipped by the GPU Operator's bundled NFD subchart (condition `nfd.enabled`). */
const NFD_FILE = 'gpu-operator/nfd-api-crds.yaml';

/**
 * The custom resource kinds (as {@link groupKind}) a chart release installs, read from the CRDs
 * copied under `src/upstream/<chart>/`: every CRD of the chart, and the NFD CRDs only while the
 * release's `nfd.enabled` (its values over the chart's defaults) is true.
 */
export function installedKinds(chart: UpstreamChart, values: Readonly<Record<string, unknown>>): string[] {
  const kinds = new Set<string>();
  for (const f of chartCrdFiles(chart)) {
    if (f.file === NFD_FILE && !nfdEnabled(chart, values)) continue;
    for (const kind of f.kinds) kinds.add(`${f.group}/${kind}`);
  }
  return [...kinds].sort();
}

/**
 * Kinds of the projects the platform targets but never installs, copied under `src/upstream/` in
 * folders that are not charts of the platform. Today that is the Prometheus Operator (DESIGN §7:
 * the power rules target an existing prometheus-operator, such as kube-prometheus-stack), whose
 * `PrometheusRule` the GPU Operator's power rules use (`prometheusRules: false` emits none). A
 * cluster whose objects use one is recorded as having it (its `installedCrds`).
 */
export function prerequisiteKinds(): readonly string[] {
  if (prerequisites === undefined) {
    const kinds = new Set<string>();
    for (const folder of UPSTREAM_FOLDERS) {
      if ((UPSTREAM_CHARTS as readonly string[]).includes(folder)) continue;
      for (const f of chartCrdFiles(folder)) for (const kind of f.kinds) kinds.add(`${f.group}/${kind}`);
    }
    prerequisites = [...kinds].sort();
  }
  return prerequisites;
}
let prerequisites: readonly string[] | undefined;

/** Kinds a provider installs with its managed GPU Operator (Kapsule): the GPU Operator's CRDs and NFD's. */
export function managedGpuOperatorKinds(): string[] {
  return installedKinds('gpu-operator', {});
}

function nfdEnabled(chart: UpstreamChart, values: Readonly<Record<string, unknown>>): boolean {
  const own = (values.nfd as { enabled?: unknown } | undefined)?.enabled;
  if (typeof own === 'boolean') return own;
  const upstream = (loadUpstreamValues(chart) as { nfd?: { enabled?: unknown } }).nfd?.enabled;
  return upstream === true;
}
