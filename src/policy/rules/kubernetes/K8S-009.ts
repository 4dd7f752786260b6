import { reach } from '../../../kubernetes/network-reach';
import { TenantModel } from '../../../kubernetes/cluster-model';
import { PackRule, Violation } from '../../rule';

/** Namespaces Kubernetes itself uses. */
const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** No tenant's pods can open a connection to another tenant's pods, and no tenant sits in a platform namespace. */
export const K8S_009: PackRule = {
  id: 'K8S-009',
  severity: 'error',
  description:
    "No tenant's pods can reach another tenant's namespace through the emitted NetworkPolicies, and no tenant uses a platform namespace.",
  help:
    "Tenants of a shared facility must not see each other's traffic: each tenant's namespace gets a default-deny " +
    'NetworkPolicy that admits only its own namespace, DNS and the namespaces in its allowIngressFrom and ' +
    'allowEgressTo. The rule ' +
    "evaluates the cluster's emitted NetworkPolicies on a pod of every tenant namespace against a pod of every " +
    'other, refuses two tenants sharing a namespace, and a tenant in a system or operator namespace (default, kube-system, ' +
    "kueue-system, ...). Fix: give each tenant its own namespace, and keep other tenants' namespaces out of allowIngressFrom and allowEgressTo.",
  check({ platform }) {
    const out: Violation[] = [];
    for (const c of platform.clusters) {
      const tenants: TenantModel[] = [...c.tenants];
      for (const campus of platform.campuses) {
        if (campus.managerPath === c.path) tenants.push(...campus.tenants.map((t) => t.queue));
      }
      const policies = c.operators.flatMap((op) => op.resources.filter((r) => r.kind === 'NetworkPolicy'));
      // The platform's own namespaces: a tenant there would share them with operators and system pods.
      const reserved = new Set([
        ...SYSTEM_NAMESPACES,
        c.platformNamespace,
        ...c.operators.map((o) => o.namespace),
      ]);
      for (const t of tenants) {
        if (reserved.has(t.namespace)) {
          out.push({
            path: t.path,
            message: `tenant ${t.name} uses namespace ${t.namespace} on cluster ${c.name}, which the platform uses (system or operator namespace)`,
          });
        }
      }
      for (const a of tenants) {
        for (const b of tenants) {
          if (a === b || a.name === b.name) continue;
          if (a.namespace === b.namespace) {
            if (a.path < b.path) {
              out.push({
                path: b.path,
                message: `tenants ${a.name} and ${b.name} share namespace ${b.namespace} on cluster ${c.name}: nothing separates their pods`,
              });
            }
            continue;
          }
          const ports = reach(
            policies,
            { namespace: a.namespace, labels: {} },
            { namespace: b.namespace, labels: {} },
          );
          if (ports !== undefined) {
            out.push({
              path: b.path,
              message: `pods of tenant ${a.name} (namespace ${a.namespace}) can open connections to tenant ${b.name} (namespace ${b.namespace}) on cluster ${c.name}, ports ${ports === 'all' ? 'all' : [...ports].sort().join(', ')}`,
            });
          }
        }
      }
    }
    return out;
  },
};
