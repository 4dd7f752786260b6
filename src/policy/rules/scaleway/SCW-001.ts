import { SCALEWAY_OFFERS_AS_OF } from '../../../catalog/scaleway-gpu-types';
import { CloudRule } from '../../cloud-rule';
import { Violation } from '../../rule';

/** A GPU instance or pool type is offered in the zone it is placed in. */
export const SCW_001: CloudRule = {
  id: 'SCW-001',
  severity: 'error',
  description: 'Every GPU Instance and Kapsule pool type is offered in the zone it is placed in.',
  help:
    `Scaleway offers each GPU Instance type in a few zones only (as of ${SCALEWAY_OFFERS_AS_OF}: B300-SXM and ` +
    'H100-SXM in fr-par-2 only; H100 PCIe and L40S in fr-par-2 and pl-waw-2; L4 also in fr-par-1). An instance or ' +
    'pool in another zone fails at apply time, after the plan looked fine. Fix: move the group or pool to a zone ' +
    'that offers the type (the message lists them), or pick a type offered where the data must stay.',
  check(cloud) {
    const out: Violation[] = [];
    for (const r of cloud.resources) {
      if (r.kind !== 'cloud-instances' && r.kind !== 'cloud-pool') continue;
      if (r.gpuType.offeredIn(r.zone)) continue;
      const unit = r.kind === 'cloud-pool' ? 'nodes' : 'instances';
      out.push({
        path: r.path,
        message:
          `${r.instanceType} is not offered in ${r.zone} (offered in ${r.gpuType.spec.zones.join(', ')} only, ` +
          `as of ${SCALEWAY_OFFERS_AS_OF}): ${r.maxCount} ${unit} requested, 0 available`,
        measured: r.maxCount,
        limit: 0,
        unit,
      });
    }
    return out;
  },
};
