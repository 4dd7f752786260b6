import { Construct } from 'constructs';
import { DefaultTokenResolver, ref, StringConcat, TerraformStack, Token, Tokenization } from 'cdktf';
import { DesignError } from '../../src/errors';
import { terraformLiteral, terraformLiteralDeep } from '../../src/terraform-literal';
import { isMap } from '../../src/upstream/key-path';

/**
 * What refers to a NetBox object's `id`: a `NetboxObject`, or any cdktf resource (the catalog
 * takes either).
 */
export interface NetboxReferable {
  readonly terraformResourceType: string;
  readonly friendlyUniqueId: string;
  readonly cdktfStack: TerraformStack;
  getStringAttribute(terraformAttribute: string): string;
}

/** Terraform meta-arguments a config may carry in the generated bindings; a NetBox object takes none. */
const META_ARGUMENTS = [
  'dependsOn',
  'count',
  'provider',
  'lifecycle',
  'forEach',
  'connection',
  'provisioners',
];

const objectsOf = new WeakMap<TerraformStack, NetboxObject[]>();
/** How cdktf resolves a stack's tokens when it writes the stack. */
const RESOLVER = new DefaultTokenResolver(new StringConcat());

/**
 * One NetBox object, written as the Terraform resource block cdktf writes for the typed
 * resource of the generated binding (`generated/netbox/`) with the same config, at the same
 * construct path and logical id: attributes in snake case, `//` metadata with the path and
 * unique id, user text made literal (`$${`), ids of other objects as references. The blocks
 * are added to the JSON of their stack when cdktf asks the stack for it (`toTerraform()`,
 * wrapped once per stack), not resolved by cdktf: a campus has 19,000 of them, and a cdktf
 * resource costs its construct, its tokens and three resolve passes over its attributes
 * (most of a campus synth).
 *
 * The config is typed by the generated binding's `*Config` interface; scalar attributes only
 * (what the NetBox inventory writes), without meta-arguments. Its numbers may be tokens (ids of
 * objects in the same stack; cross-stack ids go through a `TerraformLocal`); its text may not:
 * NetBox text comes from the design, and a token there (or text spelling one, `${TfToken[...]}`)
 * would have Terraform write another value of the stack, the API token variable say, into
 * NetBox. `addOverride` works as on a cdktf resource, and so does the stack's.
 */
export class NetboxObject extends Construct implements NetboxReferable {
  /** True for a NetboxObject of any copy of this library. */
  static isNetboxObject(x: unknown): x is NetboxObject {
    return typeof x === 'object' && x !== null && NETBOX_OBJECT in x;
  }

  readonly cdktfStack: TerraformStack;
  private logicalId: string | undefined;
  private readonly rawOverrides: Record<string, unknown> = {};

