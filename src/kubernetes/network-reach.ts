import { K8sObject } from './objects';
import { NAMESPACE_NAME_LABEL } from './tenancy';

/** A pod as NetworkPolicies see it: its namespace (and that namespace's labels) and its labels. */
export interface PodEndpoint {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Labels of the pod's namespace; the API server always sets `kubernetes.io/metadata.name`. */
  readonly namespaceLabels?: Readonly<Record<string, string>>;
}

interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly { key: string; operator: string; values?: readonly string[] }[];
}
interface Peer {
  readonly podSelector?: LabelSelector;
  readonly namespaceSelector?: LabelSelector;
  readonly ipBlock?: unknown;
}
interface PortRule {
  readonly protocol?: string;
  readonly port?: number | string;
  readonly endPort?: number;
}
interface PolicyRule {
  readonly from?: readonly Peer[];
  readonly to?: readonly Peer[];
  readonly ports?: readonly PortRule[];
}
interface PolicySpec {
  readonly podSelector: LabelSelector;
  readonly policyTypes?: readonly string[];
  readonly ingress?: readonly PolicyRule[];
  readonly egress?: readonly PolicyRule[];
}

/** A port set: every port, or the listed `PROTOCOL/port` entries (named ports kept by name). */
type Ports = 'all' | ReadonlySet<string>;

/**
 * Whether `NetworkPolicy` objects (networking.k8s.io/v1) let `from` open a connection to `to`
 * on some port, as the API documents it: a pod that no policy of a direction selects is open
 * in that direction; once selected, only what some rule of a selecting policy allows passes;
 * a connection needs both the source's egress and the destination's ingress. Peers are
 * `podSelector` (in the policy's namespace), `namespaceSelector`, or both; `ipBlock` peers
 * never match a pod (cluster pod IPs are what the policies here are about). Returns the ports
 * both sides allow: `'all'`, a non-empty set of `PROTOCOL/port`, or `undefined` for no path.
 */
export function reach(policies: readonly K8sObject[], from: PodEndpoint, to: PodEndpoint): Ports | undefined {
  const egress = allowed(policies, 'Egress', from, to);
  if (egress === undefined) return undefined;
  const ingress = allowed(policies, 'Ingress', to, from);
  if (ingress === undefined) return undefined;
  if (egress === 'all') return ingress;
  if (ingress === 'all') return egress;
  const both = new Set([...egress].filter((p) => ingress.has(p)));
  return both.size > 0 ? both : undefined;
}

function allowed(
  policies: readonly K8sObject[],
  direction: 'Ingress' | 'Egress',
  pod: PodEndpoint,
  peer: PodEndpoint,
): Ports | undefined {
  let selected = false;
  let ports: Set<string> | undefined;
  for (const p of policies) {
    if (p.kind !== 'NetworkPolicy' || p.metadata.namespace !== pod.namespace) continue;
    const spec = p.spec as unknown as PolicySpec;
    if (!types(spec).includes(direction) || !matches(spec.podSelector, pod.labels)) continue;
    selected = true;
    const rules = (direction === 'Ingress' ? spec.ingress : spec.egress) ?? [];
    for (const rule of rules) {
      const peers = direction === 'Ingress' ? rule.from : rule.to;
      if (peers && peers.length > 0 && !peers.some((x) => peerMatches(x, p.metadata.namespace!, peer)))
        continue;
      if (!rule.ports || rule.ports.length === 0) return 'all';
      const set: Set<string> = ports ?? new Set<string>();
      for (const r of rule.ports)
        set.add(`${r.protocol ?? 'TCP'}/${r.port ?? '*'}${r.endPort ? `-${r.endPort}` : ''}`);
      ports = set;
    }
  }
  if (!selected) return 'all';
  return ports;
}

/** Policy types as the API defaults them: Ingress always, Egress when the policy has egress rules. */
function types(spec: PolicySpec): readonly string[] {
  if (spec.policyTypes && spec.policyTypes.length > 0) return spec.policyTypes;
  return spec.egress && spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

function peerMatches(peer: Peer, policyNamespace: string, pod: PodEndpoint): boolean {
  if (peer.ipBlock !== undefined) return false;
  const nsLabels = { [NAMESPACE_NAME_LABEL]: pod.namespace, ...(pod.namespaceLabels ?? {}) };
  const nsOk = peer.namespaceSelector
    ? matches(peer.namespaceSelector, nsLabels)
    : pod.namespace === policyNamespace;
  const podOk = peer.podSelector ? matches(peer.podSelector, pod.labels) : true;
  return nsOk && podOk;
}

/** Label selector semantics: every matchLabels pair and every expression must hold; `{}` selects all. */
export function matches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const values = e.values ?? [];
    const ok =
      e.operator === 'In'
        ? has && values.includes(labels[e.key])
        : e.operator === 'NotIn'
          ? !has || !values.includes(labels[e.key])
          : e.operator === 'Exists'
            ? has
            : e.operator === 'DoesNotExist'
              ? !has
              : false;
    if (!ok) return false;
  }
  return true;
}
