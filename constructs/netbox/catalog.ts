import { Construct } from 'constructs';
import { IResolvable, TerraformLocal, TerraformStack, Token } from 'cdktf';
import { DesignError } from '../../src/errors';
import { GLOBAL_KINDS, InventoryKind } from '../../src/netbox/inventory';
import { NetboxReferable } from './object';

/** A created NetBox object and its id as a number token, per stack that refers to it. */
interface Entry {
  readonly resource: NetboxReferable;
  readonly idIn: Map<TerraformStack, number>;
}

/**
 * The NetBox objects kept once per NetBox instance (tenant, manufacturers, rack and device
 * roles and types), by kind and key. Inventories of several sites writing to one NetBox
 * share a catalog, so each object is created once (in the first inventory that needs it)
 * and the others refer to it, across stacks through cdktf cross-stack references.
 */
export class NetboxCatalog {
  /** @internal */
  readonly entries = new Map<string, Entry>();
}

/**
 * The `id` of a resource, referred to from its own stack: resolves to `${type.name.id}`, as
 * `resource.getStringAttribute('id')` does there, without the two tokens and stack traces that
 * costs (one per rack and device: thousands at campus scale).
 */
class IdInOwnStack implements IResolvable {
  readonly creationStack: string[] = [];

  constructor(private readonly resource: NetboxReferable) {}

  resolve(): string {
    return `\${${this.resource.terraformResourceType}.${this.resource.friendlyUniqueId}.id}`;
  }

  toString(): string {
    return Token.asString(this);
  }
}

/** Where ids are used: the construct and stack of the resources that refer to them. */
export interface NetboxConsumer {
  readonly scope: Construct;
  readonly stack: TerraformStack;
}

/**
 * NetBox ids of one inventory's objects, as number tokens for `*_id` attributes. An id used
 * in another stack than its resource's goes through one `locals` entry of that stack (one
 * cross-stack reference per object and stack, however many resources refer to it).
 */
export class NetboxIds {
  private readonly local = new Map<string, Entry>();

  constructor(readonly catalog: NetboxCatalog) {}

  private mapOf(kind: InventoryKind): Map<string, Entry> {
    return GLOBAL_KINDS.includes(kind) ? this.catalog.entries : this.local;
  }

  has(kind: InventoryKind, key: string): boolean {
    return this.mapOf(kind).has(`${kind}:${key}`);
  }

  /** Records a created object (a `NetboxObject`, or any cdktf resource). */
  set(kind: InventoryKind, key: string, resource: NetboxReferable): void {
    this.mapOf(kind).set(`${kind}:${key}`, { resource, idIn: new Map() });
  }

  /** The id of an object created earlier, for use by `consumer`; a DesignError naming `path` when there is none. */
  get(kind: InventoryKind, key: string, consumer: NetboxConsumer, path: string): number {
    const entry = this.mapOf(kind).get(`${kind}:${key}`);
    if (entry === undefined) {
      throw new DesignError(path, `refers to NetBox ${kind} '${key}', which is not created`);
    }
    let id = entry.idIn.get(consumer.stack);
    if (id === undefined) {
      const resource = entry.resource;
      if (resource.cdktfStack === consumer.stack) {
        id = Token.asNumber(new IdInOwnStack(resource));
      } else {
        let refs = consumer.scope.node.tryFindChild('ids') as Construct | undefined;
        refs ??= new Construct(consumer.scope, 'ids');
        id = new TerraformLocal(refs, `${kind}-${key}`, resource.getStringAttribute('id')).asNumber;
      }
      entry.idIn.set(consumer.stack, id);
    }
    return id;
  }
}
