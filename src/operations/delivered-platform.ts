import { Analysis } from '../analysis/analysis';
import { ClusterModel } from '../kubernetes/cluster-model';
import { Platform, withPrerequisites } from '../kubernetes/platform';
import { Design } from '../model/design';

const delivered = new WeakMap<Analysis, Platform>();

/**
 * The platform as every renderer delivers it (Terraform, GitOps, Pulumi, the deploy-order
 * replay): the design's platform, each operator's objects followed by those the analysis
 * derives for it (the power rules' PrometheusRules), and each cluster's `installedCrds` with
 * the prerequisites those objects add. Computed once per analysis.
 */
export function deliveredPlatform(design: Pick<Design, 'platform'>, analysis: Analysis): Platform {
  let platform = delivered.get(analysis);
  if (!platform) {
    platform = withObjects(design.platform, analysis.powerRules);
    delivered.set(analysis, platform);
  }
  return platform;
}

function withObjects(platform: Platform, added: Analysis['powerRules']): Platform {
  if (added.size === 0) return platform;
  const clusters = platform.clusters.map((c): ClusterModel => {
    if (!c.operators.some((op) => added.has(op.path))) return c;
    const operators = c.operators.map((op) => {
      const more = added.get(op.path);
      return more ? { ...op, resources: [...op.resources, ...more] } : op;
    });
    return { ...c, operators, installedCrds: withPrerequisites(c.installedCrds, operators) };
  });
  return { ...platform, clusters };
}
