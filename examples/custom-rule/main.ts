import { AiFactoryApp, PhysicalStack } from '../../stacks';
import { Busway, Hall, Pod, Rack, Site, Switchboard, Transformer, Ups } from '../../constructs';
import { ACME_001 } from './ACME-001';

const app = new AiFactoryApp({ rules: [ACME_001] });
const stack = new PhysicalStack(app, 'acme');
const site = new Site(stack, 'acme-1', { country: 'FR', gridConnectionMw: 3, designPue: 1.25 });
const [a, b] = ['a', 'b'].map((side) => {
  const tx = new Transformer(site, `tx-${side}`, { ratingKva: 2_500, feeds: [site.grid] });
  const lv = new Switchboard(site, `lv-${side}`, { ratingA: 4_000, feeds: [tx] });
  const ups = new Ups(site, `ups-${side}`, { moduleRatingKw: 1_250, modules: 2, feeds: [lv] });
  return new Busway(site, `busway-${side}`, { ratingA: 1_600, feeds: [ups] });
});
const hall = new Hall(site, 'hall-1', { designKwPerRack: 140, rackPositions: 16 });
const pod = new Pod(hall, 'su-01');
for (let i = 1; i <= 8; i++) new Rack(pod, `r${i}`, { system: 'gb200-nvl72', feeds: [a, b] });
app.synth();
