import * as fs from 'fs';
import * as path from 'path';
import { applySteps, ApplyStep } from '../kubernetes/apply-order';
import { CRD_FOLDER, INSTALLED_CRDS_ANNOTATION } from '../kubernetes/crd-owners';
import { nodeFeatureRules } from '../kubernetes/node-feature-rules';
import { ClusterModel } from '../kubernetes/cluster-model';
import { Platform } from '../kubernetes/platform';
import { K8sObject } from '../kubernetes/objects';
import { writeFiles } from './atomic-dir';
import { blockYaml } from './block-yaml';

/** A file of the output: path relative to the directory it is written in, and its text. */
export interface OutputFile {
  readonly path: string;
  readonly text: string;
}

/** Where the GitOps tree lives in the users' repository, as Argo CD and Flux fetch it. */
export interface GitopsLayout {
  /** Path of the GitOps tree inside the repository (POSIX, relative to its root): `gitops`. */
  readonly repoPath: string;
}

export const DEFAULT_GITOPS_LAYOUT: GitopsLayout = { repoPath: 'gitops' };

/** YAML as the `yaml` package writes it (lineWidth 0), through the fast path for plain manifests. */
const yaml = blockYaml;
/** Documents per file above which each is written as one line of JSON (valid YAML, 10x faster to write and read at campus scale). */
const JSON_LINES_ABOVE = 50;
const docs = (objects: readonly unknown[]) =>
  objects.length > JSON_LINES_ABOVE
    ? objects.map((o) => `${JSON.stringify(o)}\n`).join('---\n')
    : objects.map(yaml).join('---\n');

/**
 * The GitOps tree of every cluster delivered by GitOps, paths relative to the tree's root (the
 * directory users commit, `--gitops-out`), one folder per cluster:
 * - `<cluster>/charts/<step>/`: a chart per apply step (`applySteps`): `platform` with the pinned
 *   operator charts as dependencies, their values, and the namespaces (and objects of built-in
 *   kinds) as plain templates; `resources` with the custom resources their CRDs need installed
 *   first, including the layout's node labels as NFD `NodeFeatureRule`s;
 * - `<cluster>/argocd/`: `root.yaml`, an app-of-apps `Application` over `argocd/apps/`, which holds
 *   one `Application` per chart, a sync wave each (the custom resources' with
 *   `SkipDryRunOnMissingResource` and retries);
 * - `<cluster>/flux/`: `sync.yaml` (a `GitRepository` and a `Kustomization` over `flux/releases/`)
 *   and `releases/` with one `HelmRelease` per chart, each `dependsOn` the one before.
 * Every folder of manifests (`templates/`, `argocd/`, `flux/`) holds only Kubernetes objects.
 */
export function gitopsFiles(platform: Platform, layout: GitopsLayout = DEFAULT_GITOPS_LAYOUT): OutputFile[] {
  return [...eachGitopsFile(platform, layout)];
}

/**
 * The files of {@link gitopsFiles}, made one cluster at a time as they are asked for: a writer
 * holds one cluster's text at once, not the whole tree's (40 MB on the campus).
 */
export function* eachGitopsFile(
  platform: Platform,
  layout: GitopsLayout = DEFAULT_GITOPS_LAYOUT,
): Generator<OutputFile> {
  for (const c of platform.clusters) {
    if (c.delivery.mode !== 'gitops') continue;
    const steps = applySteps(c, nodeFeatureRules(c));
    const dir = clusterRepoPath(c, layout);
    for (const step of steps) yield* stepChart(c, step);
    yield* argoCd(c, steps, dir);
    yield* flux(c, steps, dir);
  }
}

/** True when some cluster of the platform is delivered by GitOps. */
export function hasGitops(platform: Platform): boolean {
  return platform.clusters.some((c) => c.delivery.mode === 'gitops');
}

/**
 * The labels each node of a GitOps-delivered cluster must carry, for node provisioners (kubelet
 * `--node-labels`), as `node-labels/<cluster>.json` beside the manifests, never among them. JSON,
 * one node a line: a machine-read inventory of up to 5,000 nodes.
 */
export function nodeLabelFiles(platform: Platform): OutputFile[] {
  return [...eachNodeLabelFile(platform)];
}

