import { IConstruct } from 'constructs';
import { buildPlatform, Platform } from '../kubernetes/platform';
import { buildCloud, CloudModel } from './cloud';
import { buildPlant, Plant } from './plant';
import { enclosing, EnergyReportingRecord, modelOf } from './records';
import { readSuppressions, Suppressions } from './suppressions';

/**
 * The whole plain design of an app, read once from its construct tree: what the analysis,
 * the rules and every renderer read instead of the tree. Each model in it is built once.
 */
export interface Design {
  /** Sites, halls, the power train, racks, generators and the cooling plant. */
  readonly plant: Plant;
  /** The Kubernetes GPU platform: clusters, operators, tenants, campus queues (from the tree alone). */
  readonly platform: Platform;
  /** Cloud capacity: GPU instances, managed clusters and pools, buckets, state backends. */
  readonly cloud: CloudModel;
  /** Suppressions by construct path (`suppress()`). */
  readonly suppressions: Suppressions;
  /** What each site declares for the EU data-centre report (`EnergyReporting`), in plant site order. */
  readonly energy: readonly (EnergyReportingRecord | undefined)[];
}

/** Reads the design under `root`: plant, platform, cloud, suppressions and energy declarations. */
export function buildDesign(root: IConstruct): Design {
  const plant = buildPlant(root);
  return {
    plant,
    platform: buildPlatform(root, plant),
    cloud: buildCloud(root),
    suppressions: readSuppressions(root),
    energy: energyDeclarations(root, plant),
  };
}

/** The declarations of each site (plant order), from `EnergyReporting` constructs under `root`. */
function energyDeclarations(root: IConstruct, plant: Plant): (EnergyReportingRecord | undefined)[] {
  const out: (EnergyReportingRecord | undefined)[] = plant.sites.map(() => undefined);
  for (const c of root.node.findAll()) {
    const r = modelOf(c, 'energy-reporting');
    if (!r) continue;
    const site = enclosing(c, 'site');
    const i = plant.sites.findIndex((s) => s.path === site?.node.path);
    if (i >= 0) out[i] = r;
  }
  return out;
}
