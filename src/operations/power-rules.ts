import { ComponentHeadroom, Headroom } from '../analysis/headroom';
import { LoadFlow } from '../analysis/load-flow';
import { gpuPowerShare } from '../catalog/gpu-power-share';
import { LABELS } from '../kubernetes/names';
import { K8sObject } from '../kubernetes/objects';
import type { PowerRuleSettings } from '../model/operator-records';
import { Plant } from '../model/plant';
import { fmt, round, toKw } from '../units';

/** What the rules derive from: the design's load flow, headroom and site PUEs. */
export interface OperationsInput {
  readonly flow: LoadFlow;
  readonly headroom: Headroom;
  /** PUE of each site: computed from the cooling plant, or the declared design PUE. */
  readonly sitePue: readonly number[];
}

/** A cluster as the rules see it: its racks and the nodes in them, with their layout labels. */
export interface RuleCluster {
  readonly name: string;
  readonly racks: readonly number[];
  readonly nodes: readonly {
    readonly name: string;
    readonly rack: number;
    readonly labels: Readonly<Record<string, string>>;
  }[];
}

export interface Rule {
  readonly record?: string;
  readonly alert?: string;
  readonly expr: string;
  readonly for?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface RuleGroup {
  readonly name: string;
  readonly interval?: string;
  readonly rules: readonly Rule[];
}

export const DCGM_POWER = 'DCGM_FI_DEV_POWER_USAGE';
export const RACK_POWER = 'aifactory:rack_power_watts';
export const POD_POWER = 'aifactory:pod_power_watts';
export const EQUIPMENT_POWER = 'aifactory:equipment_power_watts';
export const SITE_IT_POWER = 'aifactory:site_it_power_watts';
export const SITE_FACILITY_POWER = 'aifactory:site_facility_power_watts';
export const NAMESPACE_POWER = 'aifactory:namespace_it_power_watts';
export const NAMESPACE_ENERGY = 'aifactory:namespace_it_energy_kwh:1h';
export const NAMESPACE_FACILITY_ENERGY = 'aifactory:namespace_facility_energy_kwh:1h';
export const SITE_FACILITY_ENERGY = 'aifactory:site_facility_energy_kwh:1h';

/** The largest PrometheusRule this library emits, bytes of JSON: well below the API server's 1.5 MiB request limit. */
export const MAX_RULE_OBJECT_BYTES = 1_000_000;

/**
 * The power rules of one cluster (DESIGN §7), as PrometheusRule objects
 * (`monitoring.coreos.com/v1`) for an existing prometheus-operator:
 * - per hall, `<cluster>-power-<hall>`: rack power recorded from the GPUs' DCGM power of
 *   the rack's nodes divided by the catalog's GPU share of design power, and two alerts per
 *   rack: above its design power, above its N-1 safe load;
 * - `<cluster>-power`: power per scalable unit (pod), per piece of power equipment whose
 *   racks are all in this cluster (deepest first, each from its direct loads: a load draws
 *   its output / efficiency, shared equally among its feeds, as in the load flow), alerts per
 *   piece of equipment at its maximum continuous load and its N-1 safe load, and, for a site
 *   whose racks are all in this cluster, IT and facility power (IT x PUE) against the grid
 *   connection; energy per tenant namespace (IT and facility, kWh per hour) and per site.
 */
export function powerRules(
  plant: Plant,
  design: OperationsInput,
  cluster: RuleCluster,
  settings: PowerRuleSettings,
  scope: ClusterScope = clusterScopes(plant, [cluster])[0],
): K8sObject[] {
  if (cluster.racks.length === 0) return [];
  const { nodes } = plant;
  const hr = design.headroom.components;
  const nodesOf = new Map<number, string[]>();
  const labelsOf = new Map<number, Record<string, string>>();
  for (const n of cluster.nodes) {
    const names = nodesOf.get(n.rack);
    if (names) names.push(n.name);
    else nodesOf.set(n.rack, [n.name]);
    if (!labelsOf.has(n.rack)) {
      labelsOf.set(n.rack, {
        site: n.labels[LABELS.site],
        hall: n.labels[LABELS.hall],
        pod: n.labels[LABELS.pod],
        rack: n.labels[LABELS.rack],
      });
    }
  }
  const forDuration = settings.for;

  // Racks, grouped by hall.
  const byHall = new Map<string, Rule[]>();
  for (const r of cluster.racks) {
    const node = nodes[r];
    const labels = labelsOf.get(r)!;
    const share = gpuPowerShare(node.rack!.system, node.path);
    const names = alternation(nodesOf.get(r)!);
    const h = hr[r];
    const rules: Rule[] = [
      {
        record: RACK_POWER,
        expr: `sum(${DCGM_POWER}{${settings.nodeLabel}=~"${names}"}) / ${num(share.share)}`,
        labels: { ...labels },
      },
      {
        alert: 'AifactoryRackPowerAboveBudget',
        expr: `${RACK_POWER}{rack="${labels.rack}"} > ${num(h.normalLimitW)}`,
        for: forDuration,
        labels: templateLiterals({ severity: 'warning', ...labels }),
        annotations: {
          summary: `Rack ${templateLiteral(node.path)} draws more than its ${kw(h.normalLimitW)} kW design power`,
          description:
            `Rack ${templateLiteral(node.path)} draws {{ $value | humanize }}W (GPU power / ${fmt(share.share, 4)}, the GPUs' share of ` +
            `its design power${share.unverified ? ', from an unverified GPU power figure' : ''}), above the ` +
            `${kw(h.normalLimitW)} kW its power train was designed for.`,
          equipment: templateLiteral(node.path),
          limit_kw: limitKw(h.normalLimitW),
          protects_against: 'loads above the design power the power train and cooling were sized for',
        },
      },
    ];
    if (h.n1SafeLoadW !== undefined)
      rules.push(
        n1Alert(
          'AifactoryRackPowerAboveN1SafeLoad',
          RACK_POWER,
          `rack="${labels.rack}"`,
          node.path,
          h,
          plant,
          labels,
          forDuration,
        ),
      );
    const hallRules = byHall.get(labels.hall);
    if (hallRules) hallRules.push(...rules);
    else byHall.set(labels.hall, rules);
  }

  // Equipment whose racks are all in this cluster (and at least one is), and sites all in it.
  const { covered } = scope;
  const siteLabels = new Map<number, string>();
  for (const r of cluster.racks)
    if (!siteLabels.has(nodes[r].site)) siteLabels.set(nodes[r].site, labelsOf.get(r)!.site);
  const { equipmentRules, equipmentAlerts, siteRules, energyRules } = equipmentAndSiteRules(plant, design, {
    candidates: scope.equipment,
    emit: covered,
    exists: covered,
    rackLabel: (r) => labelsOf.get(r)!.rack,
    siteLabels,
    sites: scope.sites,
    forDuration,
  });

  // Energy per tenant namespace: GPU power with the exporter's Kubernetes mapping, scaled to IT power.
  const shares = [...new Set(cluster.racks.map((r) => nodes[r].rack!.system))].map((s) => gpuPowerShare(s));
  const designW = cluster.racks.reduce((s, r) => s + nodes[r].demandW, 0);
  const gpuW = cluster.racks.reduce((s, r) => {
    const sh = shares.find((x) => x.system === nodes[r].rack!.system.id)!;
    return s + nodes[r].demandW * sh.share;
  }, 0);
  const clusterShare = gpuW / designW;
  const clusterPue =
    cluster.racks.reduce((s, r) => s + nodes[r].demandW * design.sitePue[nodes[r].site], 0) / designW;
  energyRules.unshift(
    {
      record: NAMESPACE_POWER,
      expr: `sum by (namespace) (${DCGM_POWER}{namespace!=""}) / ${num(clusterShare)}`,
      labels: { cluster: cluster.name },
    },
    {
      record: NAMESPACE_ENERGY,
      expr: `avg_over_time(${NAMESPACE_POWER}{cluster="${cluster.name}"}[1h]) / 1000`,
      labels: { cluster: cluster.name },
    },
    {
      record: NAMESPACE_FACILITY_ENERGY,
      expr: `${NAMESPACE_ENERGY}{cluster="${cluster.name}"} * ${num(clusterPue)}`,
      labels: { cluster: cluster.name },
    },
  );

  // The cluster's own pods and cluster label: its series stay distinct where several clusters' rules meet (a global view).
  const pods = [...new Set(cluster.racks.map((r) => labelsOf.get(r)!.pod))];
  const base = `${cluster.name}-power`;
  const object = (name: string, groups: RuleGroup[]): K8sObject => ({
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name, namespace: settings.namespace, labels: { ...settings.labels } },
    spec: { groups },
  });
  const objects: K8sObject[] = [];
  for (const [hall, rules] of [...byHall.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    objects.push(...packObjects(`${base}-${hall}`, [{ name: `${base}-racks-${hall}`, rules }], object));
  }
  const groups: RuleGroup[] = [
    {
      name: `${base}-pods`,
      rules: [
        { record: POD_POWER, expr: `sum by (site, hall, pod) (${RACK_POWER}{pod=~"${alternation(pods)}"})` },
      ],
    },
  ];
  if (equipmentRules.length > 0)
    groups.push({ name: `${base}-equipment`, rules: [...equipmentRules, ...equipmentAlerts] });
  if (siteRules.length > 0) groups.push({ name: `${base}-site`, rules: siteRules });
  groups.push({ name: `${base}-energy`, interval: '1m', rules: energyRules });
  objects.push(...packObjects(base, groups, object));
  return objects;
}

/** PrometheusRule objects by operator path: what the analysis adds to the platform's operators. */
export type PlatformPowerRules = ReadonlyMap<string, readonly K8sObject[]>;

/**
 * The power rules of every operator of the platform that emits them (its `powerRules`
 * settings), for its cluster's racks and nodes, by operator path.
 */
export function platformPowerRules(
  plant: Plant,
  design: OperationsInput,
  clusters: readonly (RuleCluster & {
    readonly operators: readonly { readonly path: string; readonly powerRules?: PowerRuleSettings }[];
  })[],
): PlatformPowerRules {
  const out = new Map<string, readonly K8sObject[]>();
  const scopes = clusterScopes(plant, clusters);
  clusters.forEach((c, k) => {
    for (const op of c.operators) {
      if (!op.powerRules) continue;
      out.set(
        op.path,
        powerRules(plant, design, { name: c.name, racks: c.racks, nodes: c.nodes }, op.powerRules, scopes[k]),
      );
    }
  });
  return out;
}

/**
 * The groups as few objects as fit in `maxBytes` of JSON each (Kubernetes refuses a request
 * above 1.5 MiB): rules split in order, a group continued in the next object as `<group>-N`,
 * objects named `<name>-NN` when there are several. Rules of a group run in order, and a
 * group read by a later one lags it by at most one evaluation interval.
 */
export function packObjects<T extends K8sObject>(
  name: string,
  groups: readonly RuleGroup[],
  make: (name: string, groups: RuleGroup[]) => T,
  maxBytes = MAX_RULE_OBJECT_BYTES,
): T[] {
  const OVERHEAD = 2_000; // metadata, group names
  const chunks: RuleGroup[][] = [[]];
  let size = 0;
  for (const g of groups) {
    let part = 1;
    let current: Rule[] = [];
    const open = () => {
      current = [];
      chunks[chunks.length - 1].push({
        ...g,
        name: part === 1 ? g.name : `${g.name}-${part}`,
        rules: current,
      });
    };
    open();
    for (const r of g.rules) {
      const bytes = JSON.stringify(r).length + 1;
      if (size + bytes > maxBytes - OVERHEAD && size > 0) {
        // A group not started in the full object starts in the next one, under its own name.
        if (current.length === 0) chunks[chunks.length - 1].pop();
        else part++;
        chunks.push([]);
        size = 0;
        open();
      }
      current.push(r);
      size += bytes;
    }
  }
  const named = (i: number) => (chunks.length === 1 ? name : `${name}-${String(i + 1).padStart(2, '0')}`);
  return chunks.map((groupsOf, i) =>
    make(
      named(i).slice(0, 253),
      groupsOf.filter((g) => g.rules.length > 0),
    ),
  );
}

/** Which equipment and sites a set of rules covers, and the labels its rack series carry. */
interface RuleScope {
  /** Node indices, ascending, that hold every piece of equipment `emit` accepts (default: all nodes). */
  readonly candidates?: readonly number[];
  /** Equipment to record and alert on. */
  readonly emit: (node: number) => boolean;
  /** Equipment whose recorded series exists (emitted here or by a cluster's rules). */
  readonly exists: (node: number) => boolean;
  readonly rackLabel: (rack: number) => string;
  readonly siteLabels: ReadonlyMap<number, string>;
  /** Site indices whose IT, facility power and energy to record, with the grid connection alert. */
  readonly sites: readonly number[];
  readonly forDuration: string;
}

/** Recording rules and alerts of the equipment and sites of a scope. */
function equipmentAndSiteRules(plant: Plant, design: OperationsInput, scope: RuleScope) {
  const { nodes } = plant;
  const hr = design.headroom.components;
  const { emit, exists, rackLabel, siteLabels, forDuration } = scope;
  // Deepest first: a recording rule reads those of its loads, recorded before it.
  const equipment = (scope.candidates ? scope.candidates.map((i) => nodes[i]) : nodes)
    .filter((x) => !x.rack && emit(x.index))
    .sort((a, b) => b.level - a.level || a.index - b.index);
  const equipmentRules: Rule[] = [];
  for (const x of equipment) {
    const terms = new Map<
      string,
      { racks: string[]; equipment: string[]; constW: number; divisor: number }
    >();
    for (const l of x.loads) {
      const load = nodes[l];
      const divisor = load.feeds.length * load.efficiency;
      const key = num(divisor);
      const t = terms.get(key) ?? { racks: [], equipment: [], constW: 0, divisor };
      if (load.rack) t.racks.push(rackLabel(l));
      else if (exists(l)) t.equipment.push(regexEscape(load.path));
      else t.constW += design.flow.outW[l]; // a load with no rack below it (e.g. cooling): its design draw
      terms.set(key, t);
    }
    const parts: string[] = [];
    for (const t of [...terms.values()].sort((a, b) => a.divisor - b.divisor)) {
      const sums: string[] = [];
      if (t.racks.length > 0) sums.push(`(sum(${RACK_POWER}{rack=~"${t.racks.join('|')}"}) or vector(0))`);
      if (t.equipment.length > 0)
        sums.push(`(sum(${EQUIPMENT_POWER}{equipment=~"${t.equipment.join('|')}"}) or vector(0))`);
      if (t.constW > 0) sums.push(num(t.constW));
      const inner = sums.length === 1 ? sums[0] : `(${sums.join(' + ')})`;
      parts.push(t.divisor === 1 ? inner : `${inner} / ${num(t.divisor)}`);
    }
    const labels = { equipment: x.path, kind: x.kind, site: siteLabels.get(x.site)! };
    equipmentRules.push({ record: EQUIPMENT_POWER, expr: parts.join(' + '), labels: { ...labels } });
  }
  const equipmentAlerts: Rule[] = [];
  for (const x of [...equipment].sort((a, b) => a.index - b.index)) {
    const h = hr[x.index];
    const selector = `equipment="${promString(x.path)}"`;
    const labels = { equipment: x.path, kind: x.kind, site: siteLabels.get(x.site)! };
    equipmentAlerts.push({
      alert: 'AifactoryEquipmentPowerAboveContinuousLimit',
      expr: `${EQUIPMENT_POWER}{${selector}} > ${num(h.normalLimitW)}`,
      for: forDuration,
      labels: templateLiterals({ severity: 'warning', ...labels }),
      annotations: {
        summary: `${x.label} ${templateLiteral(x.path)} carries more than its ${kw(h.normalLimitW)} kW continuous limit`,
        description:
          `${x.label} ${templateLiteral(x.path)} carries {{ $value | humanize }}W, above ${fmt(x.maxUtilization * 100)}% of its ` +
          `${kw(x.capacityW)} kW rating (maximum continuous utilization).`,
        equipment: templateLiteral(x.path),
        limit_kw: limitKw(h.normalLimitW),
        protects_against:
          'continuous operation above the maximum continuous utilization (overheating, breaker trips)',
      },
    });
    if (h.n1SafeLoadW !== undefined) {
      equipmentAlerts.push(
        n1Alert(
          'AifactoryEquipmentPowerAboveN1SafeLoad',
          EQUIPMENT_POWER,
          selector,
          x.path,
          h,
          plant,
          labels,
          forDuration,
        ),
      );
    }
  }

  // Sites: IT, facility (x PUE) against the grid connection.
  const siteRules: Rule[] = [];
  const energyRules: Rule[] = [];
  for (const i of scope.sites) {
    const site = plant.sites[i];
    const siteLabel = siteLabels.get(i)!;
    const pue = design.sitePue[site.index];
    const labels = { site: siteLabel };
    siteRules.push(
      { record: SITE_IT_POWER, expr: `sum(${RACK_POWER}{site="${siteLabel}"})`, labels: { ...labels } },
      {
        record: SITE_FACILITY_POWER,
        expr: `${SITE_IT_POWER}{site="${siteLabel}"} * ${num(pue)}`,
        labels: { ...labels },
      },
      {
        alert: 'AifactorySiteFacilityPowerAboveGridConnection',
        expr: `${SITE_FACILITY_POWER}{site="${siteLabel}"} > ${num(site.gridConnectionW)}`,
        for: forDuration,
        labels: templateLiterals({ severity: 'critical', ...labels }),
        annotations: {
          summary: `Site ${templateLiteral(site.path)} draws more than its ${kw(site.gridConnectionW)} kW grid connection`,
          description: `Site ${templateLiteral(site.path)} draws {{ $value | humanize }}W (IT power x PUE ${fmt(pue, 4)}), above its ${kw(site.gridConnectionW)} kW grid connection.`,
          equipment: templateLiteral(site.path),
          limit_kw: limitKw(site.gridConnectionW),
          protects_against: 'exceeding the contracted grid connection (penalties, utility trip)',
        },
      },
    );
    energyRules.push({
      record: SITE_FACILITY_ENERGY,
      expr: `avg_over_time(${SITE_FACILITY_POWER}{site="${siteLabel}"}[1h]) / 1000`,
      labels: { ...labels },
    });
  }

  return { equipmentRules, equipmentAlerts, siteRules, energyRules };
}

function n1Alert(
  alert: string,
  metric: string,
  selector: string,
  path: string,
  h: ComponentHeadroom,
  plant: Plant,
  labels: Readonly<Record<string, string>>,
  forDuration: string,
): Rule {
  const failed = plant.nodes[h.failure!];
  const over = plant.nodes[h.overloaded!];
  const failure =
    h.failure === h.overloaded
      ? `the loss of one unit of ${templateLiteral(failed.path)}`
      : `the loss of ${failed.label} ${templateLiteral(failed.path)}`;
  const protects = `${failure} would put ${over.label} ${templateLiteral(over.path)} past 100% of its rating`;
  const where = templateLiteral(path);
  return {
    alert,
    expr: `${metric}{${selector}} > ${num(h.n1SafeLoadW!)}`,
    for: forDuration,
    labels: templateLiterals({ severity: 'critical', ...labels }),
    annotations: {
      summary: `${where} is above its N-1 safe load of ${kw(h.n1SafeLoadW!)} kW`,
      description: `${where} carries {{ $value | humanize }}W: above ${kw(h.n1SafeLoadW!)} kW, ${protects}.`,
      equipment: where,
      limit_kw: limitKw(h.n1SafeLoadW!),
      protects_against: failure,
    },
  };
}

const NONE = 0; // no rack below
const IN = 1; // racks below, all in the cluster
const OUT = 2; // some rack below is not in the cluster

/** For every node: whether the racks below it are all in the cluster, in O(nodes + feeds). */
function coverage(plant: Plant, inCluster: ReadonlySet<number>): Uint8Array {
  const state = new Uint8Array(plant.nodes.length);
  // Loads come after their feeds: walk backwards so every load is known first.
  for (let i = plant.nodes.length - 1; i >= 0; i--) {
    const x = plant.nodes[i];
    if (x.rack) {
      state[i] = inCluster.has(i) ? IN : OUT;
      continue;
    }
    let s = NONE;
    for (const l of x.loads) s = Math.max(s, state[l]);
    state[i] = s;
  }
  return state;
}

/** The equipment and sites whose racks are all in one cluster (and at least one is). */
export interface ClusterScope {
  /** Whether every rack below the node is in the cluster, and at least one rack is below it. */
  readonly covered: (node: number) => boolean;
  /** The equipment (nodes without a rack) covered, ascending. */
  readonly equipment: readonly number[];
  /** The sites whose racks are all in the cluster, in the plant's order. */
  readonly sites: readonly number[];
}

const NO_RACK = -1; // no rack below
const MIXED = -2; // racks of several clusters, or of none, below

/**
 * The scope of each cluster, for all clusters in one walk of the plant, O(nodes + feeds)
 * (one walk per cluster when a rack is in several clusters): which cluster holds every rack
 * below a node, the same answer as {@link coverage} for each cluster on its own.
 */
export function clusterScopes(
  plant: Plant,
  clusters: readonly { readonly racks: readonly number[] }[],
): ClusterScope[] {
  const { nodes } = plant;
  const owner = new Int32Array(nodes.length).fill(MIXED);
  for (let c = 0; c < clusters.length; c++) {
    for (const r of clusters[c].racks) {
      if (owner[r] >= 0 && owner[r] !== c) {
        // A rack in several clusters: each cluster on its own.
        return clusters.flatMap((one) => clusterScopes(plant, [one]));
      }
      owner[r] = c;
    }
  }
  // Loads come after their feeds: walk backwards so every load is known first.
  for (let i = nodes.length - 1; i >= 0; i--) {
    if (nodes[i].rack) continue;
    let o = NO_RACK;
    for (const l of nodes[i].loads) o = joinOwner(o, owner[l]);
    owner[i] = o;
  }
  const siteOwner = new Int32Array(plant.sites.length).fill(NO_RACK);
  for (const x of nodes) if (x.rack) siteOwner[x.site] = joinOwner(siteOwner[x.site], owner[x.index]);
  const scopes = clusters.map((_, c) => ({
    covered: (i: number) => owner[i] === c,
    equipment: [] as number[],
    sites: [] as number[],
  }));
  for (let i = 0; i < nodes.length; i++)
    if (!nodes[i].rack && owner[i] >= 0) scopes[owner[i]].equipment.push(i);
  for (const site of plant.sites)
    if (siteOwner[site.index] >= 0) scopes[siteOwner[site.index]].sites.push(site.index);
  return scopes;
}

function joinOwner(a: number, b: number): number {
  if (a === NO_RACK) return b;
  if (b === NO_RACK || a === b) return a;
  return MIXED;
}

/** Names as an exact regex alternation, their common prefix written once: `rack-n(01|02)`. */
function alternation(names: readonly string[]): string {
  if (names.length === 1) return names[0];
  let k = 0;
  while (names.every((x) => x.length > k && x[k] === names[0][k])) k++;
  return `${names[0].slice(0, k)}(${names.map((x) => x.slice(k)).join('|')})`;
}

/** A number as PromQL reads it: shortest exact decimal, no exponent for the magnitudes used here. */
function num(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(15)));
}

