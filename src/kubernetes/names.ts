import { createHash } from 'crypto';

/** Node label keys this library sets from the physical layout. */
export const LABELS = {
  site: 'aifactory.io/site',
  hall: 'aifactory.io/hall',
  /** The scalable unit (pod) a node's rack stands in: Kueue's `block` topology level. */
  pod: 'aifactory.io/pod',
  rack: 'aifactory.io/rack',
  /** The NVLink domain: the rack for NVL72 (one multi-node domain), the node itself for HGX. */
  nvlinkDomain: 'aifactory.io/nvlink-domain',
  system: 'aifactory.io/system',
  /** The cloud node pool (Kapsule) a node belongs to. */
  pool: 'aifactory.io/pool',
} as const;

/** Labels the kubelet sets itself; they are expected on nodes, never applied by this library. */
export const KUBELET_LABELS = { hostname: 'kubernetes.io/hostname', arch: 'kubernetes.io/arch' } as const;

/** Lowercase letters and digits in runs joined by single hyphens. */
const DNS_LABEL = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A valid Kubernetes label value or DNS-1123 label (at most 63 characters of [a-z0-9-],
 * starting and ending alphanumeric) made from any text, deterministically. Too long a
 * value keeps its start and gets a hash suffix, so distinct inputs stay distinct.
 */
export function dnsLabel(text: string): string {
  if (text.length <= 63 && DNS_LABEL.test(text)) return text; // already one: what the steps give back
  return labelSteps(text);
}

/** Every step of `dnsLabel`, whatever the text (exported for the test that checks the shortcut above). */
export function labelSteps(text: string): string {
  let s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length === 0) s = 'x';
  if (s.length > 63) {
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
    s = `${s.slice(0, 54).replace(/-+$/, '')}-${hash}`;
  }
  return s;
}
