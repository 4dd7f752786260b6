import * as fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { blockYaml, readBlockYaml } from '../src/output/block-yaml';

/** What yaml reads from a stream of documents. */
const yamlDocuments = (text: string) => parseAllDocuments(text).map((d) => d.toJS());

/** What the GitOps tree wrote before the fast path, and must still write byte for byte. */
const reference = (doc: unknown) => stringify(doc, { lineWidth: 0 });

/** Values of one-line strings built from the characters that decide plain or quoted, nested in lists and maps. */
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
    fc.assert(
      fc.property(value, (v) => blockYaml(v) === reference(v)),
      { numRuns: 5000 },
    );
  });
});

describe('readBlockYaml: what blockYaml wrote, read back without the yaml parser', () => {
  const manifest = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'a', labels: { 'app.kubernetes.io/part-of': 'aifactory' } },
    data: {
      threshold: '273.1',
      text: 'r01 carries {{`{{`}} $value }}W: above',
      quoted: '"x"',
      n: 1.5,
      list: [[1, []], {}, null, true],
    },
  };

  test('a stream of manifests reads back to the values yaml reads', () => {
    const text = [manifest, { kind: 'Namespace', metadata: { name: 'b' } }].map(blockYaml).join('---\n');
    const read = readBlockYaml(text);
    expect(read).toEqual(yamlDocuments(text));
    expect(read).toEqual([manifest, { kind: 'Namespace', metadata: { name: 'b' } }]);
  });

  test('other YAML is left to yaml (undefined): comments, flow collections, blocks, other spacing, other spellings', () => {
    for (const text of [
      '# c\na: 1\n',
      'a:   1\n',
      'a: [1, 2]\n',
      'a: |\n  x\n',
      'a: 0x1F\n',
      'a: TRUE\n',
      'a: 1\na: 2\n',
      '- a\n-  b\n',
      'a: 1',
      '',
    ]) {
      expect(readBlockYaml(text)).toBeUndefined();
    }
  });

  test('reads back what yaml reads, or leaves it to yaml, for any value blockYaml writes (property)', () => {
    let fast = 0;
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3 }), (docs) => {
        const text = docs.map(blockYaml).join('---\n');
        const read = readBlockYaml(text);
        if (read !== undefined) fast++;
        expect(read ?? yamlDocuments(text)).toEqual(yamlDocuments(text));
      }),
      { numRuns: 3000 },
    );
    expect(fast).toBeGreaterThan(300);
  });
});
