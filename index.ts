/**
 * aifactory: typed infrastructure as code for AI factories.
 * Constructs (physical model), stacks (cdktf apps and stacks), and the engine-neutral core.
 */
export * from './constructs';
export * from './stacks';
export { RackSystem } from './src/catalog/rack-systems';
export type { RackSystemSpec, NodeArch } from './src/catalog/rack-systems';
export type { Source } from './src/catalog/source';
export { DesignError } from './src/errors';
export { evaluate, summarize } from './src/evaluate';
export type { Evaluation, Summary } from './src/evaluate';
export { suppress } from './src/policy/suppressions';
export { ALL_RULES, POWER_PACK } from './src/policy/packs';
export type { Finding, PackRule, Rule, Severity, Violation } from './src/policy/rule';
export { definePack } from './src/policy/pack';
export { buildPlant } from './src/model/plant';
export { buildDesign } from './src/model/design';
export type { Design } from './src/model/design';
export { analyze } from './src/analysis/analysis';
export type { Analysis } from './src/analysis/analysis';
export { buildCloud } from './src/model/cloud';
export type { CloudModel } from './src/model/cloud';
export { ScalewayGpuType } from './src/catalog/scaleway-gpu-types';
export { KUBERNETES_PACK, COOLING_PACK, SCALEWAY_PACK, RESIDENCY_PACK } from './src/policy/packs';
export { buildPlatform } from './src/kubernetes/platform';
export * from './blueprints';
