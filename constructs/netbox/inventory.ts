import { Construct, IConstruct } from 'constructs';
import { DesignError } from '../../src/errors';
import { buildPlant } from '../../src/model/plant';
import {
  Circuit,
  countObjects,
  DEFAULT_RACK_FRAME,
  InventoryDetail,
  InventoryPlan,
  InventoryStatus,
  planInventory,
  RackFormFactor,
  RackFrame,
} from '../../src/netbox/inventory';
import { Busway } from '../busway';
import { Rack } from '../rack';
import { Site } from '../site';
import { maxResourcesPerStack } from '../stack-cap';
import { NetboxCatalog, NetboxIds } from './catalog';
import { NetboxConnectionProps } from './connection';
import { emitObjects, NetboxInventoryContext } from './part';

export interface NetboxInventoryProps extends NetboxConnectionProps {
  /** The site whose physical inventory is written to NetBox. Its racks must be declared before the inventory. */
  readonly site: Site;
  /**
   * `'racks'`: the site, a location per hall, racks (role and type per catalog system),
   * power panels and a power feed per rack feed. `'full'`: also the compute nodes, NVLink
   * switch trays and power shelves of every rack, with the power ports that carry its
   * design power.
   * @default 'racks'
   */
  readonly detail?: InventoryDetail;
  /**
   * Tenant created in NetBox and assigned to the site, locations, racks and devices.
   * @default - no tenant
   */
  readonly tenant?: string;
  /**
   * NetBox status of the site, racks, feeds and devices.
   * @default 'planned'
   */
  readonly status?: InventoryStatus;
  /**
   * Frame of the racks' NetBox rack types (the catalog gives none).
   * @default - 48U, 19 inches, '4-post-cabinet'
   */
  readonly rackFrame?: Partial<RackFrame>;
  /**
   * Cap of Terraform resources in one stack. `NetboxInventory` refuses an inventory above it
   * (shard it with `NetboxStack.sharded`); `NetboxStack.sharded` splits buildings or halls
   * above it into stacks of whole pods.
   * @default - the app's cap (`AiFactoryApp` `maxResourcesPerStack`, 2,000)
   */
  readonly maxResourcesPerStack?: number;
  /**
   * Catalog shared with the inventories of other sites writing to the same NetBox:
   * manufacturers, roles, types and tenants are created once, by the first inventory that
   * needs them.
   * @default - a catalog of its own
   */
  readonly catalog?: NetboxCatalog;
}

const FORM_FACTORS: readonly RackFormFactor[] = [
  '2-post-frame',
  '4-post-frame',
  '4-post-cabinet',
  'wall-frame',
  'wall-frame-vertical',
  'wall-cabinet',
  'wall-cabinet-vertical',
];

/**
 * The physical inventory of a site in NetBox, through Terraform: a `netbox_site`, a
 * `netbox_location` per hall, a `netbox_rack` per rack, a `netbox_power_panel` per piece of
 * equipment that busways draw from, and a `netbox_power_feed` per rack feed carrying the
 * busway's volts, amps, phases and maximum utilization, so that NetBox's available power
 * equals the model's limit. At `detail: 'full'`, also the devices in the racks.
 *
 * The site is read when the inventory is constructed: declare it after the site's racks.
 * A rack or feed added later fails validation at synthesis rather than being left out.
 * For large sites, `NetboxStack.sharded` splits the same inventory into one stack per
 * building or hall.
 */
export class NetboxInventory extends Construct {
  /** The inventory: every NetBox object, its name and numbers. */
  readonly plan: InventoryPlan;
  /** The catalog the inventory created its shared objects in (pass it to other sites' inventories). */
  readonly catalog: NetboxCatalog;
  /** Resources created, by Terraform type. */
  readonly created: Readonly<Record<string, number>>;

  constructor(scope: Construct, id: string, props: NetboxInventoryProps) {
    super(scope, id);
    this.plan = planNetboxInventory(this.node.path, props);
    const cap = resourceCap(this, props);
    const total = Object.values(countObjects(this.plan)).reduce((a, b) => a + b, 0);
    if (total > cap) {
      throw new DesignError(
        this.node.path,
        `the inventory of ${props.site.node.path} holds ${total.toLocaleString('en-US')} resources, above the cap of ` +
          `${cap.toLocaleString('en-US')} per stack: shard it with NetboxStack.sharded(app, id, { site, shardBy: 'building' })`,
      );
    }
    this.catalog = props.catalog ?? new NetboxCatalog();
    this.created = emitObjects(this, this.plan, inventoryContext(this.plan, this.catalog, props));
    watchSite(this, props.site);
  }
}

