import * as fs from 'fs';
import * as path from 'path';
import { parse, parseAllDocuments } from 'yaml';
import { readBlockYaml } from '../output/block-yaml';

/** The documents of a YAML stream; a document written as one line of JSON is read as JSON, one written by blockYaml without yaml's parser (fast). */
function documents(text: string): unknown[] {
  const parts = text.split(/^---\n/m);
  if (parts.every((p) => p.startsWith('{') && !p.slice(0, -1).includes('\n')))
    return parts.map((p) => JSON.parse(p));
  return readBlockYaml(text) ?? parseAllDocuments(text).map((d) => d.toJS());
}

/**
 * The documents of a chart template as far as the replay reads them: every top-level key before
 * `spec:` (apiVersion, kind, metadata), and the whole document for a CustomResourceDefinition
 * (its spec names the kind it installs) or where apiVersion, kind or metadata come after spec. A block-YAML document's top-level keys start at column 0
 * and nothing inside a value does, so the cut is exact; the campus' PrometheusRule bodies (28 MB)
 * are not parsed. Anything else (JSON lines, flow style) is read whole.
 */
function documentHeads(text: string): unknown[] {
  if (text.startsWith('{')) return documents(text);
  const heads = text.split(/^---\n/m).map((doc) => {
    const spec = /^spec:/m.exec(doc);
    if (!spec) return doc;
    const head = doc.slice(0, spec.index);
    const readable = /^apiVersion: /m.test(head) && /^kind: /m.test(head) && /^metadata:/m.test(head);
    return readable && !/^kind: CustomResourceDefinition$/m.test(head) ? head : doc;
  });
  return documents(heads.join('---\n'));
}
import { INSTALLED_CRDS_ANNOTATION, INSTALLED_CRDS_LOCAL, installedKinds } from '../kubernetes/crd-owners';
import { UPSTREAM_CHARTS, UpstreamChart } from '../upstream/charts';
import { ClusterItem, DeployPlan, DeployStep, PlannedObject } from './plan';

