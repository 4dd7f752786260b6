import { IConstruct } from 'constructs';
import type { Provider as KubernetesProvider } from '@pulumi/kubernetes/provider';
import type { Provider as ScalewayProvider } from '@pulumiverse/scaleway/provider';
import { evaluate, Evaluation } from '../src/evaluate';
import { hasErrors } from '../src/policy/engine';
import { DesignFindingsError } from './findings-error';
import type { DeployedPlatform } from './kubernetes';
import type { DeployedScaleway } from './scaleway';
import { ScalewayInputs, scalewayInputs } from './scaleway-inputs';
import { platformTargets } from './targets';
import { deliveredPlatform } from '../src/operations/delivered-platform';

export interface DeployOptions {
  /**
   * Kubernetes providers by GPU cluster name (`GpuCluster` `name`).
   * @default - a cluster on Kapsule: a provider from the declared cluster's kubeconfig (secret);
   * otherwise the ambient provider (`KUBECONFIG`, `kubernetes:*` stack config), for one cluster at most
   */
  readonly kubernetesProviders?: Readonly<Record<string, KubernetesProvider>>;
  /**
   * Provider of every Scaleway resource.
   * @default - the ambient provider (`SCW_ACCESS_KEY`, `SCW_SECRET_KEY`, `SCW_DEFAULT_PROJECT_ID`, `scaleway:*` config)
   */
  readonly scalewayProvider?: ScalewayProvider;
}

/** What `deploy` declared, and the evaluation it checked. */
export interface DeployedDesign {
  readonly evaluation: Evaluation;
  readonly scaleway: DeployedScaleway;
  /** Per GPU cluster name, for the clusters delivered directly (`Delivery.terraform()`). */
  readonly platforms: Readonly<Record<string, DeployedPlatform>>;
}

/**
 * Declares a design's resources in the running Pulumi program: the same construct tree a
 * cdktf app synthesizes, the same checks, the same values.
 *
 * 1. Evaluates the tree (`evaluate`: model, analysis, every rule). With an unsuppressed error
 *    finding it throws a `DesignFindingsError` whose message is what `aifactory check` prints,
 *    before any resource is declared; so does a `DesignError` of the adapter (a provider for an
 *    unknown cluster, a Terraform reference where a value is needed, ...).
 * 2. Declares the Scaleway resources (`@pulumiverse/scaleway`) with the Terraform path's settings.
 * 3. Declares the Kubernetes platform of every GPU cluster delivered directly
 *    (`Delivery.terraform()`; GitOps clusters are left to Argo CD or Flux): namespaces, a Helm
 *    release per operator, the custom resources, and the physical nodes' labels
 *    (`@pulumi/kubernetes`).
 *
 * Build the tree under a `RootConstruct` (or a cdktf `App` whose outdir is a temporary
 * directory); nothing is synthesized to Terraform and no Terraform provider is needed.
 */
export function deploy(root: IConstruct, options: DeployOptions = {}): DeployedDesign {
  const evaluation = evaluate(root);
  if (hasErrors(evaluation.findings)) throw new DesignFindingsError(evaluation);
  const { cloud } = evaluation.design;
  const platform = deliveredPlatform(evaluation.design, evaluation.analysis);
  const inputs = scalewayInputs(cloud);
  const targets = platformTargets(platform, options.kubernetesProviders ?? {});

  const scaleway = hasScaleway(inputs)
    ? lazy.scaleway().declareScaleway(inputs, options.scalewayProvider)
    : { networks: {}, clusters: {}, pools: {}, instances: {}, buckets: {} };
  const platforms: Record<string, DeployedPlatform> = {};
  if (targets.length > 0) {
    const { declarePlatform, kapsuleProvider } = lazy.kubernetes();
    for (const t of targets) {
      let provider = t.provider;
      if (!provider && t.kapsule !== undefined) {
        const pools = cloud.resources.flatMap((r) =>
          r.kind === 'cloud-cluster' && r.path === t.kapsule ? r.pools.map((p) => scaleway.pools[p]) : [],
        );
        provider = kapsuleProvider(`${t.cluster.path}/kubernetes`, scaleway.clusters[t.kapsule], pools);
      }
      platforms[t.cluster.name] = declarePlatform(t.cluster, provider);
    }
  }
  return { evaluation, scaleway, platforms };
}

function hasScaleway(inputs: ScalewayInputs): boolean {
  return Object.values(inputs).some((list: readonly unknown[]) => list.length > 0);
}

/**
 * The declaring modules, loaded when the design needs them: `@pulumiverse/scaleway` only for
 * designs with Scaleway resources, `@pulumi/kubernetes` only for designs with a GPU cluster the
 * program delivers; each is an optional peer dependency.
 */
const lazy = {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy, see above
  scaleway: (): typeof import('./scaleway') => require('./scaleway'),
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy, see above
  kubernetes: (): typeof import('./kubernetes') => require('./kubernetes'),
};
