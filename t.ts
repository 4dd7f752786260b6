import { readDeployPlans } from './src/deploy/read-output';
import { runDeployRules } from './src/policy/deploy-rule';
import { DEPLOY_ORDER_PACK } from './src/policy/rules/deploy-order';
for (const [o, g] of [['/tmp/i13-try/out', '/tmp/i13-try/gitops'], ['/tmp/i13-try2/out', '/tmp/i13-try2/gitops']]) {
  const plans = readDeployPlans(o, g);
  console.log(plans.map(p => [p.engine, p.steps.map(s => [s.id, s.after, s.installs.length, s.objects.length, s.createsClusters])]));
  console.log(runDeployRules(plans, DEPLOY_ORDER_PACK).slice(0, 5));
}
