/**
 * Maintenance plus single failure at campus scale (`tsx test/bench/maintenance.ts`): builds
 * the 1.4 GW campus example, runs N-1 and the maintenance level over the whole site, and
 * prints the cost against all pairs as JSON (issue 15).
 */
import { RootConstruct } from 'constructs';
import { buildCampus } from '../../examples/campus-1-4gw/campus';
import { contingency } from '../../src/analysis/contingency';
import { loadFlow } from '../../src/analysis/load-flow';
import { maintenanceContingency } from '../../src/analysis/maintenance';
import { buildPlant } from '../../src/model/plant';

const root = new RootConstruct();
buildCampus(root);
const plant = buildPlant(root);
const flow = loadFlow(plant);
let t = performance.now();
const n1 = contingency(plant, flow);
const n1Ms = performance.now() - t;
t = performance.now();
const m = maintenanceContingency(plant, flow, [0]);
const maintenanceMs = performance.now() - t;
let over = 0;
for (let i = 0; i < plant.nodes.length; i++) if (m.worstUtilization[i] > 1 + 1e-12) over++;
process.stdout.write(
  JSON.stringify({
    racks: plant.nodes.filter((x) => x.rack).length,
    powerNodes: plant.nodes.length,
    n1Cases: n1.cases,
    n1Ms: Math.round(n1Ms),
    pairsRun: m.pairs,
    allPairs: m.allPairs,
    share: m.pairs / m.allPairs,
    maintenanceMs: Math.round(maintenanceMs),
    equipmentOverAtMaintenanceLevel: over,
    peakRssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
  }) + '\n',
);
