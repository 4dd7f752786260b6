import { IConstruct } from 'constructs';
import type { K8SCluster } from '../../generated/scaleway/k8s-cluster';

/**
 * A Kapsule cluster as its pools see it (`ScalewayGpuCluster` implements it): the region their
 * zones must be in, and the `scaleway_k8s_cluster` they join.
 */
export interface IScalewayGpuCluster extends IConstruct {
  readonly region: string;
  readonly clusterName: string;
  readonly cluster: K8SCluster;
}
