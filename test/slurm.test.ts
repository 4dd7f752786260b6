import { RootConstruct } from 'constructs';
import { parse } from 'yaml';
import { buildEssonneSite } from '../examples/essonne-44mw/site';
import { addGpuPlatform } from '../examples/default/platform';
import { Slurm } from '../constructs';
import { evaluate } from '../src/evaluate';
import { gitopsFiles } from '../src/output/gitops';
import { hostlist } from '../src/slurm/hostlist';
import { topologyConf } from '../src/slurm/topology-conf';
import { loadUpstreamValues, unknownValuePaths } from '../src/upstream/values-paths';

/** Expands a Slurm hostlist expression (`a[01-03,7],b`), as `scontrol show hostnames` does. */
function expand(expr: string): string[] {
  const out: string[] = [];
  for (const part of expr.match(/[^,[]+(?:\[[^\]]*\])?/g) ?? []) {
    const m = /^(.*)\[(.*)\]$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    for (const r of m[2].split(',')) {
      const [a, b = a] = r.split('-');
      for (let i = Number(a); i <= Number(b); i++) out.push(`${m[1]}${String(i).padStart(a.length, '0')}`);
    }
  }
  return out;
}

/**
 * Parses topology.conf as topology.conf(5) describes it: `#` starts a comment, each line is
 * whitespace-separated `Key=Value` pairs whose keys are case-insensitive, the first naming
 * the entry (`BlockName`, `SwitchName`) or `BlockSizes`.
 */
function parseTopologyConf(text: string) {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter((l) => l.length > 0);
  return lines.map((l) =>
    Object.fromEntries(
      l.split(/\s+/).map((kv) => {
        const eq = kv.indexOf('=');
        expect(eq).toBeGreaterThan(0);
        return [kv.slice(0, eq).toLowerCase(), kv.slice(eq + 1)];
      }),
    ),
  );
}

describe('hostlist expressions', () => {
  test('ranges keep zero padding; other names stay; expansion gives the names back', () => {
    const nodes = Array.from({ length: 18 }, (_, i) => `rack-1-n${String(i + 1).padStart(2, '0')}`);
    expect(hostlist(nodes)).toBe('rack-1-n[01-18]');
    expect(hostlist(['s1', 's2', 's4', 'login', 's5', 'x-07'])).toBe('s[1-2,4-5],login,x-07');
    expect(expand(hostlist(nodes))).toEqual(nodes);
    expect(expand('tux[0-3,12,18-20],dev')).toEqual([
      'tux0',
      'tux1',
      'tux2',
      'tux3',
      'tux12',
      'tux18',
      'tux19',
      'tux20',
      'dev',
    ]);
  });
});

describe('Slurm topology of the default example (250 GB200 NVL72 racks)', () => {
  const root = new RootConstruct();
  const site = buildEssonneSite(root, { cooling: 'design-pue' });
  const cluster = addGpuPlatform(root, site);
  new Slurm(cluster, 'slurm');
  const e = evaluate(root);
  const model = e.design.platform.clusters[0];
  const slurm = model.operators.find((o) => o.kind === 'slurm')!;
  const text = (slurm.values.configFiles as Record<string, string>)['topology.conf'];

  test('topology/block: 250 blocks of 18 nodes, every node once, BlockSizes=18,144 (rack, scalable unit of 8)', () => {
    const entries = parseTopologyConf(text);
    const blocks = entries.filter((x) => 'blockname' in x);
    expect(blocks).toHaveLength(250);
    const nodes = blocks.map((b) => expand(b.nodes));
    expect(new Set(nodes.map((n) => n.length))).toEqual(new Set([18]));
    const all = nodes.flat();
    expect(all).toHaveLength(4_500);
    expect(new Set(all)).toEqual(new Set(model.nodes.map((n) => n.name)));
    expect(new Set(blocks.map((b) => b.blockname)).size).toBe(250);
    for (const b of blocks) expect(b.blockname.length).toBeLessThanOrEqual(64);
    // A block is an NVLink domain: its nodes share the rack label.
    for (const [i, b] of blocks.entries()) {
      const racks = new Set(
        nodes[i].map((n) => model.nodes.find((x) => x.name === n)!.labels['aifactory.io/rack']),
      );
      expect([...racks]).toEqual([b.blockname]);
    }
    const sizes = entries.filter((x) => 'blocksizes' in x);
    expect(sizes).toEqual([{ blocksizes: '18,144' }]);
    expect(entries[entries.length - 1]).toEqual({ blocksizes: '18,144' });
    expect(text.split('\n')[2]).toBe(
      'BlockName=bruyeres-building-1-hall-01-su-001-r01 Nodes=bruyeres-building-1-hall-01-su-001-r01-n[01-18]',
    );
  });

  test('delivered the way the Slinky chart documents: configFiles and TopologyPlugin, upstream keys only', () => {
    expect(slurm.chart).toBe('slurm');
    expect(slurm.version).toBe('1.2.1');
    expect(slurm.values).toEqual({
      configFiles: { 'topology.conf': text },
      controller: { extraConfMap: { TopologyPlugin: 'topology/block' } },
    });
    expect(unknownValuePaths(slurm.values, loadUpstreamValues('slurm'))).toEqual([]);
    expect(e.findings).toEqual([]);
    const values = parse(
      gitopsFiles(e.design.platform).find((f) => f.path === 'essonne-ai/charts/platform/values.yaml')!.text,
    );
    expect(values.slurm.configFiles['topology.conf']).toBe(text);
  });

  test('topology/tree: a leaf switch per rack, one per scalable unit and hall, one root', () => {
    const tree = parseTopologyConf(topologyConf(model.name, model.nodes, 'topology/tree').text);
    const leaves = tree.filter((s) => 'nodes' in s);
    expect(leaves).toHaveLength(250);
    expect(leaves.flatMap((s) => expand(s.nodes))).toHaveLength(4_500);
    const parents = new Map<string, string>();
    for (const s of tree.filter((x) => 'switches' in x)) {
      for (const child of expand(s.switches)) {
        expect(parents.has(child)).toBe(false);
        parents.set(child, s.switchname);
      }
    }
    const names = tree.map((s) => s.switchname);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => !parents.has(n))).toHaveLength(1); // one root, all connected
    expect(tree.filter((s) => 'switches' in s && /-su-\d{3}$/.test(s.switchname))).toHaveLength(32);
    expect(tree[tree.length - 1]).toEqual({
      switchname: 'essonne-ai-top',
      switches: 'bruyeres-building-1-hall-[01-02]',
    });
  });
});
