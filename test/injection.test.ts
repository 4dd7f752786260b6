import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { TerraformStack, TerraformVariable } from 'cdktf';
import {
  Busway,
  Delivery,
  DraDriver,
  GpuCluster,
  GpuOperator,
  Hall,
  Kueue,
  Rack,
  Site,
  Tenant,
  Ups,
} from '../constructs';
import { ScalewayGpuCluster, ScalewayGpuType, ScalewayPrivateNetwork } from '../constructs/scaleway';
import { AiFactoryApp, NetboxStack, PhysicalStack } from '../stacks';
import { NetboxInventory } from '../constructs/netbox';
import { CloudStack } from '../stacks/cloud-stack';
import { evaluate } from '../src/evaluate';
import { hasErrors } from '../src/policy/engine';
import { summaryMarkdown } from '../src/report/summary-md';
import { reportHtml } from '../src/report/html';
import { terraformLiteral } from '../src/terraform-literal';
import { helmLiteral } from '../src/output/gitops';
import { mdCode, mdText } from '../src/report/markdown';
import { scratchDir } from './fixtures/scratch';

// Threat model (docs/architecture.md): any string a user hands to a construct may come from
// a spreadsheet, a ticket or an attacker. It must be refused at construction with one line,
// or reach the output as data: never run by Terraform (${...}, %{...}) or Helm ({{ }}),
// never break a JSON or YAML file, never write outside DIR, never turn into Markdown or HTML.

/** Every construct prop (or id) whose text reaches the output, and the design that carries it. */
const SLOTS = [
  'stack id',
  'site id',
  'site name',
  'hall name',
  'rack id',
  'rack name',
  'cluster id',
  'cluster name',
  'platformNamespace',
  'operator namespace',
  'operator chartVersion',
  'operator values',
  'computeDomainNamespace',
  'topology level',
  'tenant id',
  'tenant name',
  'tenant namespace',
  'gitops repoUrl',
  'gitops targetRevision',
  'gitops path',
  'scaleway description',
  'scaleway cluster name',
  'private network name',
  'pool label key',
  'pool label value',
  'pool taint value',
  'terraform-delivery namespace',
  'terraform-delivery values',
  'netbox stack id',
  'netbox tenant',
  'netbox serverUrl',
] as const;
type Slot = (typeof SLOTS)[number];

