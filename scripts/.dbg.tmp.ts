import { RootConstruct } from 'constructs';
import { blueprint } from '../blueprints';
import { Site } from '../constructs';
import { evaluate } from '../src/evaluate';
for (const topology of ['distributed-redundant', 'block-redundant'] as const) {
  const root = new RootConstruct();
  const site = new Site(root, 'site', { country: 'FR', gridConnectionMw: 44 });
  blueprint(process.argv[2] ?? 'gb200-nvl72').build(site, 'building', { racks: 256, topology });
  const e = evaluate(root);
  const seen = new Set<string>();
  for (const f of e.findings) {
    const k = f.ruleId + f.path.replace(/\d+/g, '#');
    if (seen.has(k)) continue;
    seen.add(k);
    console.log(topology, f.ruleId, f.path, f.message);
  }
}
