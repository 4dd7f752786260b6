import { Construct } from 'constructs';
import { App, LocalBackend, TerraformResource, TerraformStack, TerraformVariable } from 'cdktf';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { Release } from '@cdktf/provider-helm/lib/release';
import { Labels } from '@cdktf/provider-kubernetes/lib/labels';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { stringify } from 'yaml';
import { ClusterModel, ClusterNode } from '../../src/kubernetes/platform';
import { dnsLabel, LABELS } from '../../src/kubernetes/names';
import { packShards } from '../../src/planning/shards';
import { maxResourcesPerStack } from '../stack-cap';
import type { ClusterConnection } from './gpu-cluster';

/**
 * Terraform delivery of a cluster's platform:
 * - in the stack that holds the cluster: providers `kubernetes` and `helm` aliased to the
 *   cluster, `kubernetes_namespace_v1` per namespace, `helm_release` per operator with its
 *   values, `kubernetes_manifest` per custom resource (after the releases that install its
 *   CRDs), and `kubernetes_labels` per node;
 * - when that would pass the app's cap of resources per stack (default 2,000), the node
 *   labels move to shard stacks `<stack>-<cluster>-labels-NN`, whole scalable units each,
 *   independent of each other, so Terraform automation applies them in parallel.
 * Every stack's providers take the endpoint and credentials from its own Terraform
 * variables (`<cluster>_host`, `<cluster>_token` (sensitive), `<cluster>_cluster_ca_certificate`),
 * null by default so the providers fall back to the environment (KUBE_HOST, KUBE_TOKEN,
 * KUBE_CONFIG_PATH): nothing secret in the output.
 */
export function renderTerraform(
  scope: Construct,
  model: ClusterModel,
  connection?: ClusterConnection,
): () => void {
  const stack = TerraformStack.of(scope);
  const root = new Construct(scope, 'terraform');
  const { kubernetes, helm } = providers(stack, root, model, connection);

  const namespaces = new Map<string, NamespaceV1>();
  const namespace = (name: string): NamespaceV1 => {
    let ns = namespaces.get(name);
    if (!ns) {
      ns = new NamespaceV1(root, `namespace-${name}`, { provider: kubernetes, metadata: { name } });
      namespaces.set(name, ns);
    }
    return ns;
  };

  const releases = model.operators.map((op) => {
    const ns = namespace(op.namespace);
    return new Release(root, `release-${op.chart}`, {
      provider: helm,
      name: op.chart,
      chart: op.chart,
      repository: op.repository,
      version: op.version,
      namespace: ns.metadata.name,
      values: [stringify(op.values, { lineWidth: 0 })],
    });
  });

  for (const op of model.operators) {
    for (const obj of op.resources) {
      const deps = obj.metadata.namespace ? [namespace(obj.metadata.namespace)] : [];
      new Manifest(
        root,
        `manifest-${dnsLabel(`${obj.kind}-${obj.metadata.namespace ?? ''}-${obj.metadata.name}`)}`,
        {
          provider: kubernetes,
          manifest: obj as unknown as Record<string, unknown>,
          dependsOn: [...releases, ...deps],
        },
      );
    }
  }
  for (const t of model.tenants) namespace(t.namespace);

  // Node labels: a late step, once every cluster of the stack has rendered its platform.
  return () => renderLabels(scope, stack, root, kubernetes, model);
}

function renderLabels(
  scope: Construct,
  stack: TerraformStack,
  root: Construct,
  kubernetes: KubernetesProvider,
  model: ClusterModel,
): void {
  const cap = maxResourcesPerStack(scope);
  if (countResources(stack) + model.nodes.length <= cap) {
    for (const node of model.nodes) labels(root, kubernetes, node);
    return;
  }
  // Shards of whole scalable units, each within the cap (its own providers count too).
  const units = new Map<string, ClusterNode[]>();
  for (const node of model.nodes) {
    const key = node.labels[LABELS.pod];
    units.set(key, [...(units.get(key) ?? []), node]);
  }
  const shards = packShards(
    [...units.entries()].map(([key, nodes]) => ({ key, size: nodes.length })),
    cap - 2,
  );
  shards.forEach((shard, i) => {
    const shardStack = new TerraformStack(
      App.of(scope),
      `${stack.node.id}-${model.name}-labels-${String(i + 1).padStart(2, '0')}`,
    );
    // Local state beside the output directory, as a relative path (cdktf's default is absolute).
    new LocalBackend(shardStack, { path: `../../../terraform.${shardStack.node.id}.tfstate` });
    const shardRoot = new Construct(shardStack, model.name);
    const p = providers(shardStack, shardRoot, model);
    for (const key of shard.keys) for (const node of units.get(key)!) labels(shardRoot, p.kubernetes, node);
  });
}

function labels(scope: Construct, provider: KubernetesProvider, node: ClusterNode): void {
  new Labels(scope, `labels-${node.name}`, {
    provider,
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: node.name },
    labels: { ...node.labels },
  });
}

function providers(stack: TerraformStack, scope: Construct, model: ClusterModel, given?: ClusterConnection) {
  const prefix = model.name.replace(/-/g, '_');
  const variable = (name: string, description: string, sensitive: boolean) => {
    const v = new TerraformVariable(stack, `${prefix}_${name}`, {
      type: 'string',
      description,
      sensitive,
      nullable: true,
    });
    // A null default makes the variable optional: the providers then read the environment.
    v.addOverride('default', null);
    return v;
  };
  const connection = given ?? {
    host: variable('host', `API server of cluster ${model.name} (null: the KUBE_HOST environment)`, false)
      .stringValue,
    token: variable('token', `Bearer token for cluster ${model.name} (null: the environment)`, true)
      .stringValue,
    clusterCaCertificate: variable(
      'cluster_ca_certificate',
      `PEM CA certificate of cluster ${model.name}`,
      false,
    ).stringValue,
  };
  return {
    kubernetes: new KubernetesProvider(scope, 'kubernetes', { alias: model.name, ...connection }),
    helm: new HelmProvider(scope, 'helm', { alias: model.name, kubernetes: connection }),
  };
}

/** Terraform resources already in a stack. */
function countResources(stack: TerraformStack): number {
  return stack.node.findAll().filter((c) => TerraformResource.isTerraformResource(c)).length;
}