/** The context shared by every part of an inventory. */
export function inventoryContext(
  plan: InventoryPlan,
  catalog: NetboxCatalog,
  props: NetboxConnectionProps,
): NetboxInventoryContext {
  return {
    site: plan.sites[0].key,
    tenant: plan.tenants[0]?.key,
    status: plan.status,
    ids: new NetboxIds(catalog),
    connection: { serverUrl: props.serverUrl, apiToken: props.apiToken },
  };
}

/** The cap of resources per stack for an inventory under `scope`. */
export function resourceCap(scope: IConstruct, props: NetboxInventoryProps): number {
  const cap = props.maxResourcesPerStack ?? maxResourcesPerStack(scope);
  if (!Number.isInteger(cap) || cap < 1) {
    throw new DesignError(scope.node.path, `maxResourcesPerStack must be a whole number >= 1, got ${cap}`);
  }
  return cap;
}

/** Reads the site as it stands now and plans its inventory; `path` names the inventory in errors. */
export function planNetboxInventory(path: string, props: NetboxInventoryProps): InventoryPlan {
  const site = props.site;
  if (!(site instanceof Site)) throw new DesignError(path, 'site must be a Site construct');
  const detail = props.detail ?? 'racks';
  if (detail !== 'racks' && detail !== 'full') {
    throw new DesignError(path, `detail must be 'racks' or 'full', got '${String(detail)}'`);
  }
  const status = props.status ?? 'planned';
  if (status !== 'planned' && status !== 'active') {
    throw new DesignError(path, `status must be 'planned' or 'active', got '${String(status)}'`);
  }
  if (props.tenant !== undefined && props.tenant.trim() === '') {
    throw new DesignError(path, 'tenant must be a non-empty name');
  }
  const rackFrame = { ...DEFAULT_RACK_FRAME, ...props.rackFrame };
  if (![10, 19, 21, 23].includes(rackFrame.widthIn)) {
    throw new DesignError(path, `rackFrame.widthIn must be 10, 19, 21 or 23, got ${rackFrame.widthIn}`);
  }
  if (!Number.isInteger(rackFrame.uHeight) || rackFrame.uHeight < 1 || rackFrame.uHeight > 100) {
    throw new DesignError(
      path,
      `rackFrame.uHeight must be a whole number in [1, 100], got ${rackFrame.uHeight}`,
    );
  }
  if (!FORM_FACTORS.includes(rackFrame.formFactor)) {
    throw new DesignError(path, `rackFrame.formFactor must be one of ${FORM_FACTORS.join(', ')}`);
  }

  const circuits = new Map<string, Circuit>();
  for (const c of site.node.findAll()) {
    if (c instanceof Busway) {
      circuits.set(c.node.path, { voltageV: c.voltageV, ratingA: c.ratingA, phases: c.phases });
    }
  }
  const plant = buildPlant(site);
  return planInventory(plant, 0, circuits, { detail, status, tenant: props.tenant, rackFrame });
}

/** Racks and rack feeds of a site: what the inventory read. */
function racksOf(site: IConstruct): { racks: number; feeds: number } {
  let racks = 0;
  let feeds = 0;
  for (const c of site.node.findAll()) {
    if (c instanceof Rack) {
      racks++;
      feeds += c.feeds.length;
    }
  }
  return { racks, feeds };
}

/**
 * Adds a validation to `scope` that fails synthesis when racks or rack feeds were added to
 * the site after the inventory read it.
 */
export function watchSite(scope: Construct, site: Site): void {
  const read = racksOf(site);
  scope.node.addValidation({
    validate: () => {
      const now = racksOf(site);
      if (now.racks === read.racks && now.feeds === read.feeds) return [];
      return [
        `${scope.node.path}: the NetBox inventory read ${read.racks} racks and ${read.feeds} rack feeds of ` +
          `${site.node.path}, which now has ${now.racks} and ${now.feeds}: declare the inventory after the racks`,
      ];
    },
  });
}
