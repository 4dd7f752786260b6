export { NetboxCatalog, NetboxIds } from './catalog';
export type { NetboxConsumer } from './catalog';
export { API_TOKEN_VARIABLE } from './connection';
export type { NetboxConnectionProps } from './connection';
export { NetboxInventoryPart } from './part';
export type { NetboxInventoryContext, NetboxInventoryPartProps } from './part';
export { NetboxInventory } from './inventory';
export type { NetboxInventoryProps } from './inventory';
