/**
 * aifactory for Pulumi (`aifactory/pulumi`): declares a design's Kubernetes GPU platform
 * (`@pulumi/kubernetes`) and Scaleway capacity (`@pulumiverse/scaleway`) in a Pulumi program,
 * from the same construct tree, checks and values as the Terraform path. Only this entry point
 * loads Pulumi; the rest of the package never does. `@pulumi/kubernetes` loads only when the
 * design has a GPU cluster the program delivers, `@pulumiverse/scaleway` only when it has
 * Scaleway resources.
 *
 * ```ts
 * import { RootConstruct } from 'constructs';
 * import { deploy } from 'aifactory/pulumi';
 *
 * const root = new RootConstruct();
 * buildMyDesign(root);           // the same builder the cdktf app calls
 * const design = deploy(root);   // throws with `aifactory check`'s text on error findings
 * ```
 */
export { deploy } from './deploy';
export type { DeployOptions, DeployedDesign } from './deploy';
export { DesignFindingsError } from './findings-error';
export type { DeployedPlatform } from './kubernetes';
export type { DeployedScaleway } from './scaleway';
export { scalewayInputs } from './scaleway-inputs';
export type { ScalewayInputs } from './scaleway-inputs';
export { platformTargets } from './targets';
export type { PlatformTarget } from './targets';
