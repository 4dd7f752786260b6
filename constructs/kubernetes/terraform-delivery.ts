import { Construct } from 'constructs';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { Release } from '@cdktf/provider-helm/lib/release';
import { Labels } from '@cdktf/provider-kubernetes/lib/labels';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { stringify } from 'yaml';
import { ClusterModel } from '../../src/kubernetes/platform';
import { dnsLabel } from '../../src/kubernetes/names';

/**
 * Terraform delivery of a cluster's platform, in the stack that holds the cluster:
 * - providers `kubernetes` and `helm` aliased to the cluster, their endpoint and credentials
 *   from Terraform variables (`<cluster>_host`, `<cluster>_token` (sensitive),
 *   `<cluster>_cluster_ca_certificate`), null by default so the providers fall back to the
 *   environment (KUBE_HOST, KUBE_TOKEN, KUBE_CONFIG_PATH): nothing secret in the output;
 * - `kubernetes_namespace_v1` per namespace, `helm_release` per operator with its values,
 *   `kubernetes_manifest` per custom resource (after the releases that install its CRDs),
 *   `kubernetes_labels` per node with the layout labels.
 */
export function renderTerraform(scope: Construct, model: ClusterModel): void {
  const stack = TerraformStack.of(scope);
  const root = new Construct(scope, 'terraform');
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
  const host = variable(
    'host',
    `API server of cluster ${model.name} (null: the KUBE_HOST environment)`,
    false,
  );
  const token = variable('token', `Bearer token for cluster ${model.name} (null: the environment)`, true);
  const ca = variable('cluster_ca_certificate', `PEM CA certificate of cluster ${model.name}`, false);
  const connection = {
    host: host.stringValue,
    token: token.stringValue,
    clusterCaCertificate: ca.stringValue,
  };
  const kubernetes = new KubernetesProvider(root, 'kubernetes', { alias: model.name, ...connection });
  const helm = new HelmProvider(root, 'helm', { alias: model.name, kubernetes: connection });

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

  for (const node of model.nodes) {
    new Labels(root, `labels-${node.name}`, {
      provider: kubernetes,
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: node.name },
      labels: { ...node.labels },
    });
  }
}
