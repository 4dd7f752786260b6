import { groupKind, isBuiltInKind } from '../kubernetes/crd-owners';
import { DeployPlan, DeployStep, PlannedObject } from './plan';

/** Namespaces every cluster has from the start. */
const INITIAL_NAMESPACES: readonly string[] = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/** An object applied before something it needs. */
export interface TooEarly {
  readonly step: DeployStep;
  readonly object: PlannedObject;
  /** What it waits for: a kind `group/Kind`, a namespace, or a cluster. */
  readonly waitsFor: string;
  /** The steps that bring it, none when nothing does. */
  readonly providers: readonly DeployStep[];
}

export interface Replay {
  /** Custom resources applied before a step that installs their CRD has finished. */
  readonly missingCrds: readonly TooEarly[];
  /** `kubernetes_manifest`s planned in the stack that creates their cluster. */
  readonly clusterNotCreated: readonly TooEarly[];
  /** Objects applied before their namespace exists. */
  readonly missingNamespaces: readonly TooEarly[];
}

const cache = new WeakMap<DeployPlan, Replay>();

/**
 * Replays a plan against a simulated API per cluster: a step sees the built-in kinds, the
 * initial namespaces, and what every step it waits for (directly or not) installed or created;
 * a step's own namespaces come before its objects (Helm, Argo CD and Terraform all order them
 * so), its own CRDs do not (a chart's CRD under `templates/` is not there when Helm maps the
 * release's objects, and `kubernetes_manifest` needs the CRD at plan time). Steps that do not
 * wait for each other run in parallel: neither sees the other's work. Computed once per plan.
 */
export function replay(plan: DeployPlan): Replay {
  const known = cache.get(plan);
  if (known) return known;
  const byId = new Map(plan.steps.map((s) => [s.id, s]));
  const ancestors = new Map<string, Set<string>>();
  const ancestorsOf = (id: string, seen: string[] = []): Set<string> => {
    let a = ancestors.get(id);
    if (a) return a;
    a = new Set<string>();
    for (const p of byId.get(id)?.after ?? []) {
      if (!byId.has(p) || seen.includes(p)) continue;
      a.add(p);
      for (const x of ancestorsOf(p, [...seen, id])) a.add(x);
    }
    ancestors.set(id, a);
    return a;
  };
  const key = (cluster: string, name: string) => `${cluster}\u0000${name}`;
  const missingCrds: TooEarly[] = [];
  const clusterNotCreated: TooEarly[] = [];
  const missingNamespaces: TooEarly[] = [];
  for (const step of plan.steps) {
    const before = [...ancestorsOf(step.id)].map((id) => byId.get(id)!);
    const kinds = new Set(before.flatMap((s) => s.installs.map((i) => key(i.cluster, i.name))));
    const namespaces = new Set(
      [...before, step].flatMap((s) => s.namespaces.map((n) => key(n.cluster, n.name))),
    );
    for (const object of step.objects) {
      if (object.planTime && step.createsClusters.includes(object.cluster)) {
        clusterNotCreated.push({ step, object, waitsFor: `cluster ${object.cluster}`, providers: [step] });
      }
      if (!isBuiltInKind(object.apiVersion)) {
        const kind = groupKind(object.apiVersion, object.kind);
        if (!kinds.has(key(object.cluster, kind))) {
          const providers = plan.steps.filter((s) =>
            s.installs.some((i) => i.cluster === object.cluster && i.name === kind),
          );
          missingCrds.push({ step, object, waitsFor: kind, providers });
        }
      }
      const ns = object.namespace;
      if (ns && !INITIAL_NAMESPACES.includes(ns) && !namespaces.has(key(object.cluster, ns))) {
        const providers = plan.steps.filter((s) =>
          s.namespaces.some((n) => n.cluster === object.cluster && n.name === ns),
        );
        missingNamespaces.push({ step, object, waitsFor: `namespace ${ns}`, providers });
      }
    }
  }
  const result = { missingCrds, clusterNotCreated, missingNamespaces };
  cache.set(plan, result);
  return result;
}

/** `Kind namespace/name` of an object. */
export function objectName(o: PlannedObject): string {
  return `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
}