/** Builds the design with `text` in `slot` and benign text everywhere else; synthesizes into `outdir`. */
function synth(slot: Slot, text: string, outdir: string): void {
  const at = (s: Slot, benign: string) => (s === slot ? text : benign);
  const app = new AiFactoryApp({ outdir });
  const stack = new PhysicalStack(app, at('stack id', 'lab'));
  const site = new Site(stack, at('site id', 'site'), {
    country: 'FR',
    gridConnectionMw: 1,
    designPue: 1.2,
    name: at('site name', 'paris'),
  });
  const hall = new Hall(site, 'hall', {
    designKwPerRack: 150,
    rackPositions: 1,
    name: at('hall name', 'h1'),
  });
  const a = new Ups(site, 'ups-a', { moduleRatingKw: 200, feeds: [site.grid] });
  const b = new Ups(site, 'ups-b', { moduleRatingKw: 200, feeds: [site.grid] });
  const busA = new Busway(site, 'busway-a', { ratingA: 800, feeds: [a] });
  const busB = new Busway(site, 'busway-b', { ratingA: 800, feeds: [b] });
  const rack = new Rack(hall, at('rack id', 'r1'), {
    system: 'gb200-nvl72',
    feeds: [busA, busB],
    name: at('rack name', 'r01'),
  });
  const cluster = new GpuCluster(stack, at('cluster id', 'cluster'), {
    ...(slot === 'cluster name' ? { name: text } : {}),
    racks: [rack],
    delivery: Delivery.gitops({
      repoUrl: at('gitops repoUrl', 'https://git.example.org/platform.git'),
      targetRevision: at('gitops targetRevision', 'main'),
      path: at('gitops path', 'cdktf.out/helm/cluster'),
    }),
    platformNamespace: at('platformNamespace', 'ai-platform'),
  });
  new GpuOperator(cluster, 'gpu-operator', {
    namespace: at('operator namespace', 'gpu-operator'),
    chartVersion: at('operator chartVersion', 'v26.7.0'),
    values: { daemonsets: { labels: { team: at('operator values', 'ml') } } },
  });
  new DraDriver(cluster, 'dra', { computeDomainNamespace: at('computeDomainNamespace', 'compute-domains') });
  const kueue = new Kueue(cluster, 'kueue', {
    topologyLevels: [at('topology level', 'aifactory.io/pod'), 'aifactory.io/rack', 'kubernetes.io/hostname'],
  });
  new Tenant(kueue, at('tenant id', 'lab-a'), {
    gpuQuota: 8,
    ...(slot === 'tenant name' ? { name: text } : {}),
    namespace: at('tenant namespace', 'lab-a'),
  });

  const cloud = new CloudStack(app, 'cloud', { region: 'fr-par', zone: 'fr-par-2' });
  const network = new ScalewayPrivateNetwork(cloud, 'net', {
    region: 'fr-par',
    ipv4Subnet: '172.16.0.0/22',
    name: at('private network name', 'gpu-net'),
  });
  const kapsule = new ScalewayGpuCluster(cloud, 'training', {
    version: '1.34',
    region: 'fr-par',
    privateNetwork: network,
    description: at('scaleway description', 'B300 training'),
    name: at('scaleway cluster name', 'training'),
  });
  kapsule.addPool({
    name: 'b300',
    nodeType: ScalewayGpuType.B300_SXM_8_288G,
    zone: 'fr-par-2',
    size: 1,
    labels: { [at('pool label key', 'team')]: at('pool label value', 'ml') },
    taints: [{ key: 'nvidia.com/gpu', value: at('pool taint value', 'present'), effect: 'NoSchedule' }],
  });
  const target = kapsule.platformTarget;
  const platform = new GpuCluster(cloud, 'platform', {
    name: 'training',
    racks: [kapsule],
    delivery: Delivery.terraform(),
    connection: { host: target.host, token: target.token, clusterCaCertificate: target.clusterCaCertificate },
  });
  new Kueue(platform, 'kueue', {
    namespace: at('terraform-delivery namespace', 'kueue-system'),
    values: {
      controllerManager: { manager: { image: { tag: at('terraform-delivery values', 'v0.19.2') } } },
    },
  });

  new NetboxInventory(new NetboxStack(app, at('netbox stack id', 'netbox')), 'netbox', {
    site,
    tenant: at('netbox tenant', 'lab'),
    serverUrl: at('netbox serverUrl', 'https://netbox.example.org'),
  });

  const evaluation = evaluate(app);
  expect(hasErrors(evaluation.findings)).toBe(false);
  app.synthesizeDesign(evaluation, [{ path: 'reports/summary.md', text: summaryMarkdown(evaluation) }]);
}

/** Template openings Terraform would evaluate in `s` (`${`, `%{`), skipping the escapes `$${`, `%%{`. */
function templateOpenings(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if ((c === '$' || c === '%') && s[i + 1] === c && s[i + 2] === '{') i += 2;
    else if ((c === '$' || c === '%') && s[i + 1] === '{') n++;
  }
  return n;
}

/** Every string of a JSON document, object keys included. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      strings(x, out);
    }
  return out;
}

/** Every file under `dir`; no entry of the tree is a symbolic link. */
function files(dir: string): string[] {
  const out: string[] = [];
  const links: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isSymbolicLink()) links.push(p);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  // One assertion per tree rather than one per entry: jest's expect() costs a stack capture.
  expect(links).toEqual([]);
  return out.sort();
}

