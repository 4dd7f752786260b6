import { RootConstruct } from 'constructs';
import { buildEssonneSite } from '../examples/default/essonne';
import { evaluate } from '../src/evaluate';

describe('default example: 44 MW Essonne site', () => {
  const root = new RootConstruct();
  buildEssonneSite(root);
  const e = evaluate(root);
  const { plant, flow, contingency } = e.analysis;
  const byKind = (k: string) => plant.nodes.filter((n) => n.kind === k);
  const at = (p: string) => plant.nodes.find((n) => n.path === p)!;

  test('250 GB200 NVL72 racks, 18,000 GPUs, 33 MW IT, 42.9 MW at PUE 1.3 within 44 MW', () => {
    expect(e.summary).toEqual({
      sites: 1,
      racks: 250,
      gpus: 18_000,
      itLoadKw: 33_000,
      facilityLoadKw: 42_900,
      pue: 1.3,
    });
    expect(e.findings).toEqual([]);
  });

  test('2N train: 2 HV/MV and 32 MV/LV transformers, 32 UPS, 126 busways, dual-corded racks', () => {
    expect(byKind('transformer')).toHaveLength(2 + 32);
    expect(byKind('switchgear')).toHaveLength(2);
    expect(byKind('ups')).toHaveLength(32);
    // 31 full SUs x 2 pairs + 1 pair for the last SU's 2 racks.
    expect(byKind('busway')).toHaveLength((31 * 2 + 1) * 2);
    expect(byKind('rack').every((r) => r.feeds.length === 2)).toBe(true);
    expect(plant.generators).toHaveLength(1);
  });

  test('loads by hand: a block of 16 racks on its MV/LV transformer, in normal operation and under N-1', () => {
    const tx = at('bruyeres/mv-01/block-001/transformer-a');
    // Normal: half of 16 x 132 kW through a 97% UPS = 1,088.66 kW, / PF 0.95 = 1,145.96 kVA of 2,500.
    expect(flow.outW[tx.index] / 1000).toBeCloseTo((8 * 132) / 0.97, 6);
    // B side lost: the whole block, 2,177.32 kW = 2,291.91 kVA, 91.7% of 2,500 kVA.
    expect(contingency.worstLoadW[tx.index] / 1000).toBeCloseTo((16 * 132) / 0.97, 6);
    expect(contingency.worstUtilization[tx.index]).toBeCloseTo((16 * 132) / 0.97 / 0.95 / 2500, 9);
    expect(plant.nodes[contingency.worstFailure[tx.index]].path).toMatch(
      /^bruyeres\/mv-01\/(block-001\/(transformer|switchboard|ups)-b|switchgear-b|hv-transformer-b)$/,
    );
  });

  test('generators: 15 of 16 x 2,500 kW carry the backed load of both MV boards', () => {
    const g = plant.generators[0];
    const backed = g.backs.reduce((s, i) => s + flow.inW[i], 0);
    expect(backed / 1000).toBeCloseTo(33_000 / 0.97 / 0.99, 3);
    expect(g.usableW / 1000).toBe(37_500);
  });

  test('every single failure is survivable: no PWR-002 or PWR-004, highest N-1 load is 91.7%', () => {
    let worst = 0;
    plant.nodes.forEach((n) => (worst = Math.max(worst, contingency.worstUtilization[n.index])));
    expect(worst).toBeCloseTo((16 * 132) / 0.97 / 0.95 / 2500, 9);
    expect(contingency.cases).toBe(
      plant.nodes.filter((n) => n.kind !== 'rack' && n.kind !== 'grid-connection').length,
    );
  });
});
