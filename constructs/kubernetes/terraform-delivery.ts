import { Construct } from 'constructs';
import {
  App,
  LocalBackend,
  TerraformLocal,
  TerraformResource,
  TerraformStack,
  TerraformVariable,
} from 'cdktf';
import { INSTALLED_CRDS_LOCAL } from '../../src/kubernetes/crd-owners';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { Release } from '@cdktf/provider-helm/lib/release';
import { Labels } from '@cdktf/provider-kubernetes/lib/labels';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { stringify } from 'yaml';
import { applySteps } from '../../src/kubernetes/apply-order';
import { ClusterModel, ClusterNode } from '../../src/kubernetes/cluster-model';
import { dnsLabel, LABELS } from '../../src/kubernetes/names';
import { packShards } from '../../src/planning/shards';
import { maxResourcesPerStack } from '../stack-cap';
import type { ClusterConnection } from './cluster-connection';
import { NetboxObject } from '../netbox/object';

/**
 * Terraform delivery of a cluster's platform, in stacks applied one after the other (never in the
 * stack that creates the cluster: `kubernetes_manifest` needs the API server, and the CRD, at plan
 * time):
 * - `<stack>-<cluster>-platform`: providers `kubernetes` and `helm` aliased to the cluster,
 *   `kubernetes_namespace_v1` per namespace, `helm_release` per operator with its values, objects of
 *   built-in kinds as `kubernetes_manifest`, and `kubernetes_labels` per node;
 * - `<stack>-<cluster>-resources` (and `-resources-N`), depending on the stack before: the custom
 *   resources as `kubernetes_manifest`, each in the stack after the one whose release installs its
 *   CRD (by kind: `applySteps`);
 * - when the labels would pass the app's cap of resources per stack (default 2,000), they move to
 *   shard stacks `<stack>-<cluster>-labels-NN`, whole scalable units each, independent of each other,
 *   so Terraform automation applies them in parallel.
 * A connection given as references to a cluster the design creates (a Kapsule cluster's
 * `platformTarget`) becomes cdktf cross-stack references: the platform's stacks wait for the
 * cluster's. Without one, every stack's providers take the endpoint and credentials from its own
 * Terraform variables (`<cluster>_host`, `<cluster>_token` (sensitive),
 * `<cluster>_cluster_ca_certificate`), null by default so the providers fall back to the environment
 * (KUBE_HOST, KUBE_TOKEN, KUBE_CONFIG_PATH): nothing secret in the output.
 */
export function renderTerraform(
  scope: Construct,
  model: ClusterModel,
  connection?: ClusterConnection,
): () => void {
  const stack = TerraformStack.of(scope);
  const steps = applySteps(model);
  const stacks = steps.map((step, i) => {
    const s = new TerraformStack(App.of(scope), `${stack.node.id}-${model.name}-${step.name}`);
    // Local state beside the output directory, as a relative path (cdktf's default is absolute).
    new LocalBackend(s, { path: `../../../terraform.${s.node.id}.tfstate` });
    return { stack: s, root: new Construct(s, model.name), step, index: i };
  });
  for (let i = 1; i < stacks.length; i++) stacks[i].stack.addDependency(stacks[i - 1].stack);

  const first = stacks[0];
  // The CRDs the design assumes the cluster has, recorded for reviewers and the deploy-order check.
  if (model.installedCrds.length > 0) {
    new TerraformLocal(first.stack, `${INSTALLED_CRDS_LOCAL}_${model.name}`, [...model.installedCrds]);
  }
  const { kubernetes, connection: resolved } = providers(first.stack, first.root, model, connection);
  const helm = new HelmProvider(first.root, 'helm', { alias: model.name, kubernetes: resolved });
  const namespaces = new Map<string, NamespaceV1>();
  const namespace = (name: string): NamespaceV1 => {
    let ns = namespaces.get(name);
    if (!ns) {
      ns = new NamespaceV1(first.root, `namespace-${name}`, { provider: kubernetes, metadata: { name } });
      namespaces.set(name, ns);
    }
    return ns;
  };
  for (const op of model.operators) {
    const ns = namespace(op.namespace);
    new Release(first.root, `release-${op.chart}`, {
      provider: helm,
      name: op.chart,
      chart: op.chart,
      repository: op.repository,
      version: op.version,
      namespace: ns.metadata.name,
      values: [stringify(op.values, { lineWidth: 0 })],
    });
  }
  for (const o of first.step.objects) if (o.kind === 'Namespace') namespace(o.metadata.name);
  for (const { stack: s, root, step, index } of stacks) {
    const provider = index === 0 ? kubernetes : providers(s, root, model, connection).kubernetes;
    for (const obj of step.objects) {
      if (obj.kind === 'Namespace') continue;
      // Namespaces of later steps exist: the stack before created them.
      const deps = index === 0 && obj.metadata.namespace ? [namespace(obj.metadata.namespace)] : [];
      new Manifest(
        root,
        `manifest-${dnsLabel(`${obj.kind}-${obj.metadata.namespace ?? ''}-${obj.metadata.name}`)}`,
        {
          provider,
          manifest: obj as unknown as Record<string, unknown>,
          dependsOn: deps.length > 0 ? deps : undefined,
        },
      );
    }
  }

  // Node labels: a late step, once every cluster has rendered its platform.
  return () => renderLabels(scope, first.stack, first.root, kubernetes, model, connection);
}

function renderLabels(
  scope: Construct,
  stack: TerraformStack,
  root: Construct,
  kubernetes: KubernetesProvider,
  model: ClusterModel,
  connection: ClusterConnection | undefined,
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
      `${TerraformStack.of(scope).node.id}-${model.name}-labels-${String(i + 1).padStart(2, '0')}`,
    );
    // Local state beside the output directory, as a relative path (cdktf's default is absolute).
    new LocalBackend(shardStack, { path: `../../../terraform.${shardStack.node.id}.tfstate` });
    const shardRoot = new Construct(shardStack, model.name);
    const p = providers(shardStack, shardRoot, model, connection);
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

function providers(
  stack: TerraformStack,
  scope: Construct,
  model: ClusterModel,
  given: ClusterConnection | undefined,
) {
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
    connection,
  };
}

/** Terraform resources already in a stack (NetBox objects are written as resources too). */
function countResources(stack: TerraformStack): number {
  return stack.node
    .findAll()
    .filter((c) => TerraformResource.isTerraformResource(c) || NetboxObject.isNetboxObject(c)).length;
}
