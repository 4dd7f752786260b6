import { Construct } from 'constructs';
import { Gb200Nvl72Building } from '../../blueprints';
import { Site } from '../../constructs';

/**
 * The 44 MW site at Bruyères-le-Châtel (Essonne) from public reporting: 18,000 GB200 GPUs,
 * that is 250 NVL72 racks at 132 kW (33 MW IT), 44 MW grid connection, PUE 1.3 (42.9 MW).
 * Built from the `gb200-nvl72` blueprint: 2N UPS and distribution, dual-corded racks,
 * N+1 generators, N+1 CDUs and chillers.
 */
export interface EssonneOptions {
  /** @default 250 */
  readonly racks?: number;
  /** @default 44 */
  readonly gridConnectionMw?: number;
  /**
   * 'plant': facility power from the blueprint's chillers, PUE computed against the 1.3
   * target. 'design-pue': no heat rejection plant; facility = IT x 1.3.
   * @default 'plant'
   */
  readonly cooling?: 'plant' | 'design-pue';
}

export function buildEssonneSite(scope: Construct, options: EssonneOptions = {}): Site {
  const site = new Site(scope, 'bruyeres', {
    name: 'Essonne (Bruyères-le-Châtel)',
    country: 'FR',
    gridConnectionMw: options.gridConnectionMw ?? 44,
    gridVoltageKv: 63,
    designPue: 1.3,
  });
  new Gb200Nvl72Building(site, 'building-1', {
    racks: options.racks ?? 250,
    heatRejection: (options.cooling ?? 'plant') === 'plant' ? 'chillers' : 'none',
  });
  return site;
}