  constructor(
    scope: Construct,
    id: string,
    readonly terraformResourceType: string,
    readonly config: object,
  ) {
    super(scope, id);
    Object.defineProperty(this, NETBOX_OBJECT, { value: true });
    const meta = META_ARGUMENTS.filter((k) => (config as Record<string, unknown>)[k] !== undefined);
    if (meta.length > 0) throw new DesignError(this.node.path, `takes no ${meta.join(', ')}`);
    for (const [k, v] of Object.entries(config)) {
      if (typeof v === 'string' && Token.isUnresolved(v)) {
        throw new DesignError(
          this.node.path,
          `${k} holds a cdktf token (${JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}...` : v)}): NetBox text must be plain text from the design`,
        );
      }
    }
    this.cdktfStack = TerraformStack.of(this);
    let objects = objectsOf.get(this.cdktfStack);
    if (objects === undefined) {
      objectsOf.set(this.cdktfStack, (objects = []));
      writeInto(this.cdktfStack, objects);
    }
    objects.push(this);
  }

  /** Its logical id in the stack, as cdktf allocates it for an element at its path. */
  get friendlyUniqueId(): string {
    return (this.logicalId ??= this.cdktfStack.getLogicalId(this.node));
  }

  /** A reference to one of its attributes, as a cdktf resource's `getStringAttribute` gives it. */
  getStringAttribute(terraformAttribute: string): string {
    return Token.asString(
      ref(`${this.terraformResourceType}.${this.friendlyUniqueId}.${terraformAttribute}`, this.cdktfStack),
    );
  }

  /**
   * Overrides a field of the written block, as `TerraformElement.addOverride` does: a dotted
   * path of Terraform names (`lifecycle.prevent_destroy`), `undefined` to delete.
   */
  addOverride(path: string, value: unknown): void {
    const parts = path.split('.');
    let at = this.rawOverrides;
    for (const part of parts.slice(0, -1)) {
      const next = at[part];
      at = (at[part] =
        typeof next === 'object' && next !== null && !Array.isArray(next) ? next : {}) as Record<
        string,
        unknown
      >;
    }
    at[parts[parts.length - 1]] = value;
  }

  /** The top-level fields it overrides, as cdktf lists a resource's in the stack's metadata. */
  overridden(): string[] {
    return Object.keys(this.rawOverrides);
  }

  /** What cdktf's preparing pass must see of it: the tokens of its config, and its overrides. */
  preparing(): unknown[] {
    const out = Object.values(this.config).filter((v) => Token.isUnresolved(v));
    return Object.keys(this.rawOverrides).length > 0 ? [...out, this.rawOverrides] : out;
  }

  /** The resource block; `value` turns an attribute value into its JSON. */
  block(value: (v: unknown) => unknown): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this.config)) {
      if (v !== undefined) body[snakeCase(k)] = value(v);
    }
    if (Object.keys(this.rawOverrides).length > 0) mergeInto(body, value(this.rawOverrides));
    const metadata = { path: terraformLiteral(this.node.path), uniqueId: this.friendlyUniqueId };
    const comment = body['//'];
    body['//'] = { ...(isMap(comment) ? comment : {}), metadata };
    return body;
  }
}

const NETBOX_OBJECT = Symbol.for('aifactory.NetboxObject');

/**
 * Merges `source` into `target` as cdktf merges overrides into a block: maps key by key, a list
 * onto a list appended, `undefined` deleting, anything else replacing.
 */
function mergeInto(target: Record<string, unknown>, source: unknown): void {
  if (!isMap(source)) return;
  for (const [k, v] of Object.entries(source)) {
    if (isMap(v)) {
      if (!isMap(target[k])) target[k] = {};
      mergeInto(target[k] as Record<string, unknown>, v);
    } else if (Array.isArray(v)) {
      const was = target[k];
      target[k] = Array.isArray(was) ? [...(was as unknown[]), ...v] : v;
    } else if (v === undefined) {
      delete target[k];
    } else {
      target[k] = v;
    }
  }
}

/** `maxPercentUtilization` -> `max_percent_utilization`, as the bindings name provider attributes. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * Adds the blocks of `objects` to the JSON cdktf makes of `stack`. A plain string or number is
 * written as it is (text made literal); a token, a list or a map is resolved by the stack, each
 * distinct number token once (an id is referred to by many objects).
 */
function writeInto(stack: TerraformStack, objects: readonly NetboxObject[]): void {
  // HCL output (`cdktf synth --hcl`) would leave them out: refused, not written without them.
  stack.toHclTerraform = () => {
    throw new DesignError(
      stack.node.path,
      'holds NetBox inventory, which aifactory writes as Terraform JSON only: synthesize without --hcl',
    );
  };
  const resolve = (x: unknown, preparing = false): unknown =>
    Tokenization.resolve(x, { scope: stack, resolver: RESOLVER, preparing });
  // cdktf finds cross-stack references in a preparing pass over its elements: the tokens in
  // the objects' configs (text from another stack's output, say) take part in it too.
  const prepareStack = stack.prepareStack.bind(stack);
  stack.prepareStack = () => {
    prepareStack();
    // Each value once (an id is referred to by many objects): ids of this stack's objects and
    // locals need no preparing, but a number or an override from another stack does.
    const values = new Set<unknown>();
    for (const o of objects) for (const v of o.preparing()) values.add(v);
    if (values.size > 0) resolve([...values], true);
  };
  const toTerraform = stack.toTerraform.bind(stack);
  stack.toTerraform = () => {
    const tf = toTerraform() as {
      resource?: Record<string, Record<string, unknown>>;
      '//'?: { metadata?: { overrides?: Record<string, string[]> } };
    };
    const ids = new Map<number, unknown>();
    const value = (v: unknown): unknown => {
      if (typeof v === 'number') {
        if (!Token.isUnresolved(v)) return v;
        let id = ids.get(v);
        if (id === undefined) ids.set(v, (id = resolve(Tokenization.reverseNumber(v))));
        return id;
      }
      if (typeof v === 'string') {
        const text = terraformLiteral(v);
        return Token.isUnresolved(text) ? resolve(text) : text;
      }
      return typeof v === 'boolean' ? v : resolve(terraformLiteralDeep(v));
    };
    if (objects.length > 0) tf.resource ??= {};
    for (const o of objects) {
      const blocks = (tf.resource![o.terraformResourceType] ??= {});
      const block = o.block(value);
      // What the stack's own overrides put there (`stack.addOverride('resource.<type>.<id>...')`) wins, as it does over a resource.
      mergeInto(block, blocks[o.friendlyUniqueId]);
      blocks[o.friendlyUniqueId] = block;
      const overridden = o.overridden();
      const metadata = tf['//']?.metadata;
      if (overridden.length > 0 && metadata) {
        // As cdktf merges each resource's metadata into the stack's: the fields, by type, in order.
        metadata.overrides ??= {};
        (metadata.overrides[o.terraformResourceType] ??= []).push(...overridden);
      }
    }
    return tf;
  };
}
