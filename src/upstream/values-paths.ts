import * as fs from 'fs';
import { parse } from 'yaml';
import { UpstreamChart, upstreamFile } from './charts';
import { appendIndex, appendKey, isMap } from './key-path';

export type { UpstreamChart } from './charts';

/**
 * Value keys that hold a Kubernetes API object or a free string map (a pod's `nodeSelector`, `affinity`,
 * `tolerations`, `env`, labels, annotations, security contexts). Their upstream default is only an
 * example (gpu-operator's `operator.nodeSelector` is `{kubernetes.io/os: linux}`), so
 * {@link unknownValuePaths} accepts any content below them by default.
 */
export const KUBERNETES_OBJECT_KEYS: readonly string[] = [
  'additionalLabels',
  'affinity',
  'annotations',
  'containerSecurityContext',
  'env',
  'labels',
  'nodeSelector',
  'podAnnotations',
  'podLabels',
  'podSecurityContext',
  'securityContext',
  'tolerations',
  'topologySpreadConstraints',
];

const cache = new Map<UpstreamChart, unknown>();

/**
 * The chart's upstream `values.yaml` (the copy in `src/upstream/<chart>/`), parsed with the `yaml`
 * package once per chart and deep-frozen, as the value is shared by every caller.
 */
export function loadUpstreamValues(chart: UpstreamChart): unknown {
  if (!cache.has(chart)) {
    cache.set(chart, deepFreeze(parse(fs.readFileSync(upstreamFile(chart, 'values.yaml'), 'utf8'))));
  }
  return cache.get(chart);
}

/**
 * Every key path set in `values` that the upstream values do not have, sorted: `driver.verison`,
 * `metricsService.ports[1].portt`. Only the outermost unknown key of a branch is reported.
 *
 * Rules, on the parsed structure only:
 * - where the upstream value is a non-empty map, each emitted key must exist in it;
 * - an upstream `{}` accepts any child keys; an upstream `null` or scalar accepts any value, even a map;
 * - an upstream array that is empty or holds only scalars accepts any items; one that holds maps checks
 *   each emitted item against the union of its map items (merged recursively);
 * - below a key named in `kubernetesObjectKeys` (default {@link KUBERNETES_OBJECT_KEYS}) anything goes.
 *
 * Limitations: types and values are not checked, only keys. Keys that upstream documents only in a
 * comment (`# hpcJobMapping: ...`, `#version: ""`) do not exist for this check and are reported, and so
 * are the values of a subchart that the parent's values.yaml does not spell out.
 */
export function unknownValuePaths(
  values: unknown,
  upstream: unknown,
  kubernetesObjectKeys: readonly string[] = KUBERNETES_OBJECT_KEYS,
): string[] {
  const unknown: string[] = [];
  walk(values, upstream, '', new Set(kubernetesObjectKeys), unknown);
  return unknown.sort();
}

function walk(value: unknown, upstream: unknown, path: string, open: Set<string>, unknown: string[]): void {
  if (Array.isArray(value)) {
    const item = Array.isArray(upstream) ? itemTemplate(upstream) : undefined;
    if (item !== undefined) value.forEach((v, i) => walk(v, item, appendIndex(path, i), open, unknown));
    return;
  }
  if (!isMap(value) || !isMap(upstream) || Object.keys(upstream).length === 0) return;
  for (const [key, child] of Object.entries(value)) {
    const childPath = appendKey(path, key);
    if (!Object.hasOwn(upstream, key)) unknown.push(childPath);
    else if (!open.has(key)) walk(child, upstream[key], childPath, open, unknown);
  }
}

/** The union of an upstream array's map items, or undefined when it has none (any item is accepted). */
function itemTemplate(items: unknown[]): unknown {
  const maps = items.filter(isMap);
  return maps.length === 0 ? undefined : maps.slice(1).reduce<unknown>((a, b) => merge(a, b), maps[0]);
}

/**
 * The most permissive union of two upstream values: maps merge key by key (an empty map wins), arrays
 * concatenate (an empty array wins), and anything else gives `null`, which accepts any value.
 */
function merge(a: unknown, b: unknown): unknown {
  if (isMap(a) && isMap(b)) {
    if (Object.keys(a).length === 0 || Object.keys(b).length === 0) return {};
    const out: Record<string, unknown> = { ...a };
    for (const [key, v] of Object.entries(b)) out[key] = Object.hasOwn(out, key) ? merge(out[key], v) : v;
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === 0 || b.length === 0 ? [] : [...a, ...b];
  return null;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
