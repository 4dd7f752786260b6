import { CoolingLoads, dutyOf } from '../analysis/cooling';
import { WATER_USE } from '../catalog/water-use';
import { upstreamValues } from '../analysis/upstream';
import { NodeKind, Plant } from '../model/plant';
import { CoolingKind, EnergyReportingRecord } from '../model/records';
import { round, toKw } from '../units';

/** Installed IT power from which a data centre reports (Delegated Regulation (EU) 2024/1364 Art. 1). */
export const EED_THRESHOLD_KW = 500;
/** Hours of a year: design-stage energies are design power held all year. */
export const HOURS_PER_YEAR = 8_760;

/** How a KPI's value is known at design stage. */
export type KpiBasis = 'computed' | 'declared' | 'not determined';

export interface Kpi {
  /** The regulation's symbol (Annex II / III). */
  readonly symbol: string;
  readonly name: string;
  readonly value: number | string | null;
  readonly unit: string;
  /** computed: from the design model; declared: from what the design states; not determined: neither. */
  readonly basis: KpiBasis;
  /** Always true at design stage: a design estimate, not a measurement. */
  readonly designEstimate: true;
  /** How it was obtained (formula, inputs, declared values and their sources). */
  readonly note: string;
}

export interface SiteEedReport {
  readonly site: string;
  readonly path: string;
  readonly kpis: readonly Kpi[];
}

export interface EedReport {
  readonly regulation: string;
  readonly thresholdKw: number;
  readonly basis: string;
  /** Sites of at least 500 kW installed IT power. */
  readonly sites: readonly SiteEedReport[];
  /** Sites below the threshold, by name: no report due. */
  readonly belowThreshold: readonly string[];
}

/** PUE = EDC / EIT (Annex III (a)). */
export const pue = (edcKwh: number, eitKwh: number): number => edcKwh / eitKwh;
/** WUE = WIN / EIT, WIN in m3 and EIT in MWh: m3/MWh, numerically L/kWh (Annex III (b)). */
export const wue = (winM3: number, eitMwh: number): number => winM3 / eitMwh;
/** ERF = EREUSE / EDC (Annex III (c)). */
export const erf = (ereuseKwh: number, edcKwh: number): number => ereuseKwh / edcKwh;
/** REF = ERES-TOT / EDC (Annex III (d)). */
export const ref = (eresTotKwh: number, edcKwh: number): number => eresTotKwh / edcKwh;

/**
 * The EU data-centre report at design stage (DESIGN §7): for every site of at least 500 kW
 * installed IT power, the KPIs the design determines or declares, each marked computed,
 * declared or not determined; energies are design power held for a year (8,760 h).
 */
