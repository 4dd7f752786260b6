import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildScalewayB300 } from '../examples/scaleway-b300/cloud';
import { GpuCluster, GpuOperator, Kueue, Tenant } from '../constructs';
import { evaluate } from '../src/evaluate';
import { validateObject } from './fixtures/validate-object';
import { AiFactoryApp } from '../stacks';

function synth(configure?: (b: ReturnType<typeof buildScalewayB300>) => void) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'aifactory-kapsule-'));
  try {
    const app = new AiFactoryApp({ outdir: out });
    const b = buildScalewayB300(app);
    configure?.(b);
    const e = evaluate(app);
    const plan = app.synthesizeDesign(e);
    const read = (stack: string) =>
      JSON.parse(fs.readFileSync(path.join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
    return {
      e,
      plan,
      cloud: read('scaleway-b300'),
      tf: read('scaleway-b300-training-platform'),
      crs: read('scaleway-b300-training-resources'),
    };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

describe('the Kubernetes GPU platform on Scaleway Kapsule', () => {
  test('Kapsule keeps its own GPU Operator; Kueue and tenants ride on the pool, delivered through its kubeconfig', () => {
    const { e, tf, crs, cloud, plan } = synth();
    expect(e.findings).toEqual([]);
    // The cluster first, then Kueue, then its custom resources: three stacks in three waves.
    expect(plan.stacks.map((s) => [s.name, s.wave, s.dependencies])).toEqual([
      ['scaleway-b300', 0, []],
      ['scaleway-b300-training-platform', 1, ['scaleway-b300']],
      ['scaleway-b300-training-resources', 2, ['scaleway-b300', 'scaleway-b300-training-platform']],
    ]);
    expect(Object.keys(cloud.resource).filter((t) => !t.startsWith('scaleway_'))).toEqual([]);
    const [cluster] = e.design.platform.clusters;
    expect(cluster.managedGpuOperator).toBe(true);
    expect(cluster.operators.map((o) => o.kind)).toEqual(['kueue']);
    expect(cluster.nodeGroups).toEqual([
      {
        path: 'scaleway-b300/training/pool-b300',
        name: 'b300',
        system: 'b300-sxm-8-288g',
        gpusPerNode: 8,
        maxNodes: 8,
        labels: {
          'aifactory.io/system': 'b300-sxm-8-288g',
          'aifactory.io/pool': 'b300',
          'aifactory.io/gpu': 'b300',
        },
      },
    ]);
    expect(cluster.gpus).toBe(64);
    expect(Object.keys(tf.resource.helm_release)).toHaveLength(1);
    const pool = Object.values(cloud.resource.scaleway_k8s_pool)[0] as {
      tags?: string[];
      labels?: Record<string, string>;
    };
    expect(pool.labels).toMatchObject({
      'aifactory.io/system': 'b300-sxm-8-288g',
      'aifactory.io/pool': 'b300',
    });
    const manifests = Object.values(crs.resource.kubernetes_manifest) as {
      manifest: { apiVersion: string; kind: string; spec: Record<string, unknown> };
    }[];
    for (const m of manifests) expect(validateObject(m.manifest)).toEqual([]);
    const topology = manifests.find((m) => m.manifest.kind === 'Topology')!.manifest.spec;
    expect(topology).toEqual({ levels: [{ nodeLabel: 'kubernetes.io/hostname' }] });
    const flavor = manifests.find((m) => m.manifest.kind === 'ResourceFlavor')!.manifest.spec;
    expect(flavor).toMatchObject({ nodeLabels: { 'aifactory.io/system': 'b300-sxm-8-288g' } });
    // The kubeconfig reaches the platform's stacks as cdktf cross-stack references (sensitive outputs).
    for (const stack of [tf, crs]) {
      expect(stack.provider.kubernetes[0].host).toMatch(
        /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-scaleway-b300\.outputs\.cross-stack-output-scaleway_k8s_cluster\w+kubeconfig0host\}$/,
      );
      expect(stack.variable?.training_token).toBeUndefined();
    }
    const outputs = Object.entries(cloud.output) as [string, { value: string; sensitive?: boolean }][];
    const token = outputs.find(([k]) => k.endsWith('kubeconfig0token'))![1];
    expect(token).toEqual({
      value: expect.stringMatching(/^\$\{scaleway_k8s_cluster\.\w+\.kubeconfig\[0\]\.token\}$/),
      sensitive: true,
    });
  });

  test('a second GPU Operator on Kapsule (K8S-006) and quotas above the pool at its largest (K8S-005) are findings', () => {
    const { e } = synth((b) => {
      const platform = b.stack.node.findChild('platform') as GpuCluster;
      new GpuOperator(platform, 'gpu-operator');
      new Tenant(platform.node.findChild('kueue') as Kueue, 'one-more', { gpuQuota: 8 });
    });
    expect(e.findings.map((f) => [f.ruleId, f.measured, f.limit, f.unit])).toEqual([
      ['K8S-005', 72, 64, 'GPUs'],
      ['K8S-006', 2, 1, 'GPU Operators'],
    ]);
  });
});