/** The files of {@link nodeLabelFiles}, made one at a time as they are asked for (a writer holds one at once). */
export function* eachNodeLabelFile(platform: Platform): Generator<OutputFile> {
  for (const c of platform.clusters) {
    if (c.delivery.mode !== 'gitops') continue;
    yield {
      path: `node-labels/${c.name}.json`,
      text:
        `{\n  "cluster": ${JSON.stringify(c.name)},\n  "nodes": [\n` +
        c.nodes.map((n) => `    ${JSON.stringify({ name: n.name, labels: n.labels })}`).join(',\n') +
        '\n  ]\n}\n',
    };
  }
}

/**
 * Writes the GitOps tree into `dir`, replacing the folders of the clusters it writes (a cluster
 * folder holds only generated files), and leaving anything else in `dir` alone.
 */
export function writeGitops(
  dir: string,
  platform: Platform,
  layout: GitopsLayout = DEFAULT_GITOPS_LAYOUT,
): void {
  for (const c of platform.clusters) {
    if (c.delivery.mode === 'gitops') fs.rmSync(path.join(dir, c.name), { recursive: true, force: true });
  }
  writeFiles(dir, eachGitopsFile(platform, layout));
}

/**
 * The path of a GitOps tree inside the repository, from where it is written: a relative path as
 * given (normalized, POSIX), or an absolute one relative to `cwd` when inside it; else its last
 * segment (a tree written outside the working copy, as tests do).
 */
export function gitopsRepoPath(dir: string, cwd: string = process.cwd()): string {
  const rel = path.isAbsolute(dir) ? path.relative(cwd, dir) : path.normalize(dir);
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  return (inside ? rel : path.basename(dir)).split(path.sep).join('/').replace(/\/+$/, '');
}

/** Folder of a cluster's GitOps files in the repository: the delivery's `path`, or `<tree>/<cluster>`. */
function clusterRepoPath(c: ClusterModel, layout: GitopsLayout): string {
  if (c.delivery.mode === 'gitops' && c.delivery.path) return c.delivery.path.replace(/^\.\/|\/+$/g, '');
  return `${layout.repoPath}/${c.name}`;
}

function releaseName(c: ClusterModel, step: ApplyStep): string {
  return `${c.name}-${step.name}`;
}

function stepChart(c: ClusterModel, step: ApplyStep): OutputFile[] {
  const dir = `${c.name}/charts/${step.name}`;
  const charts = step.operators.map((o) => o.chart);
  const chart = {
    apiVersion: 'v2',
    name: releaseName(c, step),
    description:
      step.index === 0
        ? `AI platform of GPU cluster ${c.name}, step 1: namespaces and ${charts.join(', ') || 'no operator chart'} (generated by aifactory)`
        : `AI platform of GPU cluster ${c.name}, step ${step.index + 1}: custom resources whose CRDs the step before installs (generated by aifactory)`,
    type: 'application',
    version: '0.1.0',
    // The CRDs the design assumes the cluster has (GpuCluster installedCrds), for reviewers and the deploy-order check.
    ...(step.index === 0 && c.installedCrds.length > 0
      ? { annotations: { [INSTALLED_CRDS_ANNOTATION]: c.installedCrds.join(' ') } }
      : {}),
    ...(step.operators.length > 0
      ? {
          dependencies: step.operators.map((o) => ({
            name: o.chart,
            version: o.version,
            repository: o.repository,
          })),
        }
      : {}),
  };
  const values = Object.fromEntries(step.operators.map((o) => [o.chart, o.values]));
  const files: OutputFile[] = [
    { path: `${dir}/Chart.yaml`, text: yaml(chart) },
    { path: `${dir}/values.yaml`, text: yaml(values) },
  ];
  const byKind = new Map<string, K8sObject[]>();
  for (const o of step.objects) byKind.set(o.kind, [...(byKind.get(o.kind) ?? []), o]);
  for (const [kind, objects] of [...byKind.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    files.push({ path: `${dir}/templates/${kebab(kind)}.yaml`, text: helmLiteral(docs(objects)) });
  }
  return files;
}

/** Argo CD: an app of apps; each step's Application in its own sync wave. */
function argoCd(c: ClusterModel, steps: readonly ApplyStep[], repoDir: string): OutputFile[] {
  if (c.delivery.mode !== 'gitops') return [];
  const { repoUrl, targetRevision } = c.delivery;
  const apps = steps.map((step) => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: releaseName(c, step),
      namespace: 'argocd',
      annotations: { 'argocd.argoproj.io/sync-wave': String(step.index) },
    },
    spec: {
      project: 'default',
      source: {
        repoURL: repoUrl,
        targetRevision,
        path: `${repoDir}/charts/${step.name}`,
        helm: { releaseName: releaseName(c, step) },
      },
      destination: { server: 'https://kubernetes.default.svc', namespace: c.platformNamespace },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: [
          'CreateNamespace=true',
          'ServerSideApply=true',
          // Custom resources: their CRDs come with the wave before, not with this Application.
          ...(step.index > 0 ? ['SkipDryRunOnMissingResource=true'] : []),
        ],
        ...(step.index > 0
          ? { retry: { limit: 10, backoff: { duration: '30s', factor: 2, maxDuration: '10m' } } }
          : {}),
      },
    },
  }));
  const root = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: c.name, namespace: 'argocd' },
    spec: {
      project: 'default',
      source: { repoURL: repoUrl, targetRevision, path: `${repoDir}/argocd/apps` },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'argocd' },
      syncPolicy: { automated: { prune: true, selfHeal: true } },
    },
  };
  return [
    { path: `${c.name}/argocd/root.yaml`, text: yaml(root) },
    ...apps.map((a, i) => ({ path: `${c.name}/argocd/apps/${steps[i].name}.yaml`, text: yaml(a) })),
  ];
}