type Json = Record<string, unknown>;
const isMap = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * The deploy plans of a synthesized output, read from the files alone: the Terraform stacks of
 * `outdir` (cdktf's manifest.json and each cdk.tf.json), and, for every cluster folder of the
 * GitOps tree `gitopsDir`, the Flux and the Argo CD plan (two alternatives; each is replayed on
 * its own).
 */
export function readDeployPlans(outdir: string, gitopsDir?: string): DeployPlan[] {
  const plans: DeployPlan[] = [];
  if (fs.existsSync(path.join(outdir, 'manifest.json'))) plans.push(readTerraformPlan(outdir));
  if (gitopsDir && fs.existsSync(gitopsDir)) {
    const clusters = fs
      .readdirSync(gitopsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    // Flux and Argo CD deliver the same chart folders: each is read once, for both plans.
    const charts = new Map<string, Chart>();
    const chartOf = (dir: string, cluster: string) => {
      let chart = charts.get(dir);
      if (chart === undefined) charts.set(dir, (chart = readChart(dir, cluster, gitopsDir)));
      return chart;
    };
    const flux = clusters.flatMap((c) => fluxSteps(gitopsDir, c, chartOf));
    const argo = clusters.flatMap((c) => argoSteps(gitopsDir, c, chartOf));
    if (flux.length > 0) plans.push({ engine: 'flux', steps: flux });
    if (argo.length > 0) plans.push({ engine: 'argocd', steps: argo });
  }
  return plans;
}

/** Terraform: one step per stack, after the stacks manifest.json says it depends on. */
export function readTerraformPlan(outdir: string): DeployPlan {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')) as {
    stacks: Record<
      string,
      { name: string; constructPath: string; synthesizedStackPath: string; dependencies: string[] }
    >;
  };
  const entries = Object.values(manifest.stacks).sort((a, b) => (a.name < b.name ? -1 : 1));
  const byPath = new Map(entries.map((s) => [s.constructPath, s.name]));
  const installed: ClusterItem[] = [];
  const steps = entries.map((s): DeployStep => {
    const tf = JSON.parse(fs.readFileSync(path.join(outdir, s.synthesizedStackPath), 'utf8')) as Json;
    for (const [name, value] of Object.entries((tf.locals ?? {}) as Record<string, unknown>)) {
      if (!name.startsWith(`${INSTALLED_CRDS_LOCAL}_`) || !Array.isArray(value)) continue;
      const cluster = name.slice(INSTALLED_CRDS_LOCAL.length + 1);
      for (const k of value) installed.push({ cluster, name: String(k) });
    }
    return terraformStep(
      `stack ${s.name}`,
      s.dependencies.map((d) => `stack ${byPath.get(d) ?? d}`),
      tf,
    );
  });
  return { engine: 'terraform', steps: withInstalled(steps, installed) };
}

/**
 * The CRDs a design says its clusters already have, as a step every other step comes after
 * (`cluster <name>`): from the Terraform locals or the charts' annotations the output carries.
 */
function withInstalled(steps: DeployStep[], installed: readonly ClusterItem[]): DeployStep[] {
  const clusters = [...new Set(installed.map((i) => i.cluster))].sort();
  if (clusters.length === 0) return steps;
  const before: DeployStep[] = clusters.map((c) => ({
    id: `cluster ${c}`,
    after: [],
    createsClusters: [],
    installs: installed.filter((i) => i.cluster === c),
    namespaces: [],
    objects: [],
  }));
  return [...before, ...steps.map((s) => ({ ...s, after: [...before.map((b) => b.id), ...s.after] }))];
}

function terraformStep(id: string, after: string[], tf: Json): DeployStep {
  const resources = (tf.resource ?? {}) as Record<string, Record<string, Json>>;
  const types = new Set(Object.keys(resources));
  const clusterOf = (r: Json) => {
    const p = typeof r.provider === 'string' ? r.provider : 'kubernetes';
    return p.includes('.') ? p.slice(p.indexOf('.') + 1) : 'default';
  };
  const pathOf = (r: Json, fallback: string) =>
    ((r['//'] as { metadata?: { path?: string } } | undefined)?.metadata?.path ?? fallback) as string;

  // A cluster is created in this stack when its kubernetes provider reads a resource of the stack.
  const createsClusters: string[] = [];
  const providers = ((tf.provider ?? {}) as Record<string, Json[]>).kubernetes ?? [];
  for (const p of providers) {
    const refs = [p.host, p.token, p.cluster_ca_certificate, p.config_path].filter(
      (x) => typeof x === 'string',
    );
    const local = refs.some((x) =>
      [...(x as string).matchAll(/\$\{[^}]*?\b([a-z][a-z0-9_]*)\.[A-Za-z0-9_-]+\./g)].some(
        (m) => m[1] !== 'data' && m[1] !== 'var' && m[1] !== 'local' && types.has(m[1]),
      ),
    );
    if (local) createsClusters.push(typeof p.alias === 'string' ? p.alias : 'default');
  }

  const installs: ClusterItem[] = [];
  const namespaces: ClusterItem[] = [];
  const objects: PlannedObject[] = [];
  for (const r of Object.values(resources.helm_release ?? {})) {
    const chart = String(r.chart);
    const values = Array.isArray(r.values) && typeof r.values[0] === 'string' ? parse(r.values[0]) : {};
    const cluster = clusterOf(r);
    if ((UPSTREAM_CHARTS as readonly string[]).includes(chart)) {
      for (const k of installedKinds(chart as UpstreamChart, isMap(values) ? values : {}))
        installs.push({ cluster, name: k });
    }
    if (r.create_namespace === true && typeof r.namespace === 'string')
      namespaces.push({ cluster, name: r.namespace });
  }
  for (const [rid, r] of Object.entries(resources.kubernetes_namespace_v1 ?? {})) {
    const name = (r.metadata as { name: string }).name;
    namespaces.push({ cluster: clusterOf(r), name });
    objects.push({
      cluster: clusterOf(r),
      apiVersion: 'v1',
      kind: 'Namespace',
      name,
      source: pathOf(r, rid),
      planTime: false,
    });
  }
  for (const [rid, r] of Object.entries(resources.kubernetes_manifest ?? {})) {
    const m = r.manifest as {
      apiVersion: string;
      kind: string;
      metadata: { name: string; namespace?: string };
    };
    objects.push({
      cluster: clusterOf(r),
      apiVersion: m.apiVersion,
      kind: m.kind,
      name: m.metadata.name,
      namespace: m.metadata.namespace,
      source: pathOf(r, rid),
      planTime: true,
    });
    const crd = definedKind(m);
    if (crd) installs.push({ cluster: clusterOf(r), name: crd });
  }
  for (const [rid, r] of Object.entries(resources.kubernetes_labels ?? {})) {
    objects.push({
      cluster: clusterOf(r),
      apiVersion: String(r.api_version),
      kind: String(r.kind),
      name: (r.metadata as { name: string }).name,
      source: pathOf(r, rid),
      planTime: false,
    });
  }
  return { id, after, createsClusters, installs, namespaces, objects };
}

/** A chart folder of the GitOps tree, as {@link readChart} reads it. */
interface Chart {
  readonly installs: readonly ClusterItem[];
  readonly namespaces: readonly ClusterItem[];
  readonly objects: readonly PlannedObject[];
  readonly installed: readonly ClusterItem[];
}

/** Reads the chart folder `dir` of a cluster's GitOps tree. */
type ChartReader = (dir: string, cluster: string) => Chart;

/** A chart folder of the GitOps tree: the kinds its dependencies and CRD templates install, its objects. */
function readChart(dir: string, cluster: string, gitopsDir: string): Chart {
  const installs: ClusterItem[] = [];
  const namespaces: ClusterItem[] = [];
  const objects: PlannedObject[] = [];
  const chart = parse(fs.readFileSync(path.join(dir, 'Chart.yaml'), 'utf8')) as {
    dependencies?: { name: string }[];
    annotations?: Record<string, string>;
  };
  const installed = (chart.annotations?.[INSTALLED_CRDS_ANNOTATION] ?? '')
    .split(' ')
    .filter((k) => k !== '')
    .map((name) => ({ cluster, name }));
  const valuesFile = path.join(dir, 'values.yaml');
  const values = (fs.existsSync(valuesFile) ? parse(fs.readFileSync(valuesFile, 'utf8')) : {}) ?? {};
  for (const d of chart.dependencies ?? []) {
    if (!(UPSTREAM_CHARTS as readonly string[]).includes(d.name)) continue;
    const own = isMap(values) && isMap(values[d.name]) ? (values[d.name] as Json) : {};
    for (const k of installedKinds(d.name as UpstreamChart, own)) installs.push({ cluster, name: k });
  }
  const templates = path.join(dir, 'templates');
  const files = fs.existsSync(templates) ? fs.readdirSync(templates).sort() : [];
  for (const f of files) {
    const file = path.join(templates, f);
    for (const doc of documentHeads(fs.readFileSync(file, 'utf8'))) {
      const o = doc as {
        apiVersion: string;
        kind: string;
        metadata: { name: string; namespace?: string };
      };
      if (!isMap(o)) continue;
      objects.push({
        cluster,
        apiVersion: o.apiVersion,
        kind: o.kind,
        name: o.metadata?.name,
        namespace: o.metadata?.namespace,
        source: path.relative(path.dirname(gitopsDir), file).split(path.sep).join('/'),
        planTime: false,
      });
      if (o.kind === 'Namespace') namespaces.push({ cluster, name: o.metadata.name });
      const crd = definedKind(o);
      if (crd) installs.push({ cluster, name: crd });
    }
  }
  return { installs, namespaces, objects, installed };
}

/** The local chart folder a repository path (`./gitops/<cluster>/charts/<step>`) names. */
function chartDir(gitopsDir: string, cluster: string, repoPath: string): string {
  const tail = repoPath.slice(repoPath.lastIndexOf('/charts/') + 1);
  return path.join(gitopsDir, cluster, tail);
}

function yamlObjects(dir: string): Json[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => documents(fs.readFileSync(path.join(dir, f), 'utf8')) as Json[]);
}

