import { Construct } from 'constructs';
import {
  Busway,
  GeneratorGroup,
  Hall,
  Pod,
  Rack,
  Site,
  Switchboard,
  Switchgear,
  Transformer,
  Ups,
} from '../../constructs';

/**
 * A 44 MW GB200 NVL72 site modeled on the publicly reported Essonne site
 * (Bruyères-le-Châtel): 250 NVL72 racks (18,000 GPUs) at 132 kW design power, 2N UPS and
 * distribution with dual-corded racks, N+1 generators, design PUE 1.3.
 *
 * Layout: one hall; racks stand in DGX SuperPOD scalable units (SU) of 8 racks in a row.
 * Power, per side (A and B, 2N):
 * - grid (63 kV) -> HV/MV transformer 40 MVA -> MV switchgear 20 kV 1,250 A, one pair per
 *   group of up to 16 blocks, backed by an N+1 group of 2,500 kW generators;
 * - a block of 2 SUs (16 racks, 2.1 MW) -> MV/LV transformer 2,500 kVA -> LV switchboard
 *   4,000 A -> UPS 2 x 1,250 kW modules -> two 1,000 A busways per SU (4 racks each).
 * Each side carries the whole load at <= 100% when the other side fails, and <= 80% in
 * normal operation. These are example equipment ratings chosen to pass the checks with
 * common product sizes, not a vendor design.
 */
export interface EssonneOptions {
  /** @default 250 */
  readonly racks?: number;
  /** @default 44 */
  readonly gridConnectionMw?: number;
  /** @default 'bruyeres' */
  readonly siteId?: string;
}

export const RACKS_PER_SU = 8;
export const RACKS_PER_BUSWAY = 4;
export const SUS_PER_BLOCK = 2;
export const BLOCKS_PER_MV_GROUP = 16;

export function buildEssonneSite(scope: Construct, options: EssonneOptions = {}): Site {
  const racks = options.racks ?? 250;
  const site = new Site(scope, options.siteId ?? 'bruyeres', {
    name: 'Essonne (Bruyères-le-Châtel)',
    country: 'FR',
    gridConnectionMw: options.gridConnectionMw ?? 44,
    gridVoltageKv: 63,
    designPue: 1.3,
  });
  const hall = new Hall(site, 'hall-1', { designKwPerRack: 132, rackPositions: Math.max(racks, 1) });
  const sus = Math.ceil(racks / RACKS_PER_SU);
  const blocks = Math.ceil(sus / SUS_PER_BLOCK);
  const groups = Math.ceil(blocks / BLOCKS_PER_MV_GROUP);
  const sides = ['a', 'b'] as const;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');

  let rack = 0;
  for (let g = 0; g < groups; g++) {
    const group = new Construct(site, `mv-${pad(g + 1, 2)}`);
    const mv = sides.map((side) => {
      const hv = new Transformer(group, `hv-transformer-${side}`, {
        ratingKva: 40_000,
        primaryKv: 63,
        secondaryKv: 20,
        feeds: [site.grid],
      });
      return new Switchgear(group, `switchgear-${side}`, { ratingA: 1_250, voltageKv: 20, feeds: [hv] });
    });
    new GeneratorGroup(group, 'generators', { unitRatingKw: 2_500, units: 16, redundantUnits: 1, backs: mv });

    for (let b = g * BLOCKS_PER_MV_GROUP; b < Math.min(blocks, (g + 1) * BLOCKS_PER_MV_GROUP); b++) {
      const block = new Construct(group, `block-${pad(b + 1, 3)}`);
      const ups = sides.map((side, i) => {
        const tx = new Transformer(block, `transformer-${side}`, {
          ratingKva: 2_500,
          primaryKv: 20,
          secondaryKv: 0.415,
          feeds: [mv[i]],
        });
        const board = new Switchboard(block, `switchboard-${side}`, { ratingA: 4_000, feeds: [tx] });
        return new Ups(block, `ups-${side}`, { moduleRatingKw: 1_250, modules: 2, feeds: [board] });
      });
      for (let s = b * SUS_PER_BLOCK; s < Math.min(sus, (b + 1) * SUS_PER_BLOCK); s++) {
        const su = new Pod(hall, `su-${pad(s + 1, 3)}`);
        // Two busway pairs (A and B) per SU, four racks on each; only where racks stand.
        let pair: Busway[] = [];
        for (let r = 0; r < RACKS_PER_SU && rack < racks; r++, rack++) {
          if (r % RACKS_PER_BUSWAY === 0) {
            const n = r / RACKS_PER_BUSWAY + 1;
            pair = sides.map(
              (side, i) =>
                new Busway(block, `busway-su${pad(s + 1, 3)}-${side}${n}`, {
                  ratingA: 1_000,
                  feeds: [ups[i]],
                }),
            );
          }
          new Rack(su, `r${pad(r + 1, 2)}`, { system: 'gb200-nvl72', feeds: pair });
        }
      }
    }
  }
  return site;
}
