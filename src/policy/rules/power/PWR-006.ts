import { exceeds, fmt, toKw } from '../../../units';
import { PackRule, Violation } from '../../rule';

/** A rack's design power stays within the design density of its hall. */
export const PWR_006: PackRule = {
  id: 'PWR-006',
  severity: 'error',
  description: "A rack's design power stays within its hall's design power per rack.",
  help: "A hall is built for a power density (kW per rack position): its cooling, floor and distribution assume it. A rack above it is a hot spot the hall was not designed for. Fix: put the rack in a hall designed for it, or raise the hall's `designKwPerRack` once the hall's design supports it.",
  check({ plant }) {
    const out: Violation[] = [];
    for (const node of plant.nodes) {
      if (!node.rack) continue;
      const hall = plant.halls[node.rack.hall];
      if (exceeds(node.demandW, hall.designPowerPerRackW)) {
        out.push({
          path: node.path,
          message: `rack design power ${fmt(toKw(node.demandW))} kW (${node.rack.system.spec.name}) > hall ${hall.name} design ${fmt(toKw(hall.designPowerPerRackW))} kW per rack`,
          measured: toKw(node.demandW),
          limit: toKw(hall.designPowerPerRackW),
          unit: 'kW',
        });
      }
    }
    return out;
  },
};
