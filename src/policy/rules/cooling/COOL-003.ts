import { PackRule, Violation } from '../../rule';

/** CDU supply temperature no warmer than the racks it serves accept. */
export const COOL_003: PackRule = {
  id: 'COOL-003',
  severity: 'error',
  description: 'Coolant supply temperature of a CDU group is within what every rack it serves accepts.',
  help: 'Each catalog system that publishes a maximum coolant supply temperature (Vera Rubin NVL72: 45 C) is checked against the supply temperature of the CDUs serving it. Warmer water lets dry coolers replace chillers, but not above what the rack accepts. Fix: lower the CDU supply temperature.',
  check({ plant }) {
    const out: Violation[] = [];
    for (const c of plant.coolers) {
      if (c.supplyTemperatureC === undefined) continue;
      let limit = Infinity;
      let system = '';
      for (const r of c.racks) {
        const spec = plant.nodes[r].rack!.system.spec;
        if (spec.maxCoolantSupplyC !== undefined && spec.maxCoolantSupplyC < limit) {
          limit = spec.maxCoolantSupplyC;
          system = spec.name;
        }
      }
      if (c.supplyTemperatureC > limit) {
        out.push({
          path: c.path,
          message: `coolant supply ${c.supplyTemperatureC} C > ${limit} C that ${system} accepts`,
          measured: c.supplyTemperatureC,
          limit,
          unit: 'C',
        });
      }
    }
    return out;
  },
};
