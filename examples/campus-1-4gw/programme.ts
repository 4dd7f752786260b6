import { Construct } from 'constructs';
import { CampusQueue, CampusTenant, Cohort, Delivery, GpuCluster, Kueue } from '../../constructs/kubernetes';
import { Residency, ScalewayGpuCluster, ScalewayGpuType } from '../../constructs/scaleway';
import { CloudStack } from '../../stacks/cloud-stack';

/** The startups of the programme: GPUs on two GB300 halls each, and a few cloud GPUs in Warsaw. */
export const STARTUPS = ['startup-llm', 'startup-bio', 'startup-vision', 'startup-robotics'] as const;
/** GPUs a startup holds on each of its two halls (half a hall of 128 GB300 NVL72 racks, 9,216 GPUs). */
export const STARTUP_GPUS_PER_HALL = 4_608;
/** GPUs a startup holds on the Warsaw burst cluster (its H100 pool holds 8 x 2 = 16 at most). */
export const STARTUP_BURST_GPUS = 4;
/** The enterprise's GPUs on each of its four Vera Rubin halls. */
export const ENTERPRISE_GPUS_PER_HALL = 9_216;

export interface Programme {
  readonly manager: GpuCluster;
  readonly queue: CampusQueue;
  readonly burst: GpuCluster;
}

/**
 * An AI2F-style programme on the campus (AI Factory France: public GPU capacity for
 * startups through GENCI), one queue for the whole campus:
 * - a manager cluster `campus-queue` without GPUs, where every tenant submits; Kueue
 *   MultiKueue dispatches to the 52 hall clusters and to a Scaleway Kapsule cluster in
 *   Warsaw (pl-waw-2, H100) for burst capacity; the workers' kubeconfigs are Secrets the
 *   operator creates on the manager (`<worker>-kubeconfig`), only referenced here;
 * - the programme as cohort `ai2f` inside the national cohort `genci`: four startups, each
 *   with half of two GB300 halls (buildings 1 and 2) and 4 Warsaw GPUs, borrowing from each
 *   other up to one hall's worth;
 * - an enterprise tenant restricted to France (`Residency.allow(['FR'])`): four Vera Rubin
 *   halls of building 5, never Warsaw (RES-002 proves it from its MultiKueueConfig).
 */
export function addProgramme(
  scope: Construct,
  app: Construct,
  halls: readonly GpuCluster[],
  repoUrl: string,
): Programme {
  const manager = new GpuCluster(scope, 'campus-queue', {
    racks: [],
    delivery: Delivery.gitops({ repoUrl }),
  });
  new Kueue(manager, 'kueue');

  // Burst capacity in Poland (EU): a Kapsule cluster whose H100 pool autoscales up to 8 nodes.
  const cloud = new CloudStack(app, 'campus-burst', { region: 'pl-waw', zone: 'pl-waw-2' });
  const kapsule = new ScalewayGpuCluster(cloud, 'burst', {
    version: '1.34',
    region: 'pl-waw',
    description: 'Burst GPUs for the campus queue',
  });
  kapsule.addPool({
    name: 'h100',
    nodeType: ScalewayGpuType.H100_2_80G,
    zone: 'pl-waw-2',
    autoscaling: { min: 1, max: 8 },
  });
  const target = kapsule.platformTarget;
  const burst = new GpuCluster(cloud, 'platform', {
    name: 'warsaw-burst',
    racks: [kapsule],
    delivery: Delivery.terraform(),
    connection: { host: target.host, token: target.token, clusterCaCertificate: target.clusterCaCertificate },
  });
  new Kueue(burst, 'kueue');

  const queue = new CampusQueue(scope, 'campus', { manager, workers: [...halls, burst] });
  const hall = (building: number, h: number) =>
    halls.find((c) => c.clusterName === `building-0${building}-hall-0${h}`)!;

  const genci = new Cohort(scope, 'genci');
  const ai2f = new Cohort(scope, 'ai2f', { parent: genci, fairSharingWeight: 2 });
  STARTUPS.forEach((name, i) => {
    new CampusTenant(queue, name, {
      cohort: ai2f,
      group: `ai2f:${name}`,
      borrowingLimit: 9_216,
      quotas: [
        { cluster: hall(1, i + 1), gpus: STARTUP_GPUS_PER_HALL },
        { cluster: hall(2, i + 1), gpus: STARTUP_GPUS_PER_HALL },
        { cluster: burst, gpus: STARTUP_BURST_GPUS },
      ],
    });
  });
  const enterprise = new CampusTenant(queue, 'industrial-ai', {
    group: 'corp:industrial-ai',
    quotas: [1, 2, 3, 4].map((h) => ({ cluster: hall(5, h), gpus: ENTERPRISE_GPUS_PER_HALL })),
  });
  Residency.allow(enterprise, ['FR']);
  return { manager, queue, burst };
}
