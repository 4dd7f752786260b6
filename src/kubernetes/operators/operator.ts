import type { Plant } from '../../model/plant';
import type { OperatorKind, OperatorSettings, PowerRuleSettings } from '../../model/operator-records';
import type { CampusModel } from '../campus';
import type { ClusterNode, Flavor, NodeGroup, TenantModel } from '../cluster-model';
import type { K8sObject } from '../objects';

/** What an operator's values and resources derive from. */
export interface OperatorContext<K extends OperatorKind = OperatorKind> {
  readonly cluster: string;
  readonly path: string;
  readonly namespace: string;
  /** The operator's settings, defaults resolved by its construct. */
  readonly settings: OperatorSettings[K];
  readonly has: (kind: OperatorKind) => boolean;
  readonly managedGpuOperator: boolean;
  readonly plant: Plant;
  readonly racks: readonly number[];
  readonly nodes: readonly ClusterNode[];
  readonly nodeGroups: readonly NodeGroup[];
  readonly flavors: readonly Flavor[];
  readonly tenants: readonly TenantModel[];
  /** GPUs per flavor (rack system id). */
  readonly gpusBySystem: Readonly<Record<string, number>>;
  /** The campus this cluster manages, if it is a campus queue's manager. */
  readonly campus?: CampusModel;
  /** DNS label of a rack, as used in node names and labels. */
  readonly rackLabel: (rack: number) => string;
}

export interface OperatorOutput {
  readonly values: Record<string, unknown>;
  readonly resources: K8sObject[];
  /** Where the power rules go, for an operator that emits them (derived from the analysis, not here). */
  readonly powerRules?: PowerRuleSettings;
}

/** Derives an operator's Helm values and custom resources from its settings and its cluster. */
export type OperatorBuilder<K extends OperatorKind> = (ctx: OperatorContext<K>) => OperatorOutput;
