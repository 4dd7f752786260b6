import { Construct } from 'constructs';
import { LocalBackend, TerraformBackend, TerraformStack } from 'cdktf';
import { NetboxCatalog } from '../constructs/netbox/catalog';
import {
  inventoryContext,
  NetboxInventoryProps,
  planNetboxInventory,
  resourceCap,
  watchSite,
} from '../constructs/netbox/inventory';
import { NetboxInventoryPart } from '../constructs/netbox/part';
import { stackId } from '../src/model/ids';
import { DesignError } from '../src/errors';
import { slugOf } from '../src/netbox/names';
import { InventoryPlan } from '../src/netbox/inventory';
import { ShardBy, shardInventory } from '../src/netbox/shards';

export interface ShardedNetboxInventoryProps extends NetboxInventoryProps {
  /** One stack (one Terraform state) per building, or per hall. */
  readonly shardBy: ShardBy;
}

/** The stacks of a sharded NetBox inventory. */
export interface ShardedNetboxInventory {
  /** The site, tenant, manufacturers, roles and types, and the power panels that feed racks of several shards. */
  readonly base: NetboxStack;
  /** A stack per building or hall, by building or hall key (`building-1`, `building-1-hall-02`), in key order. */
  readonly shards: ReadonlyMap<string, NetboxStack>;
  readonly plan: InventoryPlan;
  readonly catalog: NetboxCatalog;
}

/**
 * A Terraform stack holding NetBox inventory (`NetboxInventory`, or a part of a sharded
 * one). Like `PhysicalStack`, its local state path is written relative to the output
 * directory unless the app sets a backend, so the output is the same on every machine.
 */
export class NetboxStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, stackId(scope, id));
  }

  /**
   * The inventory of a site split into stacks: a base stack `id` with the objects shards
   * share, and a stack `<id>-<building or hall>` per shard holding its racks with their power
   * feeds, devices and power ports, and the locations and power panels of only its racks. A
   * building or hall above the cap of resources per stack is split into stacks of whole
   * pods, `<id>-<building or hall>-01`, `-02`, ... Shards refer to the base's objects
   * through cdktf cross-stack references (outputs of the base, read by each shard as remote
   * state into one local per object). Declare it after the racks.
   */
  static sharded(scope: Construct, id: string, props: ShardedNetboxInventoryProps): ShardedNetboxInventory {
    if (props.shardBy !== 'building' && props.shardBy !== 'hall') {
      throw new DesignError(
        `${scope.node.path}/${id}`,
        `shardBy must be 'building' or 'hall', got '${String(props.shardBy)}'`,
      );
    }
    const base = new NetboxStack(scope, id);
    const plan = planNetboxInventory(`${base.node.path}/netbox`, props);
    const catalog = props.catalog ?? new NetboxCatalog();
    const context = inventoryContext(plan, catalog, props);
    const split = shardInventory(plan, props.shardBy, resourceCap(base, props));
    const basePart = new NetboxInventoryPart(base, 'netbox', { objects: split.base, context });
    watchSite(basePart, props.site);
    const shards = new Map<string, NetboxStack>();
    for (const shard of split.shards) {
      const stack = new NetboxStack(scope, `${id}-${slugOf(shard.key)}`);
      new NetboxInventoryPart(stack, 'netbox', { objects: shard.objects, context });
      shards.set(shard.key, stack);
    }
    return { base, shards, plan, catalog };
  }

  override ensureBackendExists(): TerraformBackend {
    const existing = this.node.findAll().find((c): c is TerraformBackend => TerraformBackend.isBackend(c));
    return existing ?? new LocalBackend(this, { path: `../../../terraform.${this.node.id}.tfstate` });
  }
}
