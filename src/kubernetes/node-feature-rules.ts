import { installedKinds } from './crd-owners';
import { ClusterModel, ClusterNode } from './cluster-model';
import { K8sObject } from './objects';
import { LABELS } from './names';

const NODE_FEATURE_RULE = 'nfd.k8s-sigs.io/NodeFeatureRule';

/** True when Node Feature Discovery runs on the cluster: a chart installs it, or the provider's GPU Operator does. */
export function runsNfd(c: ClusterModel): boolean {
  return (
    c.managedGpuOperator ||
    c.operators.some((op) => installedKinds(op.chart, op.values).includes(NODE_FEATURE_RULE))
  );
}

/**
 * The layout labels of a cluster's nodes as Node Feature Discovery `NodeFeatureRule`s
 * (nfd.k8s-sigs.io/v1alpha1, NFD 0.19.0 as the GPU Operator v26.7.0 bundles it): one per rack,
 * with one rule per distinct label set (one for an NVL72 rack, one per node where the NVLink
 * domain is the node), matching its nodes by name (feature `system.name`, element `nodename`,
 * operator `In`). nfd-master sets the labels on nodes that run nfd-worker. Empty where NFD does
 * not run on the cluster (the node provisioner's label file still carries them).
 */
export function nodeFeatureRules(c: ClusterModel): K8sObject[] {
  if (c.nodes.length === 0 || !runsNfd(c)) return [];
  const byRack = new Map<number, ClusterNode[]>();
  for (const n of c.nodes) {
    const rack = byRack.get(n.rack);
    if (rack) rack.push(n);
    else byRack.set(n.rack, [n]);
  }
  const out: K8sObject[] = [];
  for (const nodes of byRack.values()) {
    const rackLabel = nodes[0].labels[LABELS.rack] ?? nodes[0].name;
    const sets = new Map<string, ClusterNode[]>();
    for (const n of nodes) {
      const key = labelSetKey(n.labels);
      const set = sets.get(key);
      if (set) set.push(n);
      else sets.set(key, [n]);
    }
    const rules = [...sets.values()].map((members, i) => ({
      name: sets.size === 1 ? `rack ${rackLabel}` : `rack ${rackLabel} set ${i + 1}`,
      labels: { ...members[0].labels },
      matchFeatures: [
        {
          feature: 'system.name',
          matchExpressions: { nodename: { op: 'In', value: members.map((m) => m.name) } },
        },
      ],
    }));
    out.push({
      apiVersion: 'nfd.k8s-sigs.io/v1alpha1',
      kind: 'NodeFeatureRule',
      metadata: { name: `layout-${rackLabel}`.slice(0, 253) },
      spec: { rules },
    });
  }
  return out;
}

/** Label names sorted, by the names in declared order (the nodes of a cluster share a few orders). */
const sortedNames = new Map<string, readonly string[]>();

/**
 * One string per distinct label set: names in order, each with its value. Label names and
 * values never hold a control character, so `\u0000` and `\u0001` separate them unambiguously.
 */
function labelSetKey(labels: Readonly<Record<string, string>>): string {
  let declared = '';
  for (const name in labels) declared += `${name}\u0000`;
  let names = sortedNames.get(declared);
  if (names === undefined) sortedNames.set(declared, (names = Object.keys(labels).sort()));
  let key = '';
  for (const name of names) key += `${name}\u0000${labels[name]}\u0001`;
  return key;
}
