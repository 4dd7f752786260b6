import * as fs from 'fs';
import { parseAllDocuments } from 'yaml';
import { UPSTREAM_CHARTS, upstreamFile } from './charts';
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
 * Every served version of every CRD copied under `src/upstream/<chart>/` (each `*.yaml` other than
 * `values.yaml` and `Chart.yaml`), keyed by {@link crdKey}. The files are read and parsed once.
 */
export function loadCrdCatalog(): ReadonlyMap<string, CrdVersion> {
  if (catalog === undefined) {
    const entries: [string, CrdVersion][] = [];
    for (const chart of UPSTREAM_CHARTS) {
      for (const name of fs.readdirSync(upstreamFile(chart, '')).sort()) {
        if (!name.endsWith('.yaml') || name === 'values.yaml' || name === 'Chart.yaml') continue;
        const file = `${chart}/${name}`;
        for (const doc of parseAllDocuments(fs.readFileSync(upstreamFile(chart, name), 'utf8'))) {
          for (const version of servedVersions(doc.toJS(), file)) {
            entries.push([crdKey(version.apiVersion, version.kind), version]);
          }
        }
      }
    }
    catalog = new Map(entries);
  }
  return catalog;
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
