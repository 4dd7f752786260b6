import { CloudRule } from '../../cloud-rule';
import { Violation } from '../../rule';

/** Root volume types on Block Storage: the GPU Instance types have no local volumes. */
export const INSTANCE_BLOCK_VOLUME_TYPES: readonly string[] = ['sbs_volume'];
export const POOL_BLOCK_VOLUME_TYPES: readonly string[] = ['sbs_5k', 'sbs_15k'];

/** GPU Instances and GPU pool nodes boot from Block Storage. */
export const SCW_002: CloudRule = {
  id: 'SCW-002',
  severity: 'error',
  description: 'GPU Instances and Kapsule GPU pool nodes boot from a Block Storage root volume.',
  help:
    'Scaleway GPU Instance types have no local volumes: the root volume must be Block Storage (`sbs_volume` for ' +
    'an Instance, `sbs_5k` or `sbs_15k` for a Kapsule pool). A local (`l_ssd`) or legacy (`b_ssd`) root volume is ' +
    'refused at apply time. Fix: set `rootVolumeType` to a Block Storage type, or leave the default.',
  check(cloud) {
    const out: Violation[] = [];
    for (const r of cloud.resources) {
      if (r.kind !== 'cloud-instances' && r.kind !== 'cloud-pool') continue;
      const allowed = r.kind === 'cloud-instances' ? INSTANCE_BLOCK_VOLUME_TYPES : POOL_BLOCK_VOLUME_TYPES;
      if (allowed.includes(r.rootVolumeType)) continue;
      out.push({
        path: r.path,
        message:
          `${r.instanceType} boots from a '${r.rootVolumeType}' root volume; GPU types have no local volumes: ` +
          `use ${allowed.map((t) => `'${t}'`).join(' or ')} (Block Storage)`,
      });
    }
    return out;
  },
};
