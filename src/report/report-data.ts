import { Plant } from '../model/plant';
import { Finding } from '../policy/rule';
import { DiagramData, elementFor } from './diagram-data';

/** The racks of one building: IT design power, GPUs, racks. */
export interface BuildingLoad {
  itW: number;
  gpus: number;
  racks: number;
}

/**
 * The racks of each site (by site index) totalled per building, the path segment below the
 * site (`(site)` for racks declared in the site itself), sorted by building name.
 */
export function buildingLoads(plant: Plant): [string, BuildingLoad][][] {
  const buildings = plant.sites.map(() => new Map<string, BuildingLoad>());
  for (const node of plant.nodes) {
    if (!node.rack) continue;
    const sitePath = plant.sites[node.site].path;
    const rest = node.path.slice(sitePath.length + 1).split('/');
    const name = rest.length > 1 ? rest[0] : '(site)';
    const b = buildings[node.site].get(name) ?? { itW: 0, gpus: 0, racks: 0 };
    b.itW += node.demandW;
    b.gpus += node.rack.system.spec.gpus;
    b.racks++;
    buildings[node.site].set(name, b);
  }
  return buildings.map((b) => [...b].sort(byKey));
}

/** Where a finding links: its element in the diagram, else its cooling group's chart row. */
export function findingTarget(
  data: DiagramData,
  coolerAt: ReadonlyMap<string, number>,
  f: Finding,
): { anchor: string; element?: string } | undefined {
  const element = elementFor(data, f.path);
  if (element) return { anchor: `el-${element}`, element };
  const cooler = coolerAt.get(f.path);
  return cooler === undefined ? undefined : { anchor: `cool-${cooler}` };
}

/**
 * The members of every element for the detail panel, compact: paths as a table of
 * (parent, segment) pairs, members as arrays of numbers.
 */
export function detailJson(data: DiagramData): string {
  const paths: [number, string][] = [];
  const pathIds = new Map<string, number>();
  const pathId = (p: string): number => {
    const known = pathIds.get(p);
    if (known !== undefined) return known;
    const cut = p.lastIndexOf('/');
    const parent = cut < 0 ? -1 : pathId(p.slice(0, cut));
    paths.push([parent, p.slice(cut + 1)]);
    pathIds.set(p, paths.length - 1);
    return paths.length - 1;
  };
  const labels: string[] = [];
  const units: string[] = [];
  const indexIn = (list: string[], v: string) => {
    const i = list.indexOf(v);
    return i >= 0 ? i : list.push(v) - 1;
  };
  const r = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;
  const elements = data.elements.map((e) => {
    const members = e.members.map((m) => {
      const row: (number | number[])[] = [
        pathId(m.path),
        indexIn(labels, m.label),
        indexIn(units, m.unit),
        r(m.load),
      ];
      if (m.capacity !== undefined) row.push(r(m.capacity), r(m.utilization!, 4), r(m.limit!, 4));
      if (m.worst)
        row.push([
          pathId(m.worst.failure),
          m.worst.ownUnit ? 1 : 0,
          r(m.worst.load),
          r(m.worst.limit),
          r(m.worst.utilization, 4),
        ]);
      return row;
    });
    return [e.id, e.name, pathId(e.path), members];
  });
  return JSON.stringify({ paths, labels, units, elements }).replace(/</g, '\\u003c');
}

function byKey<T>(a: [string, T], b: [string, T]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}
