import { Construct } from 'constructs';
import { DefaultTokenResolver, ref, StringConcat, TerraformStack, Token, Tokenization } from 'cdktf';
import { DesignError } from '../../src/errors';
import { terraformLiteral, terraformLiteralDeep } from '../../src/terraform-literal';

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
 * (what the NetBox inventory writes), without meta-arguments. Tokens in it resolve in the
 * stack (ids of objects in the same stack; cross-stack ids go through a `TerraformLocal`).
 */
export class NetboxObject extends Construct implements NetboxReferable {
  readonly cdktfStack: TerraformStack;
  private logicalId: string | undefined;

  constructor(
    scope: Construct,
    id: string,
    readonly terraformResourceType: string,
    readonly config: object,
  ) {
    super(scope, id);
    const meta = META_ARGUMENTS.filter((k) => (config as Record<string, unknown>)[k] !== undefined);
    if (meta.length > 0) throw new DesignError(this.node.path, `takes no ${meta.join(', ')}`);
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

  /** The resource block; `value` turns an attribute value into its JSON. */
  block(value: (v: unknown) => unknown): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this.config)) {
      if (v !== undefined) body[snakeCase(k)] = value(v);
    }
    body['//'] = { metadata: { path: terraformLiteral(this.node.path), uniqueId: this.friendlyUniqueId } };
    return body;
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
    // Each token once (an id is referred to by many objects); ids of this stack's objects
    // and locals need no preparing, but a token of another stack's text does.
    const tokens = new Set<unknown>();
    for (const o of objects)
      for (const v of Object.values(o.config)) if (Token.isUnresolved(v)) tokens.add(v);
    if (tokens.size > 0) resolve([...tokens], true);
  };
  const toTerraform = stack.toTerraform.bind(stack);
  stack.toTerraform = () => {
    const tf = toTerraform() as { resource?: Record<string, Record<string, unknown>> };
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
      blocks[o.friendlyUniqueId] = o.block(value);
    }
    return tf;
  };
}
