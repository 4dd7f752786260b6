import { isCoreObject } from '../../../kubernetes/objects';
import { deliveredPlatform } from '../../../operations/delivered-platform';
import { validateCustomResource } from '../../../upstream/crd-schema';
import { PackRule, Violation } from '../../rule';

/** Every emitted custom resource validates against its CRD's openAPIV3Schema. */
export const K8S_008: PackRule = {
  id: 'K8S-008',
  severity: 'error',
  description: "Every custom resource emitted validates against its CRD's openAPIV3Schema.",
  help: 'ComputeDomains, Kueue objects and the NicClusterPolicy are checked against the CRDs of the pinned releases (src/upstream), as the API server would on apply. Fix: the message names the field.',
  check(design, analysis) {
    // The objects as delivered: the operators' own and the power rules the analysis derives.
    const platform = deliveredPlatform(design, analysis);
    const out: Violation[] = [];
    for (const c of platform.clusters) {
      for (const op of c.operators) {
        for (const r of op.resources) {
          if (isCoreObject(r)) continue; // core objects (NetworkPolicy, RBAC, ...): checked by the test suite's models
          const errors = validateCustomResource(r);
          if (errors.length > 0) {
            out.push({ path: op.path, message: `${r.kind} ${r.metadata.name}: ${errors.join('; ')}` });
          }
        }
      }
    }
    return out;
  },
};
