import type { OperationsInput } from '../../operations/power-rules';
import type { Plant } from '../../model/plant';
import type { OperatorKind, OperatorSettings } from '../../model/operator-records';
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
  /** The design's load flow and headroom, for the power rules (absent when the platform is read without them). */
  readonly design?: OperationsInput;
}

export interface OperatorOutput {
  readonly values: Record<string, unknown>;
  readonly resources: K8sObject[];
}

/** Derives an operator's Helm values and custom resources from its settings and its cluster. */
export type OperatorBuilder<K extends OperatorKind> = (ctx: OperatorContext<K>) => OperatorOutput;