/** kW for an annotation a machine reads: no thousands separator, 0.1 kW. */
function limitKw(w: number): string {
  return String(round(toKw(w), 1));
}

function kw(w: number): string {
  return fmt(toKw(w), 1);
}

/**
 * Alert template text that Prometheus expands to exactly `text`: alerting rules' labels and
 * annotations are Go templates (`{{ $value }}`), and construct paths hold user ids. Every `{{`
 * becomes the raw-string action ``{{`{{`}}``, as `helmLiteral` does for Helm (not imported:
 * output/gitops reaches this module through the platform).
 */
function templateLiteral(text: string): string {
  return text.replace(/\{\{/g, () => '{{`{{`}}');
}

/** Alert labels with every value made literal by {@link templateLiteral}. */
function templateLiterals(labels: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, templateLiteral(v)]));
}

/** A text as a PromQL double-quoted string body. */
function promString(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** A text matched literally by a PromQL regex, inside a double-quoted string. */
function regexEscape(s: string): string {
  return promString(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/**
 * Rules no single cluster can evaluate, for a global ruler (Thanos Ruler, or a Prometheus that
 * federates every cluster's `aifactory:rack_power_watts` and `aifactory:equipment_power_watts`):
 * the equipment whose racks span several clusters (a campus' HV switchgear and transformers),
 * and the sites spread over several clusters, with their grid connection alerts. Equipment
 * with a rack in no cluster has no live series and is left out.
 */
export function globalPowerRules(
  plant: Plant,
  design: OperationsInput,
  clusters: readonly RuleCluster[],
  forDuration = '2m',
): RuleGroup[] {
  const { nodes } = plant;
  const all = new Set<number>();
  const rackLabels = new Map<number, string>();
  const siteLabels = new Map<number, string>();
  for (const c of clusters) {
    for (const r of c.racks) all.add(r);
    for (const n of c.nodes) {
      if (!rackLabels.has(n.rack)) rackLabels.set(n.rack, n.labels[LABELS.rack]);
      if (!siteLabels.has(nodes[n.rack].site)) siteLabels.set(nodes[n.rack].site, n.labels[LABELS.site]);
    }
  }
  const union = coverage(plant, all);
  const single = new Uint8Array(nodes.length);
  for (const c of clusters) {
    const state = coverage(plant, new Set(c.racks));
    for (let i = 0; i < nodes.length; i++) if (state[i] === IN) single[i] = 1;
  }
  const sites = plant.sites
    .map((s) => s.index)
    .filter((i) => {
      const racks = nodes.filter((x) => x.rack && x.site === i);
      return (
        racks.length > 0 &&
        racks.every((x) => all.has(x.index)) &&
        !clusters.some((c) => racks.every((x) => c.racks.includes(x.index)))
      );
    });
  const rules = equipmentAndSiteRules(plant, design, {
    emit: (i) => union[i] === IN && !single[i],
    exists: (i) => union[i] === IN,
    rackLabel: (r) => rackLabels.get(r)!,
    siteLabels,
    sites,
    forDuration,
  });
  const groups: RuleGroup[] = [];
  if (rules.equipmentRules.length > 0) {
    groups.push({
      name: 'aifactory-power-shared-equipment',
      rules: [...rules.equipmentRules, ...rules.equipmentAlerts],
    });
  }
  if (rules.siteRules.length > 0) groups.push({ name: 'aifactory-power-sites', rules: rules.siteRules });
  if (rules.energyRules.length > 0) {
    groups.push({ name: 'aifactory-energy-sites', interval: '1m', rules: rules.energyRules });
  }
  return groups;
}
