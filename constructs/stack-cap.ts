import { IConstruct } from 'constructs';

/** Context key for the cap of Terraform resources per stack; `AiFactoryApp` sets it. */
export const MAX_RESOURCES_CONTEXT = 'aifactory:maxResourcesPerStack';

/** Default cap of resources per stack: a Terraform state that plans in reasonable time. */
export const DEFAULT_MAX_RESOURCES_PER_STACK = 2_000;

/** The cap of resources per stack in force for a construct. */
export function maxResourcesPerStack(scope: IConstruct): number {
  const v = scope.node.tryGetContext(MAX_RESOURCES_CONTEXT);
  return typeof v === 'number' && v > 0 ? v : DEFAULT_MAX_RESOURCES_PER_STACK;
}
