import * as fs from 'fs';
import * as path from 'path';

/** One Terraform stack of a synthesized app: its size and what it must wait for. */
export interface StackEntry {
  readonly name: string;
  readonly workingDirectory: string;
  /** Resources (`resource` blocks), data sources and outputs in its cdk.tf.json. */
  readonly resources: number;
  readonly dataSources: number;
  readonly outputs: number;
  /** Stacks whose outputs it reads (cross-stack references): apply those first. */
  readonly dependencies: readonly string[];
  /** Apply wave: 0 for stacks with no dependency; stacks of one wave can run in parallel. */
  readonly wave: number;
}

export interface StackPlan {
  readonly stacks: readonly StackEntry[];
  readonly maxResourcesPerStack: number;
}

/**
 * Reads the synthesized stacks (cdktf's manifest.json and each cdk.tf.json) and orders them
 * into apply waves: independent stacks share a wave and can be applied in parallel by
 * Terraform automation (Atlantis, Terraform Cloud, Terragrunt).
 */
export function readStackPlan(outdir: string, maxResourcesPerStack: number): StackPlan {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')) as {
    stacks: Record<
      string,
      {
        name: string;
        constructPath: string;
        workingDirectory: string;
        synthesizedStackPath: string;
        dependencies: string[];
      }
    >;
  };
  const entries = Object.values(manifest.stacks);
  const byPath = new Map(entries.map((s) => [s.constructPath, s.name]));
  const count = (o: unknown) =>
    Object.values((o ?? {}) as Record<string, Record<string, unknown>>).reduce(
      (n, t) => n + Object.keys(t).length,
      0,
    );
  const sized = entries.map((s) => {
    const tf = JSON.parse(fs.readFileSync(path.join(outdir, s.synthesizedStackPath), 'utf8'));
    return {
      name: s.name,
      workingDirectory: s.workingDirectory,
      resources: count(tf.resource),
      dataSources: count(tf.data),
      outputs: Object.keys(tf.output ?? {}).length,
      dependencies: s.dependencies.map((d) => byPath.get(d) ?? d).sort(),
    };
  });
  const waves = new Map<string, number>();
  const waveOf = (name: string, seen: string[] = []): number => {
    const known = waves.get(name);
    if (known !== undefined) return known;
    const s = sized.find((x) => x.name === name);
    const w =
      !s || seen.includes(name)
        ? 0
        : Math.max(-1, ...s.dependencies.map((d) => waveOf(d, [...seen, name]))) + 1;
    waves.set(name, w);
    return w;
  };
  const stacks = sized
    .map((s) => ({ ...s, wave: waveOf(s.name) }))
    .sort((a, b) => a.wave - b.wave || (a.name < b.name ? -1 : 1));
  return { stacks, maxResourcesPerStack };
}

/** The plan as text for the synth summary: totals, then the stacks of each apply wave in order. */
export function stackPlanText(plan: StackPlan): string {
  const waves = Math.max(0, ...plan.stacks.map((s) => s.wave)) + 1;
  const total = plan.stacks.reduce((n, s) => n + s.resources, 0);
  const largest = plan.stacks.reduce((m, s) => Math.max(m, s.resources), 0);
  const lines = [
    `stacks ${plan.stacks.length} in ${waves} apply wave(s), ${total.toLocaleString('en-US')} resources, largest ${largest.toLocaleString('en-US')} (cap ${plan.maxResourcesPerStack.toLocaleString('en-US')})`,
  ];
  // The apply order: each wave after the one before; the stacks of a wave in parallel.
  for (let w = 0; w < waves && plan.stacks.length > 0; w++) {
    lines.push(
      `wave ${w + 1}: ${plan.stacks
        .filter((s) => s.wave === w)
        .map((s) => s.name)
        .join(', ')}`,
    );
  }
  return lines.join('\n') + '\n';
}

/** One message per stack above the cap, naming it. */
export function oversizedStacks(plan: StackPlan): string[] {
  return plan.stacks
    .filter((s) => s.resources > plan.maxResourcesPerStack)
    .map(
      (s) =>
        `stack ${s.name} holds ${s.resources.toLocaleString('en-US')} resources > cap ${plan.maxResourcesPerStack.toLocaleString('en-US')} per stack`,
    );
}