function fluxSteps(gitopsDir: string, cluster: string, chartOf: ChartReader): DeployStep[] {
  const installed: ClusterItem[] = [];
  const steps = yamlObjects(path.join(gitopsDir, cluster, 'flux', 'releases'))
    .filter((o) => o.kind === 'HelmRelease')
    .map((o) => {
      const meta = o.metadata as { name: string; namespace?: string };
      const spec = o.spec as {
        targetNamespace?: string;
        chart: { spec: { chart: string } };
        dependsOn?: { name: string; namespace?: string }[];
        install?: { createNamespace?: boolean };
      };
      const ns = meta.namespace ?? 'default';
      const chart = chartOf(chartDir(gitopsDir, cluster, spec.chart.spec.chart), cluster);
      installed.push(...chart.installed);
      const own =
        spec.install?.createNamespace && spec.targetNamespace
          ? [{ cluster, name: spec.targetNamespace }]
          : [];
      return {
        id: `HelmRelease ${ns}/${meta.name}`,
        after: (spec.dependsOn ?? []).map((d) => `HelmRelease ${d.namespace ?? ns}/${d.name}`),
        createsClusters: [],
        installs: chart.installs,
        namespaces: [...own, ...chart.namespaces],
        objects: chart.objects,
      };
    });
  return withInstalled(steps, installed);
}

