import { Analysis } from '../analysis/analysis';
import { W_PER_KW } from '../units';
import { Design } from '../model/design';

/** Installed capacity on the paths to the racks, against the IT load (DESIGN §2, topologies). */
export interface Installed {
  /** IT load, MW. */
  readonly itMw: number;
  /** Installed UPS and energy storage output, every unit counted, MW. */
  readonly upsMw: number;
  /** Installed MV/LV conversion: transformers not fed straight from the grid connection, and rectifiers (MVA, MW for rectifiers). */
  readonly transformerMva: number;
  readonly upsPerItMw: number;
  readonly transformerMvaPerItMw: number;
  /** Worst N-1 utilization of any equipment (load / installed capacity), and where. */
  readonly worstN1: number;
  readonly worstN1Path: string | null;
}

/**
 * What a design installs to carry its IT load: UPS (or energy storage) and MV/LV
 * transformers that feed racks (the HV/MV stage is sized per MV group, whatever the
 * topology), directly or through other equipment. Equipment that feeds only cooling
 * (a mechanical train) is left out, so topologies compare on the IT train alone.
 */
export function installedCapacity({ plant }: Design, { contingency, sites }: Analysis): Installed {
  const { nodes } = plant;
  const feedsRacks = new Uint8Array(nodes.length);
  // Nodes are in topological order: walk from the racks up.
  for (let i = nodes.length - 1; i >= 0; i--) {
    if (nodes[i].rack) feedsRacks[i] = 1;
    if (feedsRacks[i]) for (const f of nodes[i].feeds) feedsRacks[f] = 1;
  }
  let upsW = 0;
  let transformerVa = 0;
  let worstN1 = 0;
  let worstN1Path: string | null = null;
  for (const n of nodes) {
    if (!feedsRacks[n.index] || n.rack) continue;
    if (n.kind === 'ups' || n.kind === 'energy-storage') upsW += n.installedW;
    const fromGrid = n.feeds.some((f) => nodes[f].kind === 'grid-connection');
    if (n.kind === 'transformer' && !fromGrid) transformerVa += n.installedW / n.powerFactor;
    if (n.kind === 'rectifier') transformerVa += n.installedW;
    const u = contingency.worstUtilization[n.index];
    if (n.kind !== 'grid-connection' && u > worstN1) {
      worstN1 = u;
      worstN1Path = n.path;
    }
  }
  const itW = sites.reduce((s, x) => s + x.itW, 0);
  const MW = 1000 * W_PER_KW;
  return {
    itMw: itW / MW,
    upsMw: upsW / MW,
    transformerMva: transformerVa / MW,
    upsPerItMw: itW > 0 ? upsW / itW : 0,
    transformerMvaPerItMw: itW > 0 ? transformerVa / itW : 0,
    worstN1,
    worstN1Path,
  };
}
