import { clusterPerHall } from './fixtures/cluster-per-hall';
import { clusterScopes, powerRules } from '../src/operations/power-rules';

/** The platform's power rules use one walk of the plant for all clusters: same rules as each cluster on its own. */
describe('power rules of several clusters from one index of the plant', () => {
  const { design, analysis } = clusterPerHall();
  const { plant } = design;
  const input = {
    flow: analysis.flow,
    headroom: analysis.headroom,
    sitePue: analysis.sites.map((s) => s.pue),
  };
  const clusters = design.platform.clusters;

  test('each cluster: the rules the analysis holds equal those of the cluster alone', () => {
    expect(clusters).toHaveLength(2);
    for (const c of clusters) {
      const op = c.operators.find((o) => o.powerRules)!;
      const alone = powerRules(plant, input, c, op.powerRules!);
      expect(alone.length).toBeGreaterThan(1);
      expect(analysis.powerRules.get(op.path)).toEqual(alone);
    }
  });

  test('the scopes: equipment whose racks are all in one cluster, the site in neither; a shared rack falls back to one walk per cluster', () => {
    const [a, b] = clusterScopes(plant, clusters);
    expect(a.equipment.length).toBeGreaterThan(0);
    expect(a.equipment.filter((i) => b.equipment.includes(i))).toEqual([]);
    for (const i of a.equipment) {
      expect(plant.nodes[i].rack).toBeUndefined();
      expect(a.covered(i)).toBe(true);
      expect(b.covered(i)).toBe(false);
    }
    expect(a.sites).toEqual([]);
    expect(b.sites).toEqual([]);
    const all = clusters.flatMap((c) => c.racks);
    const [whole] = clusterScopes(plant, [{ racks: all }]);
    expect(whole.sites).toEqual([0]);
    const shared = clusterScopes(plant, [{ racks: all }, clusters[1]]);
    expect(shared[0].equipment).toEqual(whole.equipment);
    expect(shared[1].equipment).toEqual(b.equipment);
  });
});