export function eedReport(
  plant: Plant,
  sites: readonly { readonly itW: number; readonly facilityW: number }[],
  cooling: CoolingLoads,
  declarations: readonly (EnergyReportingRecord | undefined)[],
): EedReport {
  const reports: SiteEedReport[] = [];
  const below: string[] = [];
  for (const site of plant.sites) {
    const load = sites[site.index];
    const pditKw = toKw(load.itW);
    if (pditKw < EED_THRESHOLD_KW) {
      below.push(site.name);
      continue;
    }
    const d = declarations[site.index];
    const eitKwh = pditKw * HOURS_PER_YEAR;
    const edcKwh = toKw(load.facilityW) * HOURS_PER_YEAR;
    const planted = cooling.sitePlant[site.index];
    const kpis: Kpi[] = [];
    const kpi = (k: Omit<Kpi, 'designEstimate'>) => kpis.push({ ...k, designEstimate: true });
    kpi({
      symbol: 'PDIT',
      name: 'installed IT power demand',
      value: round(pditKw),
      unit: 'kW',
      basis: 'computed',
      note: 'sum of the racks\u2019 design power (catalog design figure per rack system)',
    });
    kpi({
      symbol: 'EIT',
      name: 'IT energy consumption',
      value: round(eitKwh, 0),
      unit: 'kWh',
      basis: 'computed',
      note: 'PDIT x 8,760 h (design load all year)',
    });
    kpi({
      symbol: 'EDC',
      name: 'data centre total energy consumption',
      value: round(edcKwh, 0),
      unit: 'kWh',
      basis: planted ? 'computed' : 'declared',
      note: planted
        ? 'facility power (power train input + cooling plant + other loads) x 8,760 h'
        : `IT energy x the declared design PUE ${site.designPue ?? 1}`,
    });
    kpi({
      symbol: 'PUE',
      name: 'power usage effectiveness',
      value: round(pue(edcKwh, eitKwh), 4),
      unit: '1',
      basis: planted ? 'computed' : 'declared',
      note: planted
        ? 'EDC / EIT from the modelled train and cooling plant'
        : 'EDC / EIT = the declared design PUE',
    });

    // Water: heat rejected x water per kWh of heat, by heat rejection kind.
    const water = (kind: CoolingKind | 'evaporative') =>
      d?.waterLitresPerKwhHeat[kind] ?? WATER_USE[kind].litresPerKwhHeat;
    let winM3: number | null = null;
    let waterNote = '';
    if (planted) {
      winM3 = 0;
      const parts: string[] = [];
      for (const c of plant.coolers) {
        if (c.site !== site.index || dutyOf(c.kind) !== 'rejection') continue;
        const heatKwh = toKw(cooling.heatW[c.index]) * HOURS_PER_YEAR;
        winM3 += (heatKwh * water(c.kind)) / 1000;
        parts.push(`${c.kind} ${water(c.kind)} L/kWh`);
      }
      waterNote = `heat rejected x declared water per kWh of heat (${[...new Set(parts)].join(', ')})`;
    } else if (d?.heatRejection) {
      winM3 = (pditKw * HOURS_PER_YEAR * water(d.heatRejection)) / 1000;
      waterNote = `IT heat x declared water per kWh of heat of the declared ${d.heatRejection} heat rejection (${water(d.heatRejection)} L/kWh)`;
    }
    const waterBasis: KpiBasis = winM3 === null ? 'not determined' : planted ? 'computed' : 'declared';
    const undetermined =
      'no heat rejection plant is modelled and none is declared (EnergyReporting heatRejection)';
    kpi({
      symbol: 'WIN',
      name: 'total water input',
      value: winM3 === null ? null : round(winM3, 1),
      unit: 'm3',
      basis: waterBasis,
      note: winM3 === null ? undetermined : waterNote,
    });
    kpi({
      symbol: 'WUE',
      name: 'water usage effectiveness',
      value: winM3 === null ? null : round(wue(winM3, eitKwh / 1000), 4),
      unit: 'L/kWh',
      basis: waterBasis,
      note: winM3 === null ? undetermined : 'WIN / EIT (m3/MWh = L/kWh)',
    });

    const reused = d?.reusedHeatShare ?? 0;
    const ereuseKwh = reused * eitKwh;
    kpi({
      symbol: 'EREUSE',
      name: 'waste heat reused',
      value: round(ereuseKwh, 0),
      unit: 'kWh',
      basis: d?.reusedHeatShare === undefined ? 'computed' : 'declared',
      note:
        d?.reusedHeatShare === undefined
          ? 'the design exports no heat (no reuse declared): 0'
          : `declared share ${reused} of the IT energy`,
    });
    kpi({
      symbol: 'ERF',
      name: 'energy reuse factor',
      value: round(erf(ereuseKwh, edcKwh), 4),
      unit: '1',
      basis: d?.reusedHeatShare === undefined ? 'computed' : 'declared',
      note: 'EREUSE / EDC',
    });
    const renewable = d?.renewableShare;
    kpi({
      symbol: 'ERES-TOT',
      name: 'total renewable energy consumption',
      value: renewable === undefined ? null : round(renewable * edcKwh, 0),
      unit: 'kWh',
      basis: renewable === undefined ? 'not determined' : 'declared',
      note:
        renewable === undefined
          ? 'no renewable share declared (EnergyReporting renewableShare)'
          : `declared share ${renewable} of EDC`,
    });
    kpi({
      symbol: 'REF',
      name: 'renewable energy factor',
      value: renewable === undefined ? null : round(ref(renewable * edcKwh, edcKwh), 4),
      unit: '1',
      basis: renewable === undefined ? 'not determined' : 'declared',
      note: 'ERES-TOT / EDC',
    });
    const electrical = electricalRedundancy(plant, site.index);
    for (const [level, value] of Object.entries(electrical)) {
      kpi({
        symbol: `redundancy-electrical-${level}`,
        name: `electrical redundancy, ${level.replace(/-/g, ' ')}`,
        value,
        unit: '',
        basis: value === null ? 'not determined' : 'computed',
        note:
          value === null
            ? 'no such equipment modelled'
            : 'from the power train: independent paths to each rack and redundant units per group',
      });
    }
    for (const [level, value] of Object.entries(coolingRedundancy(plant, site.index))) {
      kpi({
        symbol: `redundancy-cooling-${level}`,
        name: `cooling redundancy, ${level}`,
        value,
        unit: '',
        basis: value === null ? 'not determined' : 'computed',
        note:
          value === null
            ? 'no such cooling equipment modelled'
            : 'redundant units of the cooling groups (the least redundant group)',
      });
    }
    reports.push({ site: site.name, path: site.path, kpis });
  }
  return {
    regulation:
      'Commission Delegated Regulation (EU) 2024/1364 (Energy Efficiency Directive (EU) 2023/1791, Art. 12)',
    thresholdKw: EED_THRESHOLD_KW,
    basis:
      'design stage: every value is a design estimate, not a measurement; energies are design power over 8,760 h',
    sites: reports,
    belowThreshold: below,
  };
}