function argoSteps(gitopsDir: string, cluster: string, chartOf: ChartReader): DeployStep[] {
  const apps = yamlObjects(path.join(gitopsDir, cluster, 'argocd', 'apps')).filter(
    (o) => o.kind === 'Application',
  );
  const waveOf = (o: Json) =>
    Number(
      (o.metadata as { annotations?: Record<string, string> }).annotations?.[
        'argocd.argoproj.io/sync-wave'
      ] ?? 0,
    );
  const idOf = (o: Json) => {
    const m = o.metadata as { name: string; namespace?: string };
    return `Application ${m.namespace ?? 'argocd'}/${m.name}`;
  };
  const installed: ClusterItem[] = [];
  const steps = apps.map((o): DeployStep => {
    const spec = o.spec as {
      source: { path: string };
      destination: { namespace?: string };
      syncPolicy?: { syncOptions?: string[] };
    };
    const chart = chartOf(chartDir(gitopsDir, cluster, spec.source.path), cluster);
    installed.push(...chart.installed);
    const target = spec.destination.namespace;
    const creates = spec.syncPolicy?.syncOptions?.includes('CreateNamespace=true') && target ? [target] : [];
    return {
      id: idOf(o),
      // Argo CD syncs a wave once every earlier wave of the parent application is healthy.
      after: apps.filter((x) => waveOf(x) < waveOf(o)).map(idOf),
      createsClusters: [],
      installs: chart.installs,
      namespaces: [...creates.map((name) => ({ cluster, name })), ...chart.namespaces],
      objects: chart.objects,
    };
  });
  return withInstalled(steps, installed);
}

function definedKind(o: { apiVersion: string; kind: string }): string | undefined {
  if (o.kind !== 'CustomResourceDefinition') return undefined;
  const spec = (o as { spec?: { group?: string; names?: { kind?: string } } }).spec;
  return spec?.group && spec.names?.kind ? `${spec.group}/${spec.names.kind}` : undefined;
}
