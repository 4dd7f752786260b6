import type { Provider } from '@pulumi/kubernetes/provider';
import { DesignError } from '../src/errors';
import { ClusterModel } from '../src/kubernetes/cluster-model';
import { Platform } from '../src/kubernetes/platform';

/** Where the platform of one GPU cluster goes. */
export interface PlatformTarget {
  readonly cluster: ClusterModel;
  /** The provider the program gave for it. */
  readonly provider?: Provider;
  /** Path of the Kapsule cluster (`ScalewayGpuCluster`) it runs on, whose kubeconfig reaches it. */
  readonly kapsule?: string;
}

/**
 * The GPU clusters whose platform the program declares, each with how it is reached, resolved
 * before anything is declared:
 * - clusters delivered by GitOps are left to Argo CD or Flux (`aifactory synth` writes their chart);
 * - a cluster takes the provider given under its name, else the kubeconfig of the one Kapsule
 *   cluster it runs on, else the ambient Kubernetes provider (`KUBECONFIG`, `kubernetes:*` config),
 *   which at most one cluster may use: two would land on the same cluster.
 * Throws a `DesignError` on a provider for an unknown or GitOps cluster, on a cluster over several
 * Kapsule clusters without a provider, and on two clusters left to the ambient provider.
 */
export function platformTargets(
  platform: Platform,
  given: Readonly<Record<string, Provider>>,
): PlatformTarget[] {
  const byName = new Map(platform.clusters.map((c) => [c.name, c]));
  for (const name of Object.keys(given)) {
    const c = byName.get(name);
    if (!c) {
      const known = platform.clusters.map((x) => x.name).join(', ') || 'none';
      throw new DesignError('', `kubernetesProviders: no GPU cluster named '${name}' (clusters: ${known})`);
    }
    if (c.delivery.mode !== 'terraform') {
      throw new DesignError(
        c.path,
        `kubernetesProviders: cluster '${name}' is delivered by GitOps (Argo CD or Flux), not by the program`,
      );
    }
  }

  const targets: PlatformTarget[] = [];
  for (const cluster of platform.clusters) {
    if (cluster.delivery.mode !== 'terraform') continue;
    const provider = given[cluster.name];
    if (provider) {
      targets.push({ cluster, provider });
      continue;
    }
    const kapsule = cluster.cloudClusters;
    if (kapsule.length > 1) {
      throw new DesignError(
        cluster.path,
        `runs on ${kapsule.length} Kapsule clusters (${kapsule.join(', ')}): give kubernetesProviders['${cluster.name}']`,
      );
    }
    targets.push({ cluster, kapsule: kapsule[0] });
  }

  const ambient = targets.filter((t) => !t.provider && t.kapsule === undefined).map((t) => t.cluster.name);
  if (ambient.length > 1) {
    throw new DesignError(
      '',
      `GPU clusters ${ambient.join(', ')} would all use the ambient Kubernetes provider: give kubernetesProviders for all but one`,
    );
  }
  return targets;
}
