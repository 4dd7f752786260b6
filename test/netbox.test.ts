// NetBox inventory (issue 6): what the essonne-44mw example writes, NetBox's own power
// formula against the model for every feed, allocated draw per rack, the provider schema,
// secrets, determinism and sharding.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { RootConstruct } from 'constructs';
import { Busway, Hall, Rack, Rectifier, RowPdu, Site, Ups } from '../constructs';
import { NetboxCatalog, NetboxInventory, NetboxInventoryProps } from '../constructs/netbox';
import { buildEssonneSite } from '../examples/essonne-44mw/site';
import { DesignError } from '../src/errors';
import { buildPlant, Plant } from '../src/model/plant';
import { netboxAvailablePowerVa, roundHalfEven } from '../src/netbox/formula';
import { splitWhole } from '../src/netbox/inventory';
import { slugOf } from '../src/netbox/names';
import { AiFactoryApp, PhysicalStack } from '../stacks';
import { NetboxStack } from '../stacks/netbox-stack';
import { scratchDir } from './fixtures/scratch';

const root = path.resolve(__dirname, '..');

type Json = Record<string, unknown>;
interface SchemaAttribute {
  required?: boolean;
  optional?: boolean;
}
interface SchemaBlock {
  attributes?: Record<string, SchemaAttribute>;
}
const netboxSchema = (
  JSON.parse(fs.readFileSync(path.join(root, 'schemas/netbox/provider-schema.json'), 'utf8')) as {
    provider_schemas: Record<
      string,
      { provider: { block: SchemaBlock }; resource_schemas: Record<string, { block: SchemaBlock }> }
    >;
  }
).provider_schemas['registry.terraform.io/e-breuninger/netbox']!;
const allowedValues = JSON.parse(
  fs.readFileSync(path.join(root, 'schemas/netbox/allowed-values.json'), 'utf8'),
) as Record<string, Record<string, (string | number)[]>>;

let tmp: string;
beforeAll(() => (tmp = scratchDir('aifactory-netbox-')));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let outdirs = 0;
const newOutdir = () => path.join(tmp, `out-${++outdirs}`);

/** Every stack of a synthesized output directory, by stack name. */
function readStacks(outdir: string): Record<string, Json> {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')) as {
    stacks: Record<string, { synthesizedStackPath: string }>;
  };
  return Object.fromEntries(
    Object.entries(manifest.stacks).map(([name, s]) => [
      name,
      JSON.parse(fs.readFileSync(path.join(outdir, s.synthesizedStackPath), 'utf8')) as Json,
    ]),
  );
}

function synth(app: App): Record<string, Json> {
  app.synth();
  return readStacks(app.outdir);
}

const resourcesOf = (stack: Json) => (stack.resource ?? {}) as Record<string, Record<string, Json>>;
const counts = (stack: Json) =>
  Object.fromEntries(
    Object.entries(resourcesOf(stack)).map(([type, byName]) => [type, Object.keys(byName).length]),
  );

/** The logical name a `${type.name.id}` reference points at. */
function target(ref: unknown, type: string): string {
  const m = new RegExp(`^\\$\\{${type}\\.([^.]+)\\.id\\}$`).exec(String(ref));
  if (!m) throw new Error(`not a reference to ${type}: ${String(ref)}`);
  return m[1];
}

/** A site on the gb200-nvl72 blueprint (the example's) with an inventory in its own stack. */
function essonne(props: Partial<NetboxInventoryProps> = {}, racks?: number) {
  const app = new App({ outdir: newOutdir() });
  const site = buildEssonneSite(new PhysicalStack(app, 'essonne-44mw'), { racks });
  const inventory = new NetboxInventory(new NetboxStack(app, 'netbox'), 'netbox', { site, ...props });
  return { app, site, inventory };
}

// ---------------------------------------------------------------------------------------
// Checks on emitted power feeds and ports, written from NetBox's and the model's definitions.

/** NetBox's PowerFeed.save(): |V| x A x max_utilization / 100, x 1.732 three-phase, Python round(). */
function netboxFormula(feed: Json): number {
  const va =
    Math.abs(feed.voltage as number) *
    (feed.amperage as number) *
    ((feed.max_percent_utilization as number) / 100);
  return roundHalfEven(feed.phase === 'three-phase' ? va * 1.732 : va);
}

interface FeedCheck {
  rack: string;
  side: number;
  netboxVa: number;
  modelVa: number;
  ok: boolean;
}

/**
 * For every rack of the model and every one of its feeds: the emitted power feed (found by
 * rack and type), NetBox's available power from it, and the model's limit of the busway it
 * comes from (rating in kVA x max utilization; V x A x max utilization for DC). Equal up to
 * NetBox's 1.732 for sqrt(3) and its rounding to a whole VA.
 */
function feedChecks(plant: Plant, resources: Record<string, Record<string, Json>>): FeedCheck[] {
  const rackByName = new Map(
    Object.entries(resources.netbox_rack ?? {}).map(([id, r]) => [r.name as string, id]),
  );
  const feedsByRack = new Map<string, Json[]>();
  for (const f of Object.values(resources.netbox_power_feed ?? {})) {
    const r = target(f.rack_id, 'netbox_rack');
    feedsByRack.set(r, [...(feedsByRack.get(r) ?? []), f]);
  }
  const checks: FeedCheck[] = [];
  for (const rack of plant.nodes.filter((n) => n.kind === 'rack')) {
    const id = rackByName.get(rack.rack!.name);
    if (id === undefined) throw new Error(`rack ${rack.rack!.name} not emitted`);
    const feeds = (feedsByRack.get(id) ?? []).sort((a, b) => String(a.name).localeCompare(String(b.name)));
    if (feeds.length !== rack.feeds.length) throw new Error(`rack ${rack.rack!.name}: ${feeds.length} feeds`);
    rack.feeds.forEach((f, side) => {
      const busway = plant.nodes[f];
      const feed = feeds[side];
      if (feed.type !== (side === 0 ? 'primary' : 'redundant'))
        throw new Error(`${feed.name}: type ${feed.type}`);
      // kVA-rated: capacity is kVA x PF of real power; the model compares apparent power.
      const modelVa = (busway.capacityW / busway.powerFactor) * busway.maxUtilization;
      const netboxVa = netboxFormula(feed);
      const slack = feed.phase === 'three-phase' ? modelVa * (1 - 1.732 / Math.sqrt(3)) + 0.5 : 0.5;
      checks.push({
        rack: rack.rack!.name,
        side,
        netboxVa,
        modelVa,
        ok: Math.abs(netboxVa - modelVa) <= slack,
      });
    });
  }
  return checks;
}

