import { Design } from '../model/design';
import { Plant } from '../model/plant';
import { ContingencyLevel } from '../model/records';
import { EedReport, eedReport } from '../operations/eed';
import { PlatformPowerRules, platformPowerRules } from '../operations/power-rules';
import { contingency, Contingency } from './contingency';
import { coolingLoads, CoolingLoads } from './cooling';
import { headroom, Headroom } from './headroom';
import { loadFlow, LoadFlow } from './load-flow';
import { maintenanceContingency, MaintenanceContingency } from './maintenance';

export interface SiteLoad {
  /** Sum of the design power of the site's racks, W. */
  readonly itW: number;
  /** Power drawn at the site's grid connections by the modelled power train (IT, cooling fed from it, losses), W. */
  readonly trainInputW: number;
  /** Electrical power of the cooling plant, W (0 without one), on the train or not. */
  readonly coolingW: number;
  /**
   * Facility power, W: with a heat rejection plant, train input + cooling not fed from the
   * train + other loads (PUE computed); else IT x design PUE where the site declares one;
   * else train input + other loads.
   */
  readonly facilityW: number;
  readonly pue: number;
  readonly racks: number;
  readonly gpus: number;
}

/** The results the policies and renderers read besides the design: computed once per check run. */
export interface Analysis {
  readonly flow: LoadFlow;
  readonly contingency: Contingency;
  /** Maintenance plus single failure, for the sites whose contingency level asks for it; undefined when none does. */
  readonly maintenance?: MaintenanceContingency;
  /** Normal limit and N-1 safe load of every node. */
  readonly headroom: Headroom;
  readonly cooling: CoolingLoads;
  readonly sites: readonly SiteLoad[];
  /** The EU data-centre report at design stage (sites of at least 500 kW IT). */
  readonly eed: EedReport;
  /**
   * The PrometheusRule objects of the power rules (DESIGN §7), by path of the operator that
   * emits them: derived from the load flow and headroom, delivered with that operator's objects.
   */
  readonly powerRules: PlatformPowerRules;
}

export interface AnalysisOptions {
  /** Contingency level for every site, over what each site declares (`check --contingency`). */
  readonly contingencyLevel?: ContingencyLevel;
}

/** Load flow, N-1, cooling, site loads and the power rules of a design. */
export function analyze(design: Design, options: AnalysisOptions = {}): Analysis {
  const { plant } = design;
  const flow = loadFlow(plant);
  const cooling = coolingLoads(plant);
  const sites = siteLoads(plant, flow, cooling);
  const n1 = contingency(plant, flow);
  const limits = headroom(plant, flow, n1);
  const operations = { flow, headroom: limits, sitePue: sites.map((s) => s.pue) };
  const powerRules = platformPowerRules(plant, operations, design.platform.clusters);
  const deeper = plant.sites
    .filter((s) => (options.contingencyLevel ?? s.contingencyLevel) === 'maintenance')
    .map((s) => s.index);
  const maintenance = deeper.length > 0 ? { maintenance: maintenanceContingency(plant, flow, deeper) } : {};
  const eed = eedReport(plant, sites, cooling, design.energy);
  return {
    flow,
    contingency: n1,
    ...maintenance,
    headroom: limits,
    cooling,
    sites,
    eed,
    powerRules,
  };
}

/** IT, train input, cooling and facility power per site, from a load flow (no N-1 needed). */
export function siteLoads(
  plant: Plant,
  flow: LoadFlow,
  cooling: CoolingLoads = coolingLoads(plant),
): SiteLoad[] {
  const acc = plant.sites.map(() => ({ itW: 0, trainInputW: 0, racks: 0, gpus: 0 }));
  for (const node of plant.nodes) {
    const a = acc[node.site];
    if (node.rack) {
      a.itW += node.demandW;
      a.racks++;
      a.gpus += node.rack.system.spec.gpus;
    } else if (node.kind === 'grid-connection') {
      a.trainInputW += flow.inW[node.index];
    }
  }
  return plant.sites.map((site, i): SiteLoad => {
    const { itW, trainInputW, racks, gpus } = acc[i];
    const coolingW = cooling.siteCoolingW[i];
    const facilityW =
      cooling.sitePlant[i] || site.designPue === undefined
        ? trainInputW + cooling.siteOffTrainW[i] + site.otherLoadW
        : itW * site.designPue;
    return { itW, trainInputW, coolingW, facilityW, pue: itW > 0 ? facilityW / itW : 0, racks, gpus };
  });
}