/** The regulation's levels (Annex I): high voltage, low voltage line-up, rack. */
const LEVELS: Readonly<Record<'high-voltage' | 'low-voltage-line-up' | 'rack', readonly NodeKind[]>> = {
  'high-voltage': ['switchgear'],
  'low-voltage-line-up': ['ups', 'rectifier', 'switchboard'],
  rack: ['rack'],
};

/**
 * Electrical redundancy per level in the regulation's terms: the fewest independent nodes of
 * that level upstream of a rack (2: 2N), and the fewest redundant units in one of them (+r):
 * N, N+1, 2N, 2(N+1); 3 or more paths: distributed redundancy, "xN/y" is not derived.
 */
export function electricalRedundancy(plant: Plant, site: number): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  const racks = plant.nodes.filter((n) => n.rack && n.site === site);
  for (const [level, kinds] of Object.entries(LEVELS)) {
    if (level === 'rack') {
      if (racks.length === 0) {
        out[level] = null;
        continue;
      }
      const cords = Math.min(...racks.map((r) => r.feeds.length));
      out[level] = cords >= 2 ? `${cords === 2 ? '2N' : `${cords} feeds`} (${cords} cords)` : 'N';
      continue;
    }
    if (racks.length === 0) {
      out[level] = null;
      continue;
    }
    // Nodes of the level's kinds at or above each node.
    const above = upstreamValues(plant, (n) => (kinds.includes(n.kind) ? n.index : undefined));
    // Per rack, the first kind of the level it has above it (UPS before rectifier before
    // switchboard): how many of them, and the fewest spare units among them.
    let paths = Infinity;
    let spare = Infinity;
    for (const r of racks) {
      const kind = kinds.find((k) => above[r.index].some((a) => plant.nodes[a].kind === k));
      const of = kind ? above[r.index].filter((a) => plant.nodes[a].kind === kind) : [];
      paths = Math.min(paths, of.length);
      for (const a of of) spare = Math.min(spare, plant.nodes[a].redundantUnits);
    }
    const n = spare > 0 && spare !== Infinity ? `N+${spare}` : 'N';
    out[level] =
      paths >= 3
        ? `${paths} paths (distributed)`
        : paths === 2
          ? n === 'N'
            ? '2N'
            : `2(${n})`
          : paths === 1
            ? n
            : null;
  }
  return out;
}

/** Cooling redundancy per level (Annex I: room, rack): heat rejection and air units for the room, CDUs for the rack. */
export function coolingRedundancy(plant: Plant, site: number): Record<string, string | null> {
  const of = (kinds: CoolingKind[]) => plant.coolers.filter((c) => c.site === site && kinds.includes(c.kind));
  const level = (groups: ReturnType<typeof of>) => {
    if (groups.length === 0) return null;
    const r = Math.min(...groups.map((g) => g.redundantUnits));
    return r > 0 ? `N+${r}` : 'N';
  };
  return { room: level(of(['chiller', 'dry-cooler', 'air-handler'])), rack: level(of(['cdu'])) };
}