/** Allocated draw of every rack: the sum over the power ports of the devices in it. */
function allocatedByRack(resources: Record<string, Record<string, Json>>): Map<string, number> {
  const rackOfDevice = new Map(
    Object.entries(resources.netbox_device ?? {}).map(([id, d]) => [id, target(d.rack_id, 'netbox_rack')]),
  );
  const rackName = new Map(
    Object.entries(resources.netbox_rack ?? {}).map(([id, r]) => [id, r.name as string]),
  );
  const sums = new Map<string, number>();
  for (const p of Object.values(resources.netbox_device_power_port ?? {})) {
    const rack = rackName.get(rackOfDevice.get(target(p.device_id, 'netbox_device'))!)!;
    sums.set(rack, (sums.get(rack) ?? 0) + (p.allocated_draw as number));
  }
  return sums;
}

/** Problems of a resource against the provider schema, the allowed values and NetBox's stored ranges. */
function schemaProblems(type: string, name: string, body: Json): string[] {
  const where = `${type}.${name}`;
  const block = netboxSchema.resource_schemas[type]?.block;
  if (!block) return [`${where}: no such resource type`];
  const problems: string[] = [];
  for (const key of Object.keys(body)) {
    if (key === '//') continue;
    const a = block.attributes?.[key];
    if (!a) problems.push(`${where}.${key}: not in the schema`);
    else if (!a.required && !a.optional) problems.push(`${where}.${key}: read-only`);
  }
  for (const [key, a] of Object.entries(block.attributes ?? {})) {
    if (a.required && !(key in body)) problems.push(`${where}.${key}: required, missing`);
  }
  for (const [key, allowed] of Object.entries(allowedValues[type] ?? {})) {
    if (key in body && !allowed.includes(body[key] as string | number)) {
      problems.push(`${where}.${key}=${String(body[key])}: not an allowed value`);
    }
  }
  const whole = (key: string, min: number, max: number) => {
    const v = body[key];
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= min && (v as number) <= max))
      problems.push(`${where}.${key}=${String(v)}: not a whole number in [${min}, ${max}]`);
  };
  if (type === 'netbox_power_feed') {
    whole('voltage', -32_768, 32_767);
    whole('amperage', 1, 32_767);
    whole('max_percent_utilization', 1, 100);
  }
  if (type === 'netbox_device_power_port') {
    whole('allocated_draw', 1, 2 ** 31 - 1);
    whole('maximum_draw', 1, 2 ** 31 - 1);
    if ((body.allocated_draw as number) > ((body.maximum_draw as number | undefined) ?? Infinity))
      problems.push(`${where}: allocated_draw above maximum_draw`);
  }
  if (type === 'netbox_rack' && 'rack_type_id' in body) {
    for (const k of ['width', 'u_height', 'form_factor'])
      if (k in body) problems.push(`${where}.${k}: conflicts with rack_type_id`);
  }
  if ('slug' in body && !/^[-a-z0-9_]{1,100}$/.test(String(body.slug)))
    problems.push(`${where}.slug: not a slug`);
  if ('color_hex' in body && !/^[0-9a-f]{6}$/.test(String(body.color_hex)))
    problems.push(`${where}.color_hex`);
  const maxName = type === 'netbox_device' ? 64 : 100;
  if ('name' in body && String(body.name).length > maxName)
    problems.push(`${where}.name: longer than ${maxName}`);
  return problems;
}

