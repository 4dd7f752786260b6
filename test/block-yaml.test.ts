import * as fc from 'fast-check';
import { stringify } from 'yaml';
import { blockYaml } from '../src/output/block-yaml';

/** What the GitOps tree wrote before the fast path, and must still write byte for byte. */
const reference = (doc: unknown) => stringify(doc, { lineWidth: 0 });

describe('blockYaml: the yaml package’s text, faster', () => {
  test('a manifest of the GitOps tree: nested maps, lists of maps, lists of lists, empty collections, numbers', () => {
    const doc = {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: {
        name: 'b-01-power',
        namespace: 'gpu-operator',
        labels: { 'app.kubernetes.io/part-of': 'aifactory' },
      },
      spec: {
        groups: [
          {
            name: 'racks',
            rules: [
              {
                record: 'aifactory:rack_power_watts',
                expr: 'sum(DCGM_FI_DEV_POWER_USAGE{node=~"b-01-r01-n(01|02)"}) / 0.570925110132159',
                labels: { site: 'fouju', rack: 'r01' },
              },
            ],
          },
        ],
        empty: {},
        none: [],
        nested: [[1, 2], [], [{ a: null, b: true, c: -0, d: 1.5e300 }]],
      },
    };
    expect(blockYaml(doc)).toBe(reference(doc));
    expect(blockYaml(doc)).toContain(
      'expr: sum(DCGM_FI_DEV_POWER_USAGE{node=~"b-01-r01-n(01|02)"}) / 0.570925110132159\n',
    );
  });

  test('strings yaml quotes, blocks or escapes, and values it writes its own way, fall back to yaml', () => {
    const tricky = [
      '',
      ' ',
      'a: b',
      'a #b',
      '- a',
      '? b',
      'x:',
      'true',
      'NULL',
      '~',
      '12',
      '0x1F',
      '0o17',
      '1e3',
      '.inf',
      '.NaN',
      '---',
      '...',
      'a\nb',
      'a\tb',
      '\u0001',
      '{a}',
      '[a]',
      '"q"',
      "'q'",
      '*x',
      '&x',
      '!x',
      '%x',
      '@x',
      '`x',
    ];
    for (const s of tricky) {
      expect(blockYaml({ [s]: s, list: [s] })).toBe(reference({ [s]: s, list: [s] }));
    }
    const shared = { a: 1 };
    for (const doc of [
      { x: shared, y: shared },
      [NaN, Infinity, -Infinity],
      { d: new Date(0) },
      [undefined],
      'scalar',
      12,
      null,
      [],
      {},
      { u: undefined },
    ]) {
      expect(blockYaml(doc)).toBe(reference(doc));
    }
  });

  test('same text as yaml for any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => blockYaml(v) === reference(v)),
      { numRuns: 3000 },
    );
  });

  test('same text as yaml for one-line strings built from the characters that decide plain or quoted (property)', () => {
    const str = fc.string({
      unit: fc.constantFrom(...'ab:-#? .1e0x"\'{}[],|>!&*%@`~_/=+é\\'.split('')),
      maxLength: 8,
    });
    const scalar = fc.oneof(str, fc.double(), fc.integer(), fc.boolean(), fc.constant(null));
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.array(tie('v'), { maxLength: 4 }),
        fc.dictionary(str, tie('v'), { maxKeys: 4 }),
      ),
    })).v;
    fc.assert(
      fc.property(value, (v) => blockYaml(v) === reference(v)),
      { numRuns: 5000 },
    );
  });
});
