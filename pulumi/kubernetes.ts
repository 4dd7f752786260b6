import { CustomResourceOptions, Resource, secret } from '@pulumi/pulumi';
import { CustomResource } from '@pulumi/kubernetes/apiextensions';
import { Namespace, NodePatch } from '@pulumi/kubernetes/core/v1';
import { Release } from '@pulumi/kubernetes/helm/v3';
import { Provider } from '@pulumi/kubernetes/provider';
import type { Cluster } from '@pulumiverse/scaleway/kubernetes';
import { applySteps } from '../src/kubernetes/apply-order';
import { dnsLabel } from '../src/kubernetes/names';
import { K8sObject } from '../src/kubernetes/objects';
import { ClusterModel, OperatorModel } from '../src/kubernetes/cluster-model';

/** What a GPU cluster's platform declared. */
export interface DeployedPlatform {
  /** The provider the resources use; undefined: the ambient Kubernetes provider. */
  readonly provider?: Provider;
  /** Per namespace name: operators', custom resources' and tenants'. */
  readonly namespaces: Readonly<Record<string, Namespace>>;
  /** Per chart name (`gpu-operator`, `network-operator`, `dra-driver-nvidia-gpu`, `kueue`). */
  readonly releases: Readonly<Record<string, Release>>;
  /**
   * Every object of the operators, by apply step (`applySteps`): objects of built-in kinds, then
   * the custom resources (ComputeDomains, NicClusterPolicy, Kueue Topology, ResourceFlavor,
   * ClusterQueues and LocalQueues), in model order within a step.
   */
  readonly customResources: readonly CustomResource[];
  /** Per node name: the layout's labels on a physical node. */
  readonly nodeLabels: Readonly<Record<string, NodePatch>>;
}

/**
 * Declares the platform of one GPU cluster, as the Terraform delivery does
 * (`constructs/kubernetes/terraform-delivery.ts`) and from the same model:
 * - a `Namespace` per namespace (operators', custom resources', tenants');
 * - a Helm `Release` per operator: its chart (an OCI chart as `oci://<registry path>/<chart>`, an
 *   HTTPS one with `repositoryOpts.repo`), pinned version, release name = chart, its namespace,
 *   and `values` exactly the model's (those the `helm_release` carries as YAML);
 * - a `CustomResource` per object, placed by kind as the Terraform stacks are (`applySteps`): an
 *   object of a built-in kind (NetworkPolicy, ResourceQuota, PriorityClass, RBAC, a CRD) after its
 *   namespace only, like its `kubernetes_manifest` in the platform stack; a custom resource after
 *   every release (which install the CRDs), the objects of the steps before it and its namespace;
 * - a `NodePatch` per physical node with the layout's labels (`kubernetes_labels`). Kapsule pool
 *   nodes get theirs from the pool.
 * No Release for the GPU Operator unless the design declares one; on a cluster whose provider
 * installs its own (Kapsule), that is K8S-006 and `deploy` stops first.
 */
export function declarePlatform(cluster: ClusterModel, provider?: Provider): DeployedPlatform {
  const opts: CustomResourceOptions = provider ? { provider } : {};
  const prefix = cluster.path;

  const namespaces: Record<string, Namespace> = {};
  const namespace = (name: string): Namespace =>
    (namespaces[name] ??= new Namespace(`${prefix}/namespace-${name}`, { metadata: { name } }, opts));

  const releases: Record<string, Release> = {};
  for (const op of cluster.operators) {
    const ns = namespace(op.namespace);
    releases[op.chart] = new Release(
      `${prefix}/release-${op.chart}`,
      {
        ...chartOf(op),
        name: op.chart,
        version: op.version,
        namespace: ns.metadata.name,
        values: copy(op.values),
      },
      opts,
    );
  }

  // The apply steps of the Terraform delivery, by kind: objects of built-in kinds with the
  // namespaces and releases (after their namespace only), each custom resource after every release
  // and every object of the steps before (CRDs among them), as the Terraform stacks wait.
  const steps = applySteps(cluster);
  for (const o of steps[0].objects) if (o.kind === 'Namespace') namespace(o.metadata.name);
  for (const t of cluster.tenants) namespace(t.namespace);
  const customResources: CustomResource[] = [];
  const before: Resource[] = [];
  for (const step of steps) {
    const here: { obj: K8sObject; resource: CustomResource }[] = [];
    for (const obj of step.objects) {
      if (obj.kind === 'Namespace') continue;
      const deps: Resource[] = step.index === 0 ? [] : [...Object.values(releases), ...before];
      if (obj.metadata.namespace) deps.push(namespace(obj.metadata.namespace));
      const { apiVersion, kind, ...rest } = copy(obj);
      here.push({
        obj,
        resource: new CustomResource(
          `${prefix}/manifest-${dnsLabel(`${obj.kind}-${obj.metadata.namespace ?? ''}-${obj.metadata.name}`)}`,
          { apiVersion, kind, ...rest },
          { ...opts, dependsOn: deps },
        ),
      });
    }
    // What the later steps wait for beyond the releases: the CRD objects of step 0, all of the others.
    before.push(
      ...here
        .filter(({ obj }) => step.index > 0 || obj.kind === 'CustomResourceDefinition')
        .map((h) => h.resource),
    );
    customResources.push(...here.map((h) => h.resource));
  }

  const nodeLabels: Record<string, NodePatch> = {};
  for (const node of cluster.nodes) {
    nodeLabels[node.name] = new NodePatch(
      `${prefix}/labels-${node.name}`,
      { metadata: { name: node.name, labels: { ...node.labels } } },
      opts,
    );
  }
  return { provider, namespaces, releases, customResources, nodeLabels };
}

/**
 * The Kubernetes provider of a GPU cluster on Kapsule: the cluster's admin kubeconfig (a secret
 * output), once its pools exist, so the releases find nodes to run on.
 */
export function kapsuleProvider(name: string, cluster: Cluster, pools: readonly Resource[]): Provider {
  return new Provider(
    name,
    { kubeconfig: secret(cluster.kubeconfigs.apply((k) => k[0].configFile)) },
    { dependsOn: [...pools] },
  );
}

/** `chart` and `repositoryOpts` of a Release: an OCI chart is addressed by its full reference. */
function chartOf(op: OperatorModel): { chart: string; repositoryOpts?: { repo: string } } {
  return op.repository.startsWith('oci://')
    ? { chart: `${op.repository.replace(/\/+$/, '')}/${op.chart}` }
    : { chart: op.chart, repositoryOpts: { repo: op.repository } };
}

/**
 * A deep copy of plain JSON data (values, manifests): what is declared never aliases the model.
 * Through JSON rather than `structuredClone`, whose arrays may come from another realm (a test
 * runner's sandbox) and then fail the serializer's `instanceof Array`.
 */
function copy<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}