function allSchemaProblems(stacks: Record<string, Json>): string[] {
  const problems: string[] = [];
  for (const stack of Object.values(stacks)) {
    for (const [type, byName] of Object.entries(resourcesOf(stack))) {
      if (!type.startsWith('netbox_')) continue;
      for (const [name, body] of Object.entries(byName)) problems.push(...schemaProblems(type, name, body));
    }
    for (const body of ((stack.provider as Record<string, Json[]> | undefined)?.netbox ?? []) as Json[]) {
      for (const key of Object.keys(body)) {
        if (!netboxSchema.provider.block.attributes?.[key])
          problems.push(`provider.netbox.${key}: not in the schema`);
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------

describe('essonne-44mw example: the inventory at rack level, as `npx tsx main.ts` writes it', () => {
  const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  let stacks: Record<string, Json>;
  let netbox: Record<string, Record<string, Json>>;
  let plant: Plant;

  beforeAll(() => {
    const outdir = newOutdir();
    const r = spawnSync(process.execPath, [tsx, 'examples/essonne-44mw/main.ts'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CDKTF_OUTDIR: outdir },
    });
    if (r.status !== 0) throw new Error(r.stderr);
    stacks = readStacks(outdir);
    netbox = resourcesOf(stacks['essonne-44mw-netbox']);
    const root2 = new RootConstruct();
    plant = buildPlant(buildEssonneSite(root2));
  });

  test('the physical stack is as before, the inventory in a stack of its own', () => {
    expect(Object.keys(stacks).sort()).toEqual(['essonne-44mw', 'essonne-44mw-netbox']);
    expect(stacks['essonne-44mw'].resource).toBeUndefined();
    const outputs = stacks['essonne-44mw'].output as Record<string, { value: number }>;
    expect([outputs.racks.value, outputs.gpus.value]).toEqual([250, 18_000]);
    expect((stacks['essonne-44mw-netbox'].terraform as Json).backend).toEqual({
      local: { path: '../../../terraform.essonne-44mw-netbox.tfstate' },
    });
  });

  test('counts per kind: 1 site, a location per hall, 250 racks, 2 feeds per rack, a panel per UPS', () => {
    const busways = plant.nodes.filter((n) => n.kind === 'busway');
    const panels = new Set(busways.map((b) => b.feeds[0]));
    expect(panels.size).toBe(32);
    // 32 UPS on the IT train; the mechanical train's 2 UPS feed the CDU pumps, no rack.
    expect(plant.nodes.filter((n) => n.kind === 'ups' && !n.path.includes('/mechanical/'))).toHaveLength(32);
    expect(counts(stacks['essonne-44mw-netbox'])).toEqual({
      netbox_site: 1,
      netbox_location: plant.halls.length,
      netbox_rack: 250,
      netbox_power_feed: 500,
      netbox_power_panel: panels.size,
      netbox_rack_role: 1,
      netbox_rack_type: 1,
      netbox_manufacturer: 1,
    });
    expect(plant.halls).toHaveLength(2);
  });

  test('names follow the layout', () => {
    const byName = (type: string) =>
      Object.values(netbox[type])
        .map((r) => r.name as string)
        .sort();
    expect(byName('netbox_site')).toEqual(['Essonne (Bruyères-le-Châtel)']);
    expect(Object.values(netbox.netbox_site)[0].slug).toBe('essonne-bruyeres-le-chatel');
    expect(byName('netbox_location')).toEqual(['building-1/hall-01', 'building-1/hall-02']);
    expect(byName('netbox_rack').slice(0, 2)).toEqual([
      'building-1-hall-01-su-001-r01',
      'building-1-hall-01-su-001-r02',
    ]);
    expect(byName('netbox_power_panel')[0]).toBe('building-1/mv-01/block-001/ups-a');
    expect(byName('netbox_power_feed').slice(0, 2)).toEqual([
      'building-1-hall-01-su-001-r01-A',
      'building-1-hall-01-su-001-r01-B',
    ]);
    // a rack and its location: the hall it stands in
    const rack = Object.values(netbox.netbox_rack).find((r) => r.name === 'building-1-hall-02-su-017-r01')!;
    expect(netbox.netbox_location[target(rack.location_id, 'netbox_location')].name).toBe(
      'building-1/hall-02',
    );
  });

  test('each feed: its rack, the UPS its busway draws from as panel, A primary and B redundant', () => {
    const feed = Object.values(netbox.netbox_power_feed).find(
      (f) => f.name === 'building-1-hall-01-su-001-r05-B',
    )!;
    expect(feed).toMatchObject({
      type: 'redundant',
      supply: 'ac',
      phase: 'three-phase',
      voltage: 415,
      amperage: 1000,
      max_percent_utilization: 80,
      status: 'planned',
    });
    expect(netbox.netbox_power_panel[target(feed.power_panel_id, 'netbox_power_panel')].name).toBe(
      'building-1/mv-01/block-001/ups-b',
    );
    expect(netbox.netbox_rack[target(feed.rack_id, 'netbox_rack')].name).toBe(
      'building-1-hall-01-su-001-r05',
    );
    const types = Object.values(netbox.netbox_power_feed).map((f) => `${String(f.name).slice(-1)}:${f.type}`);
    expect(new Set(types)).toEqual(new Set(['A:primary', 'B:redundant']));
  });

  test("NetBox's formula gives every feed the model's limit: 1,000 A x 415 V x sqrt(3) x 80% = 575 kVA", () => {
    const checks = feedChecks(plant, netbox);
    expect(checks).toHaveLength(500);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    // NetBox stores round(415 x 1000 x 0.8 x 1.732) = 575,024 VA; the model 575,030.4 VA (sqrt(3)).
    expect(new Set(checks.map((c) => c.netboxVa))).toEqual(new Set([575_024]));
    for (const c of checks) expect(c.modelVa).toBeCloseTo(415 * 1000 * Math.sqrt(3) * 0.8, 6);
  });

  test('every attribute is in the provider schema, required ones are set, enumerations hold', () => {
    expect(allSchemaProblems(stacks)).toEqual([]);
  });

  test('credentials from the environment only: no api_token or server_url written', () => {
    expect(stacks['essonne-44mw-netbox'].provider).toEqual({ netbox: [{}] });
  });
});

describe('the formula cross-check catches a feed that disagrees with the model', () => {
  test('an amperage or a utilization off by one step fails', () => {
    const { app, site } = essonne({}, 16);
    const netbox = resourcesOf(synth(app).netbox);
    const plant = buildPlant(site);
    expect(feedChecks(plant, netbox).every((c) => c.ok)).toBe(true);
    const [first, second] = Object.values(netbox.netbox_power_feed);
    first.amperage = 999;
    second.max_percent_utilization = 81;
    expect(feedChecks(plant, netbox).filter((c) => !c.ok)).toHaveLength(2);
  });

  test('netboxAvailablePowerVa is NetBox’s formula, rounding half to even like Python', () => {
    const feed = { supply: 'ac', voltage: 415, amperage: 1000, maxPercentUtilization: 80 } as const;
    expect(netboxAvailablePowerVa({ ...feed, phase: 'three-phase' })).toBe(575_024);
    expect(netboxAvailablePowerVa({ ...feed, phase: 'single-phase' })).toBe(332_000);
    expect(
      netboxAvailablePowerVa({
        supply: 'dc',
        phase: 'single-phase',
        voltage: -48,
        amperage: 10,
        maxPercentUtilization: 80,
      }),
    ).toBe(384);
    expect([roundHalfEven(0.5), roundHalfEven(1.5), roundHalfEven(2.5), roundHalfEven(2.4)]).toEqual([
      0, 2, 2, 2,
    ]);
  });
});

describe('DC and single-phase circuits', () => {
  function mixed() {
    const app = new App({ outdir: newOutdir() });
    const site = new Site(new PhysicalStack(app, 'lab'), 'lab', { country: 'FR', gridConnectionMw: 20 });
    const hall = new Hall(site, 'hall-1', { designKwPerRack: 250, rackPositions: 8 });
    const rect = ['a', 'b'].map(
      (s) => new Rectifier(site, `rect-${s}`, { ratingKw: 4000, outputVoltageV: 800, feeds: [site.grid] }),
    );
    const dc = rect.map(
      (r, i) =>
        new Busway(site, `dc-${i}`, {
          ratingA: 1600,
          voltageV: 800,
          phases: 'dc',
          maxUtilization: 0.75,
          feeds: [r],
        }),
    );
    new Rack(hall, 'vr1', { system: 'vera-rubin-nvl72', feeds: dc });
    const ups = new Ups(site, 'ups', { moduleRatingKw: 500, modules: 1, feeds: [site.grid] });
    const pdu = new RowPdu(site, 'pdu', {
      ratingA: 63,
      voltageV: 230,
      phases: 1,
      powerFactor: 0.9,
      feeds: [ups],
    });
    new Rack(hall, 'dgx1', { system: 'dgx-b300', designPowerKw: 10, feeds: [pdu] });
    const inventory = new NetboxInventory(new NetboxStack(app, 'netbox'), 'netbox', { site, detail: 'full' });
    return { app, site, inventory };
  }

  test('800 VDC busway: supply dc, V x A x utilization; 230 V row PDU: single-phase AC', () => {
    const { app, site } = mixed();
    const stacks = synth(app);
    const netbox = resourcesOf(stacks.netbox);
    const byName = new Map(Object.values(netbox.netbox_power_feed).map((f) => [f.name, f]));
    expect(byName.get('hall-1-vr1-A')).toMatchObject({
      supply: 'dc',
      phase: 'single-phase',
      voltage: 800,
      amperage: 1600,
      max_percent_utilization: 75,
    });
    expect(byName.get('hall-1-dgx1-A')).toMatchObject({
      supply: 'ac',
      phase: 'single-phase',
      voltage: 230,
      amperage: 63,
      type: 'primary',
    });
    const checks = feedChecks(buildPlant(site), netbox);
    expect(checks.map((c) => [c.rack, c.netboxVa, c.ok])).toEqual([
      ['hall-1-dgx1', 11_592, true], // 230 V x 63 A x 80%
      ['hall-1-vr1', 960_000, true], // 800 V x 1,600 A x 75%
      ['hall-1-vr1', 960_000, true],
    ]);
    expect(allSchemaProblems(stacks)).toEqual([]);
  });

  test('full detail: Vera Rubin power shelves of 110 kW carry 227 kW; DGX systems without shelves carry it themselves', () => {
    const { app } = mixed();
    const netbox = resourcesOf(synth(app).netbox);
    expect([...allocatedByRack(netbox)].sort()).toEqual([
      ['hall-1-dgx1', 10_000],
      ['hall-1-vr1', 227_000],
    ]);
    const ports = Object.values(netbox.netbox_device_power_port);
    expect(ports.filter((p) => p.maximum_draw === 110_000).map((p) => p.allocated_draw)).toEqual([
      56_750, 56_750, 56_750, 56_750,
    ]);
    // DGX B300: no shelves in the catalog, so no maximum_draw; 4 systems share 10 kW.
    expect(ports.filter((p) => p.maximum_draw === undefined).map((p) => p.allocated_draw)).toEqual([
      2_500, 2_500, 2_500, 2_500,
    ]);
  });
});

describe('full detail on the example: devices and power ports', () => {
  let stacks: Record<string, Json>;
  let netbox: Record<string, Record<string, Json>>;
  let plant: Plant;

  beforeAll(() => {
    const { app, site } = essonne({ detail: 'full', maxResourcesPerStack: 20_000 });
    stacks = synth(app);
    netbox = resourcesOf(stacks.netbox);
    plant = buildPlant(site);
  });

  test('counts: 18 compute trays, 9 NVLink switch trays and 8 power shelves per rack, a power port per shelf', () => {
    expect(counts(stacks.netbox)).toEqual({
      netbox_site: 1,
      netbox_location: 2,
      netbox_rack: 250,
      netbox_power_feed: 500,
      netbox_power_panel: 32,
      netbox_rack_role: 1,
      netbox_rack_type: 1,
      netbox_manufacturer: 1,
      netbox_device_role: 3,
      netbox_device_type: 3,
      netbox_device: 250 * (18 + 9 + 8),
      netbox_device_power_port: 250 * 8,
    });
    const types = Object.fromEntries(
      Object.entries(netbox.netbox_device_type).map(([id, t]) => [id, t.model]),
    );
    const perType = new Map<unknown, number>();
    for (const d of Object.values(netbox.netbox_device)) {
      const model = types[target(d.device_type_id, 'netbox_device_type')];
      perType.set(model, (perType.get(model) ?? 0) + 1);
    }
    expect(Object.fromEntries(perType)).toEqual({
      'NVIDIA GB200 NVL72 compute tray': 250 * 18,
      'NVIDIA GB200 NVL72 NVLink switch tray': 250 * 9,
      'NVIDIA GB200 NVL72 power shelf (33 kW)': 250 * 8,
    });
  });

  test("allocated draw per rack (its shelves' power ports) equals its design power; maximum draw is the shelf rating", () => {
    const sums = allocatedByRack(netbox);
    const racks = plant.nodes.filter((n) => n.kind === 'rack');
    expect(sums.size).toBe(250);
    for (const r of racks) expect(sums.get(r.rack!.name)).toBe(r.demandW);
    expect(new Set(racks.map((r) => r.demandW))).toEqual(new Set([132_000]));
    const ports = Object.values(netbox.netbox_device_power_port);
    expect(new Set(ports.map((p) => `${p.allocated_draw}/${p.maximum_draw}`))).toEqual(
      new Set(['16500/33000']),
    );
  });

  test('devices stand in their rack and its location', () => {
    const racks = netbox.netbox_rack;
    const misplaced = Object.values(netbox.netbox_device).filter((d) => {
      const rack = racks[target(d.rack_id, 'netbox_rack')];
      return d.location_id !== rack.location_id || !String(d.name).startsWith(`${rack.name}-`);
    });
    expect(misplaced).toEqual([]);
    expect(Object.values(netbox.netbox_device).map((d) => d.name)).toContain(
      'building-1-hall-02-su-032-r02-power-shelf-08',
    );
  });

  test('schema, enumerations and NetBox ranges hold for every device and port too', () => {
    expect(allSchemaProblems(stacks)).toEqual([]);
  });

  test('a rack whose design power its shelves cannot carry is refused', () => {
    const app = new App({ outdir: newOutdir() });
    const site = new Site(new PhysicalStack(app, 'lab'), 'lab', { country: 'FR', gridConnectionMw: 20 });
    const hall = new Hall(site, 'hall-1', { designKwPerRack: 400, rackPositions: 8 });
    const ups = new Ups(site, 'ups', { moduleRatingKw: 500, modules: 1, feeds: [site.grid] });
    const b = new Busway(site, 'b', { ratingA: 1000, feeds: [ups] });
    new Rack(hall, 'r1', { system: 'gb200-nvl72', designPowerKw: 300, feeds: [b] });
    expect(
      () => new NetboxInventory(new NetboxStack(app, 'netbox'), 'netbox', { site, detail: 'full' }),
    ).toThrow(
      'lab/lab/hall-1/r1: design power 300 kW needs 37.5 kW per power shelf, above the 33 kW shelf rating',
    );
  });

  test('splitWhole: whole watts that sum to the total', () => {
    expect(splitWhole(132_001, 8)).toEqual([16_501, 16_500, 16_500, 16_500, 16_500, 16_500, 16_500, 16_500]);
    expect(splitWhole(10, 0)).toEqual([]);
  });
});

describe('secrets', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env.NETBOX_API_TOKEN = saved.NETBOX_API_TOKEN;
    process.env.NETBOX_SERVER_URL = saved.NETBOX_SERVER_URL;
    if (saved.NETBOX_API_TOKEN === undefined) delete process.env.NETBOX_API_TOKEN;
    if (saved.NETBOX_SERVER_URL === undefined) delete process.env.NETBOX_SERVER_URL;
  });

  const allFiles = (dir: string): string =>
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'))
      .join('\n');

  test.each(['environment', 'variable'] as const)(
    'apiToken %s: the token in the environment is in no output file',
    (mode) => {
      process.env.NETBOX_API_TOKEN = 'nbt_0123456789abcdef-secret';
      process.env.NETBOX_SERVER_URL = 'https://netbox.internal.example';
      const { app } = essonne({ apiToken: mode, serverUrl: 'https://netbox.example.com' }, 8);
      const stacks = synth(app);
      expect(allFiles(app.outdir)).not.toContain('nbt_0123456789abcdef-secret');
      const provider = (stacks.netbox.provider as Record<string, Json[]>).netbox[0];
      if (mode === 'environment') {
        expect(provider).toEqual({ server_url: 'https://netbox.example.com' });
        expect(stacks.netbox.variable).toBeUndefined();
      } else {
        expect(provider).toEqual({
          server_url: 'https://netbox.example.com',
          api_token: '${var.netbox_api_token}',
        });
        expect(stacks.netbox.variable).toEqual({
          netbox_api_token: {
            type: 'string',
            sensitive: true,
            description: 'NetBox API token (set TF_VAR_netbox_api_token; never committed)',
          },
        });
      }
    },
  );

  test('a server URL carrying credentials is refused', () => {
    expect(() => essonne({ serverUrl: 'https://admin:hunter2@netbox.example.com' }, 8)).toThrow(
      'netbox/netbox: serverUrl must not carry credentials or a query',
    );
    expect(() => essonne({ serverUrl: 'netbox.example.com' }, 8)).toThrow(DesignError);
  });
});