const HELM_ESCAPE = '{{`{{`}}';

/**
 * Go template actions Prometheus would run in the alerting rules of `groups`: alert labels and
 * annotations are templates (`{{ $value }}`); the raw-string action ``{{`{{`}}`` is a literal `{{`.
 * Recording rules' labels are not templates.
 */
function prometheusOpenings(
  groups: { rules: { alert?: string; labels?: object; annotations?: object }[] }[],
) {
  return groups
    .flatMap((g) => g.rules)
    .filter((r) => r.alert !== undefined)
    .flatMap((r) => strings([r.labels ?? {}, r.annotations ?? {}]))
    .reduce((n, s) => n + s.split(HELM_ESCAPE).join('').split('{{').length - 1, 0);
}

/** The GitOps tree `synthesizeDesign` writes by default: `gitops` beside the outdir (`--gitops-out`). */
const gitopsDir = (outdir: string) => path.join(path.dirname(outdir), 'gitops');

/**
 * What the output says about template openings, per Terraform file and per Prometheus rule set,
 * and the texts Helm would render: both declared output directories, the outdir and the GitOps
 * tree, inspected alike.
 */
function inspect(outdir: string): Map<string, number> {
  const openings = new Map<string, number>();
  for (const root of [outdir, gitopsDir(outdir)]) inspectDir(root, openings);
  return openings;
}

