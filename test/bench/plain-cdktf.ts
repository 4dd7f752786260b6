/**
 * Baseline: plain cdktf synthesizing the same Terraform as an aifactory output directory,
 * without this library's model or checks: every resource, data source and provider built
 * with its typed cdktf binding (the generated NetBox and Scaleway bindings, the prebuilt
 * kubernetes and helm providers) from the synthesized attributes, as a hand-written cdktf
 * program would; variables, outputs and backends as written. Argument: the output
 * directory to mirror. Prints one JSON line.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { App, TerraformElement, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

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

const root = path.resolve(__dirname, '../..');
const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const kebab = (s: string) => s.replace(/_/g, '-');
/** snake_case keys to the camelCase props of cdktf bindings, recursively (not inside maps of labels). */
function props(v: unknown, key = ''): unknown {
  if (Array.isArray(v)) return v.map((x) => props(x));
  if (v && typeof v === 'object') {
    if (['labels', 'manifest', 'tags', 'annotations'].includes(key)) return v;
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .filter(([k]) => k !== '//' && k !== 'depends_on' && k !== 'provider')
        .map(([k, x]) => [camel(k), props(x, k)]),
    );
  }
  return v;
}
/** The typed class of a resource type, from the same bindings aifactory uses. */
function bindingFor(
  type: string,
  kind: 'resource' | 'provider',
): (new (s: Construct, id: string, c: unknown) => Construct) | undefined {
  const [provider, ...rest] = type.split('_');
  const name = kind === 'provider' ? 'provider' : kebab(rest.join('_'));
  const candidates =
    provider === 'netbox' || provider === 'scaleway'
      ? [path.join(root, 'generated', provider, name)]
      : [`@cdktf/provider-${provider}/lib/${name}`];
  for (const c of candidates) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(c);
      const cls = Object.values(mod).find(
        (x) => typeof x === 'function' && 'tfResourceType' in (x as object),
      );
      if (cls) return cls as new (s: Construct, id: string, c: unknown) => Construct;
    } catch {
      // no binding: raw block
    }
  }
  return undefined;
}

const src = process.argv[2];
const manifest = JSON.parse(fs.readFileSync(path.join(src, 'manifest.json'), 'utf8'));
const stacks = Object.values(manifest.stacks).map((s) => {
  const tf = JSON.parse(
    fs.readFileSync(path.join(src, (s as { synthesizedStackPath: string }).synthesizedStackPath), 'utf8'),
  );
  return { name: (s as { name: string }).name, tf };
});

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'aifactory-plain-'));
const t0 = performance.now();
const app = new App({ outdir: out, skipValidation: true, stackTraces: false });
let typed = 0;
let raw = 0;
for (const { name, tf } of stacks) {
  const stack = new TerraformStack(app, name);
  for (const [type, configs] of Object.entries(
    (tf.provider ?? {}) as Record<string, Record<string, unknown>[]>,
  )) {
    const cls = bindingFor(type, 'provider');
    configs.forEach((c, i) => (cls ? new cls(stack, `provider-${type}-${i}`, props(c)) : null));
  }
  for (const [type, byId] of Object.entries((tf.resource ?? {}) as Record<string, Record<string, unknown>>)) {
    const cls = bindingFor(type, 'resource');
    for (const [id, body] of Object.entries(byId)) {
      if (cls) {
        new cls(stack, id, props(body));
        typed++;
      } else {
        new RawBlock(stack, `resource-${type}-${id}`, { resource: { [type]: { [id]: body } } });
        raw++;
      }
    }
  }
  for (const key of ['data', 'variable', 'output', 'terraform']) {
    if (tf[key]) new RawBlock(stack, key, { [key]: tf[key] });
  }
}
app.synth();
const ms = performance.now() - t0;
fs.rmSync(out, { recursive: true, force: true });
process.stdout.write(
  JSON.stringify({ typed, raw, ms, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n',
);