describe('determinism', () => {
  test('two synths of the same design are byte-identical', () => {
    const read = (outdir: string) =>
      ['netbox', 'essonne-44mw'].map((s) =>
        fs.readFileSync(path.join(outdir, 'stacks', s, 'cdk.tf.json'), 'utf8'),
      );
    const a = essonne({ tenant: 'Mistral AI' }, 64);
    const b = essonne({ tenant: 'Mistral AI' }, 64);
    a.app.synth();
    b.app.synth();
    expect(read(a.app.outdir)).toEqual(read(b.app.outdir));
    expect(a.inventory.plan).toEqual(b.inventory.plan);
  });

  test('a tenant is created once and assigned to the site, locations and racks', () => {
    const { app } = essonne({ tenant: 'Mistral AI' }, 16);
    const netbox = resourcesOf(synth(app).netbox);
    expect(Object.values(netbox.netbox_tenant)).toEqual([
      expect.objectContaining({ name: 'Mistral AI', slug: 'mistral-ai' }),
    ]);
    const tenant = Object.keys(netbox.netbox_tenant)[0];
    for (const type of ['netbox_site', 'netbox_location', 'netbox_rack']) {
      for (const r of Object.values(netbox[type])) expect(target(r.tenant_id, 'netbox_tenant')).toBe(tenant);
    }
  });
});

