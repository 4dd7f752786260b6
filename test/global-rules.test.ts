import { clusterPerHall } from './fixtures/cluster-per-hall';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { gpuPowerShare } from '../src/catalog/gpu-power-share';
import { operationsFiles } from '../src/output/operations';
import { alertPhases, groupEvalOrder, promtool } from './fixtures/promtool';

const PROMTOOL = spawnSync('promtool', ['--version'], { encoding: 'utf8' }).status === 0;
if (!PROMTOOL) {
  process.stderr.write(
    '\n*** SKIPPED: promtool is not installed, so the global rules were NOT checked or tested by promtool.' +
      ' Install it (Debian: apt-get install -y prometheus; .ci/run does). ***\n\n',
  );
}
const withPromtool = PROMTOOL ? test : test.skip;

describe('a site split into a cluster per hall: shared equipment and the site in global rules', () => {
  const e = clusterPerHall();
  const files = new Map(operationsFiles(e).map((f) => [f.path, f.text]));
  const global = JSON.parse(files.get('reports/prometheus/global.rules.json')!) as {
    groups: {
      name: string;
      rules: {
        record?: string;
        alert?: string;
        expr: string;
        for?: string;
        labels?: Record<string, string>;
      }[];
    }[];
  };
  const { plant } = e.design;
  const { sites } = e.analysis;

  test('rule files: one per cluster and a global one; the global one holds what spans both halls', () => {
    expect([...files.keys()]).toEqual([
      'reports/eed.json',
      'reports/prometheus/hall-01.rules.json',
      'reports/prometheus/hall-02.rules.json',
      'reports/prometheus/global.rules.json',
    ]);
    expect(global.groups.map((g) => g.name)).toEqual([
      'aifactory-power-shared-equipment',
      'aifactory-power-sites',
      'aifactory-energy-sites',
    ]);
    // The recorded equipment: every piece whose racks are in both halls.
    const recorded = global.groups[0].rules.filter((r) => r.record).map((r) => r.labels!.equipment);
    const both = plant.nodes.filter((n) => {
      if (n.rack) return false;
      const hallsBelow = new Set<number>();
      const walk = (i: number): void => {
        const x = plant.nodes[i];
        if (x.rack) hallsBelow.add(x.rack.hall);
        else x.loads.forEach(walk);
      };
      walk(n.index);
      return hallsBelow.size === 2;
    });
    expect(recorded.sort()).toEqual(both.map((n) => n.path).sort());
    expect(recorded).toContain('bruyeres/grid');
    const site = global.groups[1].rules.find(
      (r) => r.alert === 'AifactorySiteFacilityPowerAboveGridConnection',
    )!;
    expect(site.expr).toBe('aifactory:site_facility_power_watts{site="bruyeres"} > 44000000');
  });

  withPromtool(
    'promtool: the site alert fires at the grid connection + 1% and not at - 1%, across both clusters',
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aifactory-global-'));
      try {
        const names = ['hall-01', 'hall-02', 'global'];
        for (const n of names)
          fs.writeFileSync(
            path.join(dir, `${n}.rules.json`),
            files.get(`reports/prometheus/${n}.rules.json`)!,
          );
        // Every rack at the fraction of its design power where IT x PUE reaches the grid connection, +/- 1%.
        const at = sites[0].itW > 0 ? plant.sites[0].gridConnectionW / (sites[0].itW * sites[0].pue) : 0;
        const share = gpuPowerShare(plant.nodes.find((n) => n.rack)!.rack!.system).share;
        const nodes = e.design.platform.clusters.flatMap((c) => c.nodes);
        // Each phase lasts the rules' `for:` plus two minutes (fixtures/promtool.ts), evaluated at its last sample.
        const timing = alertPhases(global.groups.flatMap((g) => g.rules));
        const input_series = nodes.map((n) => {
          const rack = plant.nodes[n.rack];
          const gpuW = (k: number) => (k * at * rack.demandW * share) / rack.rack!.system.spec.computeNodes;
          return {
            series: `DCGM_FI_DEV_POWER_USAGE{node="${n.name}",gpu="0"}`,
            values: `${timing.values(gpuW(1.01))} ${timing.values(gpuW(0.99))}`,
          };
        });
        const facility = (k: number) => k * plant.sites[0].gridConnectionW;
        const humanize = (w: number) => `${Number((w / 1e6).toPrecision(4))}M`;
        const alert = global.groups[1].rules.find(
          (r) => r.alert === 'AifactorySiteFacilityPowerAboveGridConnection',
        )!;
        const annotations = (alert as { annotations?: Record<string, string> }).annotations!;
        const tests = {
          rule_files: names.map((n) => `${n}.rules.json`),
          evaluation_interval: '1m',
          group_eval_order: groupEvalOrder(
            names.map((n) => files.get(`reports/prometheus/${n}.rules.json`)!),
          ),
          tests: [
            {
              interval: '1m',
              input_series,
              alert_rule_test: [
                {
                  eval_time: timing.evalAt(0),
                  alertname: 'AifactorySiteFacilityPowerAboveGridConnection',
                  exp_alerts: [
                    {
                      exp_labels: { severity: 'critical', site: 'bruyeres' },
                      exp_annotations: {
                        ...annotations,
                        description: annotations.description.replace(
                          '{{ $value | humanize }}',
                          humanize(facility(1.01)),
                        ),
                      },
                    },
                  ],
                },
                {
                  eval_time: timing.evalAt(1),
                  alertname: 'AifactorySiteFacilityPowerAboveGridConnection',
                  exp_alerts: [],
                },
              ],
            },
          ],
        };
        fs.writeFileSync(path.join(dir, 'tests.yaml'), stringify(tests, { lineWidth: 0 }));
        const r = promtool(['test', 'rules', 'tests.yaml'], dir);
        expect(r.stdout + r.stderr).toContain('SUCCESS');
        expect(r.status).toBe(0);
        const check = promtool(['check', 'rules', ...names.map((n) => `${n}.rules.json`)], dir);
        expect(check.status).toBe(0);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