function inspectDir(outdir: string, openings: Map<string, number>): void {
  // What would fail, gathered over the tree and asserted once at the end (an expect() per file
  // and per YAML document was a tenth of the suite's time); each list is empty when all is well.
  const outside: string[] = [];
  const helmActions: string[] = [];
  const yamlErrors: [string, unknown[]][] = [];
  const summaryTags: string[] = [];
  const realOutdir = fs.realpathSync(outdir) + path.sep;
  for (const f of files(outdir)) {
    if (!fs.realpathSync(f).startsWith(realOutdir)) outside.push(f);
    const rel = path.relative(outdir, f);
    const text = fs.readFileSync(f, 'utf8');
    if (f.endsWith('.json') || rel === '.aifactory-output') {
      const doc = JSON.parse(text);
      if (rel.endsWith('cdk.tf.json')) {
        openings.set(
          rel,
          strings(doc).reduce((n, s) => n + templateOpenings(s), 0),
        );
      }
      if (rel.startsWith(`reports${path.sep}prometheus${path.sep}`))
        openings.set(rel, prometheusOpenings(doc.groups));
    }
    if (/\.ya?ml$/.test(f)) {
      if (rel.includes(`${path.sep}templates${path.sep}`)) {
        // Helm runs the template first: no user `{{` may be left outside the escape action.
        if (text.split(HELM_ESCAPE).join('').includes('{{')) helmActions.push(rel);
      }
      const rendered = text.split(HELM_ESCAPE).join('{{');
      for (const d of parseAllDocuments(rendered)) {
        if (d.errors.length > 0) {
          yamlErrors.push([rel, d.errors]);
          continue;
        }
        const o = d.toJS() as { kind?: string; spec?: { groups?: [] } } | null;
        // The rules as the Prometheus Operator hands them to Prometheus, after Helm has rendered them.
        if (o?.kind === 'PrometheusRule')
          openings.set(`${rel}#${openings.size}`, prometheusOpenings(o.spec?.groups ?? []));
      }
    }
    if (f.endsWith('summary.md')) {
      // No raw HTML tag from user text outside code spans (where Markdown shows it as text).
      const outsideCode = text.replace(/(`+)[\s\S]*?[^`]\1(?!`)/g, '');
      const tag = /<[a-zA-Z/!?]/.exec(outsideCode);
      if (tag) summaryTags.push(`${rel}: ${outsideCode.slice(Math.max(0, tag.index - 40), tag.index + 40)}`);
    }
  }
  expect({ outside, helmActions, yamlErrors, summaryTags }).toEqual({
    outside: [],
    helmActions: [],
    yamlErrors: [],
    summaryTags: [],
  });
}

let tmp: string;
beforeAll(() => (tmp = scratchDir('aifactory-inject-')));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let run = 0;
/** Synthesizes with `text` in `slot`: either a one-line construction error, or output that passes every check. */
function check(slot: Slot, text: string, baseline: Map<Slot, Map<string, number>>): void {
  const parent = path.join(tmp, `run-${++run}`);
  fs.mkdirSync(parent);
  const outdir = path.join(parent, 'out');
  try {
    synth(slot, text, outdir);
  } catch (e) {
    // A DesignError names the construct path; the constructs library's own refusal (an empty
    // id) is one line too, and the command prefixes it with the app file.
    const message = (e as Error).message;
    expect(message).not.toMatch(/[\r\n]/);
    if ((e as Error).name !== 'DesignError')
      expect(message).toBe('Only root constructs may have an empty ID');
    fs.rmSync(parent, { recursive: true, force: true });
    return;
  }
  // Nothing beside the two declared output directories: the outdir and the GitOps tree.
  expect(fs.readdirSync(parent).sort()).toEqual(['gitops', 'out']);
  const openings = inspect(outdir);
  // Every `${` / `%{` Terraform evaluates is one the library wrote: as many as with benign text.
  const expected = baseline.get(slot)!;
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  expect(total(openings)).toBe(total(expected));
  fs.rmSync(parent, { recursive: true, force: true });
}

const HOSTILE = [
  '{{ exec "id" }}',
  '{{ .Values.secret }}',
  '{{{',
  '${file("/etc/passwd")}',
  '${var.token}',
  '%{ if true }x%{ endif }',
  '$${already}',
  'a\nkind: Secret',
  'x\r\ny',
  '../../etc/passwd',
  '..',
  '.',
  '/abs',
  'a\\b',
  'key: value',
  '- item',
  '&anchor *alias',
  '!!binary AAAA',
  '"quoted"',
  "'single'",
  '# comment',
  '<script>alert(1)</script>',
  '`code` | pipe',
  'ünïcödé ☃ 🚀',
  '\u202eevil',
  '\u0000',
  'x'.repeat(10_000),
  '',
  ' ',
];

const hostile = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc
    .array(
      fc.oneof(fc.constantFrom(...HOSTILE), fc.string(), fc.constantFrom('a', 'b', '-', '.', '{', '$', '%')),
      {
        minLength: 1,
        maxLength: 5,
      },
    )
    .map((parts) => parts.join('')),
);

describe('hostile strings through every construct prop that reaches the output', () => {
  const baseline = new Map<Slot, Map<string, number>>();
  beforeAll(() => {
    const outdir = path.join(tmp, 'baseline', 'out');
    fs.mkdirSync(path.dirname(outdir));
    synth('stack id', 'lab', outdir);
    const openings = inspect(outdir);
    for (const s of SLOTS) baseline.set(s, openings);
  });

  test.each(SLOTS.map((s) => [s]))(
    '%s: each fixed hostile string',
    (slot) => {
      for (const text of HOSTILE) check(slot, text, baseline);
    },
    120_000,
  );

  test('fast-check: random hostile strings in random props', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SLOTS), hostile, (slot, text) => check(slot, text, baseline)),
      { numRuns: 150, seed: 12 },
    );
  }, 300_000);
});

describe('the escapes, on their own', () => {
  test('terraformLiteral doubles ${ and %{ and leaves cdktf tokens alone', () => {
    expect(terraformLiteral('${file("x")} %{ if a }b%{ endif } $${kept} ${TfToken[TOKEN.3]}')).toBe(
      '$${file("x")} %%{ if a }b%%{ endif } $$${kept} ${TfToken[TOKEN.3]}',
    );
  });

  test('a Scaleway description reaches cdk.tf.json escaped, and Terraform reads it back as written', () => {
    const text = '${file("/etc/passwd")} %{ if true }x%{ endif }';
    const outdir = path.join(tmp, 'description', 'out');
    fs.mkdirSync(path.dirname(outdir));
    synth('scaleway description', text, outdir);
    const tf = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks/cloud/cdk.tf.json'), 'utf8'));
    const [cluster] = Object.values(tf.resource.scaleway_k8s_cluster) as { description: string }[];
    expect(cluster.description).toBe('$${file("/etc/passwd")} %%{ if true }x%%{ endif }');
    expect(cluster.description.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{')).toBe(text);
    // References the library builds stay references: the cloud stack outputs the Kapsule
    // connection, and the cluster's platform stack reads it back through the remote state.
    const outputs = Object.values(tf.output as Record<string, { value: unknown }>).map((o) => o.value);
    const [name] = Object.keys(tf.resource.scaleway_k8s_cluster);
    expect(outputs).toContain(`\${scaleway_k8s_cluster.${name}.kubeconfig[0].host}`);
    const platform = JSON.parse(
      fs.readFileSync(path.join(outdir, 'stacks/cloud-training-platform/cdk.tf.json'), 'utf8'),
    );
    expect(JSON.stringify(platform.provider)).toContain('${data.terraform_remote_state.');
    expect(JSON.stringify(platform.provider)).not.toContain('$${');
  });

  test('helmLiteral: Helm renders ``{{`{{`}}`` to {{, so the chart shows the text as written', () => {
    expect(helmLiteral('a: {{ exec "id" }} {{{')).toBe('a: {{`{{`}} exec "id" }} {{`{{`}}{');
  });

  test('power alerts: a site id with a template action reaches the alert labels and annotations as text', () => {
    const outdir = path.join(tmp, 'alerts', 'out');
    fs.mkdirSync(path.dirname(outdir));
    synth('site id', '{{ query "up" }}', outdir);
    const rules = JSON.parse(
      fs.readFileSync(path.join(outdir, 'reports/prometheus/cluster.rules.json'), 'utf8'),
    );
    const alert = (rules.groups as { rules: { alert?: string; labels: object; annotations: object }[] }[])
      .flatMap((g) => g.rules)
      .find((r) => r.alert === 'AifactorySiteFacilityPowerAboveGridConnection')!;
    // Prometheus expands ``{{`{{`}}`` to {{: the summary shows the path as written.
    expect(alert.annotations).toMatchObject({
      summary: expect.stringMatching(/^Site lab\/\{\{`\{\{`\}\} query "up" \}\} draws /),
      description: expect.stringContaining('draws {{ $value | humanize }}W'),
    });
    expect(prometheusOpenings(rules.groups)).toBeGreaterThan(0); // the library's own {{ $value }}
    expect(JSON.stringify(alert)).not.toContain('{{ query');
  });

  test('Markdown: HTML and punctuation escaped, paths in code spans that hold any backticks', () => {
    expect(mdText('<img src=x onerror=alert(1)> *b* | c & `d`')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; \\*b\\* \\| c &amp; \\`d\\`',
    );
    expect(mdCode('lab/``x`/y')).toBe('```lab/``x`/y```');
    expect(mdCode('`start')).toBe('`` `start ``');
    expect(mdCode('a\nb|c')).toBe('`a b\\|c`');
  });
});

describe('the HTML report shows hostile ids as text', () => {
  test('a site id and a rack id with HTML tags: escaped in the page and in its embedded data', async () => {
    const app = new AiFactoryApp({ outdir: path.join(tmp, 'html') });
    const site = new Site(new PhysicalStack(app, 'lab'), '<script>alert(1)</script>', {
      country: 'FR',
      gridConnectionMw: 1,
      designPue: 1.2,
    });
    const hall = new Hall(site, 'hall', { designKwPerRack: 150, rackPositions: 1 });
    const ups = new Ups(site, 'ups', { moduleRatingKw: 200, feeds: [site.grid] });
    new Rack(hall, '<img src=x onerror=alert(2)>', { system: 'gb200-nvl72', feeds: [ups] });
    const html = await reportHtml(evaluate(app));
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;');
    expect(html).toContain('&lt;img src=x');
  }, 60_000);
});

describe('refused at construction, one line naming the construct path and the prop', () => {
  const app = () => new AiFactoryApp({ outdir: path.join(tmp, 'refused') });

  test('DraDriver computeDomainNamespace with a Helm action', () => {
    expect(() => synth('computeDomainNamespace', '{{ exec "id" }}', path.join(tmp, 'r1'))).toThrow(
      'lab/cluster/dra: computeDomainNamespace must be a DNS-1123 label (at most 63 characters of a-z, 0-9 and \'-\', starting and ending with a letter or digit), got "{{ exec \\"id\\" }}"',
    );
  });

  test('a namespace with a newline that would inject YAML', () => {
    expect(() => synth('tenant namespace', 'a\nkind: Secret', path.join(tmp, 'r2'))).toThrow(
      /^lab\/cluster\/kueue\/lab-a: namespace must be a DNS-1123 label .*, got "a\\nkind: Secret"$/,
    );
  });

  test('a 64-character cluster name: one over the DNS-1123 limit', () => {
    expect(() => synth('cluster name', 'a'.repeat(64), path.join(tmp, 'r3'))).toThrow(
      /^lab\/cluster: name must be a DNS-1123 label/,
    );
    expect(() => synth('cluster name', 'a'.repeat(63), path.join(tmp, 'r3b'))).not.toThrow();
  });

  test.each([
    ['..', 'is a relative path'],
    ['.', 'is a relative path'],
    ['a\nb', 'holds control characters (line breaks, tabs, ...)'],
    ['a\\b', "holds a path separator ('/' or '\\')"],
    ['{x}', "must be letters, digits, '-', '_' and '.', starting with a letter or digit"],
  ])('stack id %j: refused', (id, problem) => {
    expect(() => new PhysicalStack(app(), id)).toThrow(`<app>: stack id ${JSON.stringify(id)} ${problem}`);
  });

  test('a plain TerraformStack with id "..": refused before anything is checked or written', () => {
    const a = app();
    new TerraformStack(a, '..');
    expect(() => evaluate(a)).toThrow('<app>: construct id ".." is a relative path');
  });

  test('a 201-character id: refused (ENAMETOOLONG otherwise)', () => {
    expect(() => new PhysicalStack(app(), 'x'.repeat(201))).toThrow(
      `<app>: stack id ${JSON.stringify('x'.repeat(77) + '...')} is 201 characters long (at most 200)`,
    );
  });

  test('a literal Kubernetes token (process.env.KUBE_TOKEN) is refused; a sensitive variable is accepted', () => {
    const a = app();
    const stack = new TerraformStack(a, 'k');
    const connection = { host: 'https://k8s.example.org', clusterCaCertificate: 'PEM' };
    expect(
      () =>
        new GpuCluster(stack, 'c', {
          racks: [],
          delivery: Delivery.terraform(),
          connection: { ...connection, token: 'eyJhbGciOi.secret' },
        }),
    ).toThrow(
      "k/c: connection.token must be a Terraform reference (a Kapsule cluster's platformTarget.token, or a sensitive TerraformVariable's stringValue), not a literal: it would be written in clear into cdk.tf.json; leave connection out to take the token from the environment (KUBE_TOKEN)",
    );
    const token = new TerraformVariable(stack, 'token', { type: 'string', sensitive: true }).stringValue;
    expect(
      () =>
        new GpuCluster(stack, 'd', {
          racks: [],
          delivery: Delivery.terraform(),
          connection: { ...connection, token },
        }),
    ).not.toThrow();
  });
});