describe('sharding: a stack per building or hall, site-level objects in a base stack', () => {
  function sharded(
    shardBy: 'building' | 'hall',
    detail: 'racks' | 'full' = 'racks',
    racks?: number,
    maxResourcesPerStack?: number,
  ) {
    const app = new App({ outdir: newOutdir() });
    const site = buildEssonneSite(new PhysicalStack(app, 'essonne-44mw'), { racks });
    const result = NetboxStack.sharded(app, 'netbox', { site, shardBy, detail, maxResourcesPerStack });
    return { app, site, result, stacks: synth(app) };
  }

  /** Names of every resource of each type, over the given stacks. */
  function namesByType(stacks: Json[]): Record<string, string[]> {
    const union: Record<string, string[]> = {};
    for (const stack of stacks) {
      for (const [type, byName] of Object.entries(resourcesOf(stack)))
        (union[type] ??= []).push(...Object.values(byName).map((r) => String(r.name ?? r.model)));
    }
    for (const list of Object.values(union)) list.sort();
    return union;
  }

  /** The names of the unsharded inventory at full detail of the 192-rack site, synthesized once for the tests that compare shards with it. */
  let unsharded: Record<string, string[]> | undefined;
  const unshardedNames = () =>
    (unsharded ??= namesByType([
      synth(essonne({ detail: 'full', maxResourcesPerStack: 20_000 }, 64 + 128).app).netbox,
    ]));

  test('by hall: base + 2 shards holding together exactly the unsharded inventory', () => {
    const { app, result, stacks } = sharded('hall', 'full', 64 + 128, 20_000);
    expect([...result.shards.keys()]).toEqual(['building-1-hall-01', 'building-1-hall-02']);
    expect(Object.keys(stacks).sort()).toEqual([
      'essonne-44mw',
      'netbox',
      'netbox-building-1-hall-01',
      'netbox-building-1-hall-02',
    ]);
    expect(counts(stacks.netbox)).toEqual({
      netbox_site: 1,
      netbox_manufacturer: 1,
      netbox_rack_role: 1,
      netbox_rack_type: 1,
      netbox_device_role: 3,
      netbox_device_type: 3,
    });
    expect(counts(stacks['netbox-building-1-hall-01'])).toMatchObject({
      netbox_location: 1,
      netbox_rack: 128,
      netbox_power_feed: 256,
    });
    expect(counts(stacks['netbox-building-1-hall-02'])).toMatchObject({
      netbox_location: 1,
      netbox_rack: 64,
      netbox_power_feed: 128,
    });

    const unsharded = unshardedNames();
    const names = ['netbox', 'netbox-building-1-hall-01', 'netbox-building-1-hall-02'];
    expect(namesByType(names.map((n) => stacks[n]))).toEqual(unsharded);
    expect(Object.values(app.manifest.stacks).map((s) => [s.name, s.dependencies])).toEqual([
      ['essonne-44mw', []],
      ['netbox', []],
      ['netbox-building-1-hall-01', ['netbox']],
      ['netbox-building-1-hall-02', ['netbox']],
    ]);
  });

  test('a shard refers to the base through remote state; its own objects by plain reference', () => {
    const { stacks } = sharded('hall', 'racks', 64 + 128);
    const shard = stacks['netbox-building-1-hall-02'];
    expect((shard.data as Record<string, Json>).terraform_remote_state).toEqual({
      'cross-stack-reference-input-netbox': {
        backend: 'local',
        config: { path: '../../../terraform.netbox.tfstate' },
        workspace: '${terraform.workspace}',
      },
    });
    // one local per base object the shard uses, read from the base's remote state
    const locals = shard.locals as Record<string, string>;
    expect(Object.keys(locals)).toHaveLength(3);
    for (const value of Object.values(locals)) {
      expect(value).toMatch(
        /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-netbox\.outputs\.cross-stack-output-netbox_(site|rack_role|rack_type)netbox_/,
      );
    }
    const local = (ref: unknown) => locals[/^\$\{local\.([^}]+)\}$/.exec(String(ref))![1]];
    const rack = Object.values(resourcesOf(shard).netbox_rack)[0];
    expect(local(rack.site_id)).toContain('cross-stack-output-netbox_sitenetbox_sites_essonne');
    expect(local(rack.role_id)).toContain('cross-stack-output-netbox_rack_rolenetbox_rackRoles_gb200-nvl72');
    expect(local(rack.rack_type_id)).toContain(
      'cross-stack-output-netbox_rack_typenetbox_rackTypes_gb200-nvl72',
    );
    expect(rack.location_id).toMatch(/^\$\{netbox_location\./);
    const outputs = stacks.netbox.output as Record<string, { value: string; sensitive: boolean }>;
    expect(
      Object.values(outputs)
        .map((o) => o.value.replace(/\.[^.]+\.id\}$/, ''))
        .sort(),
    ).toEqual(['${netbox_rack_role', '${netbox_rack_type', '${netbox_site']);
    // every feed stands in its rack's stack; every resource in a shard references only the base and itself
    for (const name of ['netbox-building-1-hall-01', 'netbox-building-1-hall-02']) {
      const own = resourcesOf(stacks[name]);
      for (const f of Object.values(own.netbox_power_feed)) {
        expect(own.netbox_rack[target(f.rack_id, 'netbox_rack')]).toBeDefined();
        expect(own.netbox_power_panel[target(f.power_panel_id, 'netbox_power_panel')]).toBeDefined();
      }
    }
    expect(allSchemaProblems(stacks)).toEqual([]);
  });

  test('by building: the whole building in one shard; a panel feeding two halls stays with its building', () => {
    const { stacks } = sharded('building', 'racks', 64 + 128);
    expect(Object.keys(stacks).sort()).toEqual(['essonne-44mw', 'netbox', 'netbox-building-1']);
    expect(counts(stacks['netbox-building-1'])).toEqual({
      netbox_location: 2,
      netbox_rack: 192,
      netbox_power_feed: 384,
      netbox_power_panel: 24,
    });
  });

  test('within the cap of 2,000 resources per stack: a building split into stacks of whole pods', () => {
    const { stacks } = sharded('building', 'full', 64 + 128);
    const parts = [
      'netbox-building-1-01',
      'netbox-building-1-02',
      'netbox-building-1-03',
      'netbox-building-1-04',
      'netbox-building-1-05',
    ];
    expect(Object.keys(stacks).sort()).toEqual(['essonne-44mw', 'netbox', ...parts]);
    const sizes = parts.map((p) => Object.values(counts(stacks[p])).reduce((a, b) => a + b, 0));
    // 5 pods of 8 racks (8 x (1 rack + 2 feeds + 35 devices + 8 ports) = 368 resources) per stack, and their panels
    expect(sizes.every((n) => n <= 2_000)).toBe(true);
    expect(parts.map((p) => counts(stacks[p]).netbox_rack)).toEqual([40, 40, 40, 40, 32]);
    // every pod (su-NNN) whole in one stack
    const stackOfPod = new Map<string, Set<string>>();
    for (const p of parts) {
      for (const r of Object.values(resourcesOf(stacks[p]).netbox_rack)) {
        const pod = /su-\d+/.exec(String(r.name))![0];
        stackOfPod.set(pod, (stackOfPod.get(pod) ?? new Set()).add(p));
      }
    }
    expect(stackOfPod.size).toBe(24);
    expect([...stackOfPod.values()].every((s) => s.size === 1)).toBe(true);
    // halls and the panels of blocks cut by a stack boundary (su-005|006, su-015|016) are shared: in the base
    expect(counts(stacks.netbox)).toMatchObject({ netbox_location: 2, netbox_power_panel: 4 });
    expect(
      Object.values(resourcesOf(stacks.netbox).netbox_power_panel)
        .map((p) => p.name)
        .sort(),
    ).toEqual([
      'building-1/mv-01/block-003/ups-a',
      'building-1/mv-01/block-003/ups-b',
      'building-1/mv-01/block-008/ups-a',
      'building-1/mv-01/block-008/ups-b',
    ]);
    expect(namesByType(['netbox', ...parts].map((n) => stacks[n]))).toEqual(unshardedNames());
    expect(allSchemaProblems(stacks)).toEqual([]);
  });

  test('an unsharded inventory above the cap is refused, naming the way out', () => {
    expect(() => essonne({ detail: 'full' })).toThrow(
      "netbox/netbox: the inventory of essonne-44mw/bruyeres holds 11,544 resources, above the cap of 2,000 per stack: shard it with NetboxStack.sharded(app, id, { site, shardBy: 'building' })",
    );
    const app = new AiFactoryApp({ outdir: newOutdir(), maxResourcesPerStack: 500 });
    const site = buildEssonneSite(new PhysicalStack(app, 'essonne-44mw'));
    expect(() => new NetboxInventory(new NetboxStack(app, 'netbox'), 'netbox', { site })).toThrow(
      'holds 788 resources, above the cap of 500 per stack',
    );
  });

  test('a power panel feeding racks in two halls goes to the base stack when sharded by hall', () => {
    const app = new App({ outdir: newOutdir() });
    const site = new Site(new PhysicalStack(app, 'lab'), 'lab', { country: 'FR', gridConnectionMw: 20 });
    const ups = new Ups(site, 'ups', { moduleRatingKw: 1000, modules: 1, feeds: [site.grid] });
    for (const h of ['hall-1', 'hall-2']) {
      const hall = new Hall(site, h, { designKwPerRack: 140, rackPositions: 8 });
      const b = new Busway(site, `busway-${h}`, { ratingA: 1000, feeds: [ups] });
      new Rack(hall, 'r1', { system: 'gb200-nvl72', feeds: [b] });
    }
    const { base, shards } = NetboxStack.sharded(app, 'nb', { site, shardBy: 'hall' });
    const stacks = synth(app);
    expect([...shards.keys()]).toEqual(['hall-1', 'hall-2']);
    expect(counts(stacks[base.node.id]).netbox_power_panel).toBe(1);
    const shard = resourcesOf(stacks['nb-hall-2']);
    expect(shard.netbox_power_panel).toBeUndefined();
    const panelRef = /^\$\{local\.([^}]+)\}$/.exec(
      String(Object.values(shard.netbox_power_feed)[0].power_panel_id),
    )!;
    expect((stacks['nb-hall-2'].locals as Record<string, string>)[panelRef[1]]).toMatch(
      /cross-stack-output-netbox_power_panel/,
    );
  });
});

