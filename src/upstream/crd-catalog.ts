import * as fs from 'fs';
import { parseAllDocuments } from 'yaml';
import { UPSTREAM_FOLDERS, UpstreamFolder, upstreamFile } from './charts';
import { isMap } from './key-path';

/** One served version of a copied CustomResourceDefinition. */
export interface CrdVersion {
  /** `group/version`, as a resource's `apiVersion` spells it: `resource.nvidia.com/v1beta1`. */
  readonly apiVersion: string;
  readonly kind: string;
  /** True for the version the API server stores; the other served versions are converted to it. */
  readonly storage: boolean;
  /** The version's `schema.openAPIV3Schema`, unchanged. */
  readonly openAPIV3Schema: Record<string, unknown>;
  /** The copied file it comes from, relative to `src/upstream/`: `kueue/kueue.x-k8s.io_topologies.yaml`. */
  readonly file: string;
}

let catalog: ReadonlyMap<string, CrdVersion> | undefined;

/** The catalog key of a resource type: `kueue.x-k8s.io/v1beta2 Topology`. */
export function crdKey(apiVersion: string, kind: string): string {
  return `${apiVersion} ${kind}`;
}

/**
 * Every served version of every CRD copied under `src/upstream/<folder>/` (each `*.yaml` other than
 * `values.yaml` and `Chart.yaml`), keyed by {@link crdKey}. The files are read and parsed once.
 */
export function loadCrdCatalog(): ReadonlyMap<string, CrdVersion> {
  if (catalog === undefined) {
    catalog = new Map(crdFiles().flatMap((f) => parseCrdFile(f.chart, f.name)));
  }
  return catalog;
}

/**
 * The served versions of one resource type, parsing only the CRD file that defines it (found
 * by the `group:` and `kind:` lines of each file, without parsing the others): a check that
 * validates ComputeDomains never parses the 150 KB ClusterPolicy CRD.
 */
export function loadCrd(apiVersion: string, kind: string): CrdVersion | undefined {
  const key = crdKey(apiVersion, kind);
  if (catalog) return catalog.get(key);
  let found = parsed.get(key);
  if (found === undefined) {
    const group = apiVersion.split('/')[0];
    for (const f of crdFiles().filter((x) => x.group === group && x.kinds.includes(kind))) {
      for (const [k, v] of parseCrdFile(f.chart, f.name)) parsed.set(k, v);
    }
    found = parsed.get(key);
  }
  return found;
}

/**
 * The CRD files copied for a chart, each with its group and the kinds it defines, read from the
 * files' `group:` and `kind:` lines without parsing them (`file` as in {@link CrdVersion}).
 */
export function chartCrdFiles(chart: UpstreamFolder): { file: string; group: string; kinds: string[] }[] {
  return crdFiles()
    .filter((f) => f.chart === chart)
    .map((f) => ({ file: `${f.chart}/${f.name}`, group: f.group, kinds: [...f.kinds] }));
}

const parsed = new Map<string, CrdVersion>();
let files: { chart: UpstreamFolder; name: string; group: string; kinds: string[] }[] | undefined;

/** The copied CRD files with the group and kinds their text declares (a file may hold several CRDs of one group). */
function crdFiles() {
  if (files === undefined) {
    files = [];
    for (const chart of UPSTREAM_FOLDERS) {
      for (const name of fs.readdirSync(upstreamFile(chart, '')).sort()) {
        if (!name.endsWith('.yaml') || name === 'values.yaml' || name === 'Chart.yaml') continue;
        const text = fs.readFileSync(upstreamFile(chart, name), 'utf8');
        const group = /^ {2}group: (\S+)$/m.exec(text)?.[1] ?? '';
        const kinds = [...text.matchAll(/^ {2}names:\n(?: {4}.*\n)*? {4}kind: (\S+)$/gm)].map((m) => m[1]);
        files.push({ chart, name, group, kinds });
      }
    }
  }
  return files;
}

function parseCrdFile(chart: UpstreamFolder, name: string): [string, CrdVersion][] {
  const file = `${chart}/${name}`;
  const entries: [string, CrdVersion][] = [];
  for (const doc of parseAllDocuments(fs.readFileSync(upstreamFile(chart, name), 'utf8'))) {
    for (const version of servedVersions(doc.toJS(), file))
      entries.push([crdKey(version.apiVersion, version.kind), version]);
  }
  return entries;
}

function servedVersions(crd: unknown, file: string): CrdVersion[] {
  if (!isMap(crd) || crd.kind !== 'CustomResourceDefinition') return [];
  const spec = crd.spec as { group: string; names: { kind: string }; versions: Record<string, unknown>[] };
  return spec.versions
    .filter((v) => v.served === true)
    .map((v) => ({
      apiVersion: `${spec.group}/${String(v.name)}`,
      kind: spec.names.kind,
      storage: v.storage === true,
      openAPIV3Schema: (v.schema as { openAPIV3Schema: Record<string, unknown> }).openAPIV3Schema,
      file,
    }));
}
