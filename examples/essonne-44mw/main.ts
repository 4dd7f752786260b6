/**
 * The 44 MW Essonne site from public reporting, on the `gb200-nvl72` blueprint with its
 * cooling plant: 250 GB200 NVL72 racks, 18,000 GPUs, 33 MW IT, PUE computed (1.28) against
 * the 1.3 target.
 *
 * What fits the same grid, by the real checks (`npm run cli -- plan --blueprint gb200-nvl72 --grid-mw 44`):
 *
 *   blueprint gb200-nvl72 on a 44 MW grid connection (PUE from the blueprint cooling plant)
 *   fits 256 racks (32 SUs), 18,432 GPUs: IT 33.79 MW, facility 43.24 MW, PUE 1.28
 *   264 racks fail PWR-003: facility 44.59 MW > grid 44 MW
 */
import { NetboxInventory } from '../../constructs/netbox';
import { AiFactoryApp, PhysicalStack } from '../../stacks';
import { NetboxStack } from '../../stacks/netbox-stack';
import { buildEssonneSite } from './site';

const app = new AiFactoryApp();
const site = buildEssonneSite(new PhysicalStack(app, 'essonne-44mw'));
// The same racks, halls and power feeds in NetBox, at rack level, in a state of their own.
// Declared after the racks: the inventory reads the site when it is constructed. The
// provider reads NETBOX_SERVER_URL and NETBOX_API_TOKEN from the environment.
new NetboxInventory(new NetboxStack(app, 'essonne-44mw-netbox'), 'netbox', { site });
app.synth();