describe('descriptions as NetBox stores them (200 characters)', () => {
  test('a description longer than NetBox stores is cut to 199 characters and an ellipsis, counted as NetBox counts', () => {
    const app = new App({ outdir: newOutdir() });
    const site = new Site(new PhysicalStack(app, 'lab'), 'lab', { country: 'FR', gridConnectionMw: 20 });
    const name = `hall ${'😀'.repeat(3000)}`;
    const hall = new Hall(site, 'hall-1', { designKwPerRack: 140, rackPositions: 8, name });
    const ups = new Ups(site, 'ups', { moduleRatingKw: 1000, modules: 1, feeds: [site.grid] });
    new Rack(hall, 'r1', {
      system: 'gb200-nvl72',
      feeds: [new Busway(site, 'b', { ratingA: 1000, feeds: [ups] })],
    });
    const stack = new NetboxStack(app, 'netbox');
    new NetboxInventory(stack, 'netbox', { site });
    const tf = JSON.parse(Testing.synth(stack)) as {
      resource: Record<string, Record<string, { description?: string }>>;
    };
    const descriptions = Object.values(tf.resource).flatMap((blocks) =>
      Object.values(blocks).map((b) => b.description ?? ''),
    );
    expect(Math.max(...descriptions.map((d) => Array.from(d).length))).toBe(200);
    const [location] = Object.values(tf.resource.netbox_location);
    expect(location.description!.endsWith('😀…')).toBe(true);
    expect(Array.from(location.description!)).toHaveLength(200);
  });
});

