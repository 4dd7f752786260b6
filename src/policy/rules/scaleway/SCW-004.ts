import { CloudRule } from '../../cloud-rule';
import { Violation } from '../../rule';

/** A Kubernetes version pinned as a minor ('1.34') or a patch ('1.34.1'). */
export const PINNED_KUBERNETES_VERSION = /^1\.\d+(\.\d+)?$/;

/** The cluster's Kubernetes version is set. */
export const SCW_004: CloudRule = {
  id: 'SCW-004',
  severity: 'error',
  description:
    'Every Kapsule cluster pins its Kubernetes version (a minor such as 1.34, or a patch such as 1.34.1).',
  help:
    'The operators and drivers of the GPU platform support a range of Kubernetes versions, and a version that ' +
    'moves by itself changes the cluster under them. Set `version` on the cluster to a minor (Kapsule applies its ' +
    'patches) or a patch version; `latest` or an empty value is refused.',
  check(cloud) {
    const out: Violation[] = [];
    for (const r of cloud.resources) {
      if (r.kind !== 'cloud-cluster' || PINNED_KUBERNETES_VERSION.test(r.version)) continue;
      out.push({
        path: r.path,
        message:
          r.version.trim() === ''
            ? 'Kubernetes version is not set'
            : `Kubernetes version '${r.version}' is not a pinned version such as 1.34 or 1.34.1`,
      });
    }
    return out;
  },
};
