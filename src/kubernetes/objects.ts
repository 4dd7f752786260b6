/** A Kubernetes object as emitted: plain data, ready for YAML, `kubernetes_manifest` or a CRD schema check. */
export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  readonly spec?: Readonly<Record<string, unknown>>;
  /** RBAC Role: what it allows. */
  readonly rules?: readonly Readonly<Record<string, unknown>>[];
  /** RBAC RoleBinding: who, and to which role. */
  readonly subjects?: readonly Readonly<Record<string, string>>[];
  readonly roleRef?: Readonly<Record<string, string>>;
  /** PriorityClass (scheduling.k8s.io/v1) fields, top-level like RBAC's. */
  readonly value?: number;
  readonly globalDefault?: boolean;
  readonly preemptionPolicy?: string;
  readonly description?: string;
}

/** API groups of Kubernetes itself ('' is the core group, `v1`): objects of these have no CRD. */
const CORE_GROUPS: ReadonlySet<string> = new Set([
  '',
  'networking.k8s.io',
  'rbac.authorization.k8s.io',
  'scheduling.k8s.io',
]);

/** True for objects of Kubernetes' own API groups (Namespace, ResourceQuota, NetworkPolicy, RBAC, PriorityClass). */
export function isCoreObject(o: K8sObject): boolean {
  const slash = o.apiVersion.indexOf('/');
  return CORE_GROUPS.has(slash < 0 ? '' : o.apiVersion.slice(0, slash));
}

type Plain = Record<string, unknown>;

const isMap = (x: unknown): x is Plain => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Deep merge of Helm-style values: maps merge key by key, anything else in `over` replaces. */
export function mergeValues(base: Plain, over: Readonly<Plain>): Plain {
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(over)) {
    out[k] = isMap(v) && isMap(out[k]) ? mergeValues(out[k] as Plain, v) : v;
  }
  return out;
}