/** Flux: the repository, a Kustomization over the releases, one HelmRelease per step with `dependsOn`. */
function flux(c: ClusterModel, steps: readonly ApplyStep[], repoDir: string): OutputFile[] {
  if (c.delivery.mode !== 'gitops') return [];
  const source = {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'GitRepository',
    metadata: { name: c.name, namespace: 'flux-system' },
    spec: { interval: '5m', url: c.delivery.repoUrl, ref: { branch: c.delivery.targetRevision } },
  };
  const sync = {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name: c.name, namespace: 'flux-system' },
    spec: {
      interval: '10m',
      path: `./${repoDir}/flux/releases`,
      prune: true,
      sourceRef: { kind: 'GitRepository', name: c.name },
    },
  };
  return [
    { path: `${c.name}/flux/sync.yaml`, text: docs([source, sync]) },
    ...steps.map((step) => {
      // Helm installs a chart's crds/ folder only under install.crds / upgrade.crds.
      const crds = step.operators.some((o) => CRD_FOLDER[o.chart] === 'crds');
      const release = {
        apiVersion: 'helm.toolkit.fluxcd.io/v2',
        kind: 'HelmRelease',
        metadata: { name: releaseName(c, step), namespace: 'flux-system' },
        spec: {
          interval: '10m',
          releaseName: releaseName(c, step),
          targetNamespace: c.platformNamespace,
          chart: {
            spec: {
              chart: `./${repoDir}/charts/${step.name}`,
              sourceRef: { kind: 'GitRepository', name: c.name },
            },
          },
          ...(step.index > 0 ? { dependsOn: [{ name: releaseName(c, steps[step.index - 1]) }] } : {}),
          install: { createNamespace: true, ...(crds ? { crds: 'CreateReplace' } : {}) },
          ...(crds ? { upgrade: { crds: 'CreateReplace' } } : {}),
        },
      };
      return { path: `${c.name}/flux/releases/${step.name}.yaml`, text: yaml(release) };
    }),
  ];
}

/**
 * Template text that Helm renders to exactly `text`: every `{{` becomes the action
 * ``{{`{{`}}`` (a Go template raw string), so no character of a name or value in a chart's
 * `templates/` is ever run by Helm. Other text, `}}` included, is literal to Go templates.
 */
export function helmLiteral(text: string): string {
  return text.replaceAll('{{', '{{`{{`}}');
}

function kebab(kind: string): string {
  return kind.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
