/**
 * One benchmark size, in its own process so peak memory is its own: times each phase of
 * a check in-process (wall, and CPU of the tree and of the check after it) and prints one JSON line.
 */
import { performance } from 'perf_hooks';
import { RootConstruct } from 'constructs';
import { buildEssonneSite } from '../../examples/essonne-44mw/site';
import { gridFor } from './campus-size';
import { analyze } from '../../src/analysis/analysis';
import { runRules } from '../../src/policy/engine';
import { ALL_RULES } from '../../src/policy/packs';
import { buildDesign } from '../../src/model/design';

const racks = Number(process.argv[2]);
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const c0 = cpu();
const t0 = performance.now();
const root = new RootConstruct();
buildEssonneSite(root, { racks, gridConnectionMw: gridFor(racks), cooling: 'design-pue' });
const t1 = performance.now();
const c1 = cpu();
const design = buildDesign(root);
const { plant } = design;
const t2 = performance.now();
const analysis = analyze(design);
const t3 = performance.now();
const findings = runRules(design, analysis, ALL_RULES);
const t4 = performance.now();
const c4 = cpu();
const errors = findings.filter((f) => f.severity === 'error').length;
process.stdout.write(
  JSON.stringify({
    racks,
    nodes: plant.nodes.length,
    cases: analysis.contingency.cases,
    errors,
    buildTreeMs: t1 - t0,
    modelMs: t2 - t1,
    analysisMs: t3 - t2,
    rulesMs: t4 - t3,
    checkAfterTreeMs: t4 - t1,
    buildTreeCpuMs: c1 - c0,
    checkAfterTreeCpuMs: c4 - c1,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
