import { PackRule, Violation } from '../../rule';

/** Every rack has at least one feed. */
export const PWR_008: PackRule = {
  id: 'PWR-008',
  severity: 'error',
  description: 'Every rack has at least one feed.',
  help: 'A rack with no feed draws no power in the model, so its load would silently vanish from every check. Fix: pass `feeds` (A and B sides for a dual-corded rack).',
  check({ plant }) {
    const out: Violation[] = [];
    for (const node of plant.nodes) {
      if (node.rack && node.feeds.length === 0) {
        out.push({ path: node.path, message: 'rack has no feed', measured: 0, limit: 1, unit: 'feeds' });
      }
    }
    return out;
  },
};