describe('inputs the inventory refuses, with the construct path', () => {
  function lab() {
    const app = new App({ outdir: newOutdir() });
    const site = new Site(new PhysicalStack(app, 'lab'), 'lab', { country: 'FR', gridConnectionMw: 20 });
    const hall = new Hall(site, 'hall-1', { designKwPerRack: 140, rackPositions: 8 });
    const ups = new Ups(site, 'ups', { moduleRatingKw: 1000, modules: 1, feeds: [site.grid] });
    return { app, site, hall, ups };
  }
  const inventory = (app: App, props: NetboxInventoryProps) =>
    new NetboxInventory(new NetboxStack(app, 'netbox'), 'netbox', props);

  test('a maximum utilization NetBox cannot store as a whole percent', () => {
    const { app, site, hall, ups } = lab();
    const b = new Busway(site, 'b', { ratingA: 1000, maxUtilization: 0.825, feeds: [ups] });
    new Rack(hall, 'r1', { system: 'gb200-nvl72', feeds: [b] });
    expect(() => inventory(app, { site })).toThrow(
      'lab/lab/b: maxUtilization 0.825 cannot be written to NetBox, which stores a whole percent',
    );
  });

  test('amps that are not whole', () => {
    const { app, site, hall, ups } = lab();
    const b = new Busway(site, 'b', { ratingA: 1000.5, feeds: [ups] });
    new Rack(hall, 'r1', { system: 'gb200-nvl72', feeds: [b] });
    expect(() => inventory(app, { site })).toThrow('lab/lab/b: ratingA 1000.5 cannot be written to NetBox');
  });

  test('a rack fed straight from a UPS (no busway: no volts and amps for a power feed)', () => {
    const { app, site, hall, ups } = lab();
    new Rack(hall, 'r1', { system: 'gb200-nvl72', feeds: [ups] });
    expect(() => inventory(app, { site })).toThrow(
      'lab/lab/hall-1/r1: is fed from lab/lab/ups, a UPS: NetBox power feeds are written for busways and row PDUs',
    );
  });

  test('a busway with no feed has no power panel', () => {
    const { app, site, hall } = lab();
    new Rack(hall, 'r1', { system: 'gb200-nvl72', feeds: [new Busway(site, 'b', { ratingA: 1000 })] });
    expect(() => inventory(app, { site })).toThrow('lab/lab/b: busway has no feed: no NetBox power panel');
  });

  test('bad props', () => {
    const { app, site } = lab();
    expect(() => inventory(app, { site, detail: 'all' as 'full' })).toThrow(
      "netbox/netbox: detail must be 'racks' or 'full', got 'all'",
    );
    const app2 = lab().app;
    expect(() => inventory(app2, { site, rackFrame: { widthIn: 20 as 19 } })).toThrow(
      'rackFrame.widthIn must be 10, 19, 21 or 23, got 20',
    );
    expect(() => NetboxStack.sharded(lab().app, 'nb', { site, shardBy: 'row' as 'hall' })).toThrow(
      "nb: shardBy must be 'building' or 'hall', got 'row'",
    );
  });

  test('racks added after the inventory fail synthesis instead of being left out', () => {
    const { app, site, hall, ups } = lab();
    const b = new Busway(site, 'b', { ratingA: 1000, feeds: [ups] });
    new Rack(hall, 'r1', { system: 'gb200-nvl72', feeds: [b] });
    inventory(app, { site });
    new Rack(hall, 'r2', { system: 'gb200-nvl72', feeds: [b] });
    expect(() => app.synth()).toThrow(
      'netbox/netbox: the NetBox inventory read 1 racks and 1 rack feeds of lab/lab, which now has 2 and 2: declare the inventory after the racks',
    );
  });

  test('two sites sharing a catalog create the manufacturer, role and type once', () => {
    const app = new App({ outdir: newOutdir() });
    const catalog = new NetboxCatalog();
    const stack = new NetboxStack(app, 'netbox');
    for (const name of ['paris-1', 'paris-2']) {
      const site = new Site(new PhysicalStack(app, name), name, { country: 'FR', gridConnectionMw: 20 });
      const hall = new Hall(site, 'hall-1', { designKwPerRack: 140, rackPositions: 8 });
      const ups = new Ups(site, 'ups', { moduleRatingKw: 1000, modules: 1, feeds: [site.grid] });
      new Rack(hall, 'r1', {
        system: 'gb200-nvl72',
        feeds: [new Busway(site, 'b', { ratingA: 1000, feeds: [ups] })],
      });
      new NetboxInventory(stack, `inventory-${name}`, { site, catalog });
    }
    const stacks = synth(app);
    expect(counts(stacks.netbox)).toEqual({
      netbox_site: 2,
      netbox_manufacturer: 1,
      netbox_rack_role: 1,
      netbox_rack_type: 1,
      netbox_location: 2,
      netbox_rack: 2,
      netbox_power_panel: 2,
      netbox_power_feed: 2,
    });
    expect(Object.values(resourcesOf(stacks.netbox).netbox_site).map((s) => s.slug)).toEqual([
      slugOf('paris-1'),
      slugOf('paris-2'),
    ]);
  });
});
