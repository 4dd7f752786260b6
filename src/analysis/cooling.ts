import type { CoolingKind } from '../model/records';

/**
 * What the cooling loads read of a plant (a `Plant` is one). Stated here, not imported from
 * src/model/plant.ts: the plant builder computes its cooling groups' electrical demand with
 * these loads, and a type import back would close an import loop.
 */
export interface CoolingInput {
  readonly sites: readonly { readonly index: number }[];
  readonly nodes: readonly {
    readonly index: number;
    readonly site: number;
    readonly demandW: number;
    readonly rack?: { readonly liquidFraction: number };
  }[];
  readonly coolers: readonly {
    readonly index: number;
    readonly site: number;
    readonly kind: CoolingKind;
    readonly units: number;
    readonly redundantUnits: number;
    readonly unitPowerW?: number;
    readonly cop?: number;
    readonly node?: number;
    readonly racks: readonly number[];
  }[];
}

/** What heat each cooling group takes, and which racks no group serves. */
export interface CoolingLoads {
  /** Heat each cooling group removes, W (plant.coolers order). */
  readonly heatW: Float64Array;
  /**
   * Electrical power each group draws, W: the duty units' nameplate input where declared
   * (`unitPowerKw`), else heat / COP; 0 where neither is modelled.
   */
  readonly electricalW: Float64Array;
  /** Electrical power of cooling per site, W. */
  readonly siteCoolingW: Float64Array;
  /** Per site, the part of it drawn by groups with no feed on the train (counted at facility level only), W. */
  readonly siteOffTrainW: Float64Array;
  /** Per site: true when it has a heat rejection plant (chillers or dry coolers). */
  readonly sitePlant: readonly boolean[];
  /** Per site and kind of duty, the racks whose heat of that kind no group serves (only where the site has such groups). */
  readonly unserved: readonly Unserved[];
}

export type CoolingDuty = 'liquid' | 'air' | 'rejection';

export interface Unserved {
  readonly site: number;
  readonly duty: CoolingDuty;
  readonly racks: readonly number[];
}

export function dutyOf(kind: CoolingKind): CoolingDuty {
  return kind === 'cdu' ? 'liquid' : kind === 'air-handler' ? 'air' : 'rejection';
}

/**
 * Rack heat equals rack design power. Its liquid share (catalog `liquidFraction`) goes to
 * the CDU groups serving the rack, the rest to the air handlers, all of it to the heat
 * rejection plant; a rack served by several groups of one duty shares its heat equally.
 */
export function coolingLoads(plant: CoolingInput): CoolingLoads {
  const { nodes, coolers, sites } = plant;
  const duties: CoolingDuty[] = ['liquid', 'air', 'rejection'];
  const servedBy = new Map<CoolingDuty, Int32Array>(duties.map((d) => [d, new Int32Array(nodes.length)]));
  const siteHas = new Map<CoolingDuty, boolean[]>(duties.map((d) => [d, sites.map(() => false)]));
  for (const c of coolers) {
    const duty = dutyOf(c.kind);
    siteHas.get(duty)![c.site] = true;
    const count = servedBy.get(duty)!;
    for (const r of c.racks) count[r]++;
  }
  const share = (duty: CoolingDuty, rack: number): number => {
    const node = nodes[rack];
    const liquid = node.rack!.liquidFraction;
    const fraction = duty === 'liquid' ? liquid : duty === 'air' ? 1 - liquid : 1;
    return (node.demandW * fraction) / servedBy.get(duty)![rack];
  };
  const heatW = new Float64Array(coolers.length);
  const electricalW = new Float64Array(coolers.length);
  const siteCoolingW = new Float64Array(sites.length);
  const siteOffTrainW = new Float64Array(sites.length);
  for (const c of coolers) {
    const duty = dutyOf(c.kind);
    let heat = 0;
    for (const r of c.racks) heat += share(duty, r);
    heatW[c.index] = heat;
    electricalW[c.index] =
      c.unitPowerW !== undefined ? (c.units - c.redundantUnits) * c.unitPowerW : c.cop ? heat / c.cop : 0;
    siteCoolingW[c.site] += electricalW[c.index];
    if (c.node === undefined) siteOffTrainW[c.site] += electricalW[c.index];
  }
  const unserved: Unserved[] = [];
  for (const site of sites) {
    for (const duty of duties) {
      if (!siteHas.get(duty)![site.index]) continue;
      const count = servedBy.get(duty)!;
      const racks = nodes
        .filter((n) => n.rack && n.site === site.index && count[n.index] === 0)
        .filter((n) =>
          duty === 'liquid' ? n.rack!.liquidFraction > 0 : duty === 'air' ? n.rack!.liquidFraction < 1 : true,
        )
        .map((n) => n.index);
      if (racks.length > 0) unserved.push({ site: site.index, duty, racks });
    }
  }
  return { heatW, electricalW, siteCoolingW, siteOffTrainW, sitePlant: siteHas.get('rejection')!, unserved };
}
