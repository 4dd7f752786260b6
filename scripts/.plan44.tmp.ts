import { plan, planText } from '../src/cli/plan';
for (const b of ['gb200-nvl72', 'gb300-nvl72', 'vera-rubin-nvl72', 'dgx-b300', 'hypothetical-800vdc']) {
  const t0 = Date.now();
  process.stdout.write(planText(plan({ blueprint: b, gridMw: 44 })));
  process.stdout.write(`(${Date.now() - t0} ms)\n`);
}
