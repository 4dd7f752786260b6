/**
 * Baseline: plain cdktf synthesizing the same Terraform as an aifactory output directory,
 * without this library's model, checks or other outputs, as a hand-written cdktf program
 * would: every provider and resource built with its typed binding (the generated NetBox and
 * Scaleway bindings, the prebuilt kubernetes and helm providers, the same ones aifactory uses)
 * from the synthesized attributes; what has no typed class here (variables, outputs, locals,
 * data sources, backends) as a raw block. Same conditions as `aifactory synth`: TypeScript
 * loaded in this process, source maps off (as the `aifactory` command runs), stackTraces off.
 *
 * Argument: the output directory to mirror. Prints one JSON line: the CPU of this process up
 * to the end of `app.synth()` less the CPU spent reading and parsing the input files (which a
 * hand-written program does not do), its peak RSS, and a check that the blocks came out the
 * same (every resource and provider of every stack equal to the input, cdktf's `//` metadata
 * aside).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformElement, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

process.setSourceMapsEnabled(false);
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/** A block re-emitted as is, for what has no typed class (variables, outputs, backends). */
class RawBlock extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    private readonly block: Record<string, unknown>,
  ) {
    super(scope, id);
  }

  override toTerraform(): Record<string, unknown> {
    return this.block;
  }
}

type Binding = new (s: Construct, id: string, c: unknown) => Construct;
const root = path.resolve(__dirname, '../..');
const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const kebab = (s: string) => s.replace(/_/g, '-');
/** snake_case keys to the camelCase props of cdktf bindings, recursively (not inside maps of labels). */
function props(v: unknown, key = ''): unknown {
  if (Array.isArray(v)) return v.map((x) => props(x));
  if (v && typeof v === 'object') {
    if (['labels', 'manifest', 'tags', 'annotations', 'data'].includes(key)) return v;
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .filter(([k]) => k !== '//' && k !== 'depends_on' && k !== 'provider')
        .map(([k, x]) => [camel(k), props(x, k)]),
    );
  }
  return v;
}
const bindings = new Map<string, Binding | undefined>();
/** The typed class of a resource type, from the same bindings aifactory uses. */
function bindingFor(type: string, kind: 'resource' | 'provider'): Binding | undefined {
  const key = `${kind} ${type}`;
  if (bindings.has(key)) return bindings.get(key);
  const [provider, ...rest] = type.split('_');
  const name = kind === 'provider' ? 'provider' : kebab(rest.join('_'));
  const module =
    provider === 'netbox' || provider === 'scaleway'
      ? path.join(root, 'generated', provider, name)
      : `@cdktf/provider-${provider}/lib/${name}`;
  let cls: Binding | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(module) as Record<string, unknown>;
    cls = Object.values(mod).find((x) => typeof x === 'function' && 'tfResourceType' in x) as
      Binding | undefined;
  } catch {
    cls = undefined; // no binding: raw block
  }
  bindings.set(key, cls);
  return cls;
}

const src = process.argv[2];
let inputCpuMs = 0;
const readJson = (file: string) => {
  const t = cpuMs();
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  inputCpuMs += cpuMs() - t;
  return json;
};
const manifest = readJson(path.join(src, 'manifest.json')) as {
  stacks: Record<string, { name: string; synthesizedStackPath: string }>;
};
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'aifactory-plain-'));
const app = new App({ outdir: out, skipValidation: true, stackTraces: false });
let typed = 0;
let raw = 0;
// Stack by stack, so the parsed input of one stack is garbage once its constructs are built.
for (const s of Object.values(manifest.stacks)) {
  const tf = readJson(path.join(src, s.synthesizedStackPath)) as Record<string, unknown>;
  const stack = new TerraformStack(app, s.name);
  for (const [type, configs] of Object.entries(
    (tf.provider ?? {}) as Record<string, Record<string, unknown>[]>,
  )) {
    const cls = bindingFor(type, 'provider');
    configs.forEach((c, i) => {
      if (cls) new cls(stack, `provider-${type}-${i}`, props(c));
      else new RawBlock(stack, `provider-${type}-${i}`, { provider: { [type]: [c] } });
    });
  }
  for (const [type, byId] of Object.entries((tf.resource ?? {}) as Record<string, Record<string, unknown>>)) {
    const cls = bindingFor(type, 'resource');
    for (const [id, body] of Object.entries(byId)) {
      if (cls) {
        const r = new cls(stack, id, props(body)) as TerraformElement;
        // Provider aliases and explicit dependencies, as references would write them.
        const b = body as { provider?: string; depends_on?: string[] };
        if (b.provider !== undefined) r.addOverride('provider', b.provider);
        if (b.depends_on !== undefined) r.addOverride('depends_on', b.depends_on);
        typed++;
      } else {
        new RawBlock(stack, `resource-${type}-${id}`, { resource: { [type]: { [id]: body } } });
        raw++;
      }
    }
  }
  for (const [key, block] of Object.entries(tf)) {
    if (key !== '//' && key !== 'provider' && key !== 'resource') new RawBlock(stack, key, { [key]: block });
  }
}
app.synth();
const synthCpuMs = cpuMs() - inputCpuMs;
const peakRssMb = process.resourceUsage().maxRSS / 1024;

// The same blocks? Every resource and provider of every stack, cdktf's metadata aside.
const strip = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(strip)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([k]) => k !== '//')
            .map(([k, x]) => [k, strip(x)]),
        )
      : v;
let blocks = 0;
let differ = 0;
for (const s of Object.values(manifest.stacks)) {
  const a = JSON.parse(fs.readFileSync(path.join(src, s.synthesizedStackPath), 'utf8'));
  const b = JSON.parse(fs.readFileSync(path.join(out, s.synthesizedStackPath), 'utf8'));
  for (const key of ['resource', 'provider']) {
    for (const [type, byId] of Object.entries((a[key] ?? {}) as Record<string, Record<string, unknown>>)) {
      for (const [id, body] of Object.entries(byId)) {
        blocks++;
        if (JSON.stringify(strip(body)) !== JSON.stringify(strip(b[key]?.[type]?.[id]))) {
          differ++;
          if (process.env.BENCH_DEBUG)
            console.error(
              type,
              id,
              JSON.stringify(strip(body)).slice(0, 300),
              JSON.stringify(strip(b[key]?.[type]?.[id])).slice(0, 300),
            );
        }
      }
    }
  }
}
fs.rmSync(out, { recursive: true, force: true });
process.stdout.write(
  JSON.stringify({ typed, raw, blocks, differ, synthCpuMs, inputCpuMs, peakRssMb }) + '\n',
);
