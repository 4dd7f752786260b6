import { Construct } from 'constructs';
import { TerraformVariable } from 'cdktf';
import { ScalewayProvider } from '../../generated/scaleway/provider';
import { scalewayRegion, scalewayZone } from '../../src/catalog/scaleway-locations';
import { DesignError } from '../../src/errors';

/**
 * Where the provider's credentials come from. Neither puts a key in the output:
 * - `environment`: the provider reads `SCW_ACCESS_KEY`, `SCW_SECRET_KEY` and
 *   `SCW_DEFAULT_PROJECT_ID` (and `SCW_DEFAULT_ORGANIZATION_ID`) itself;
 * - `variables`: sensitive Terraform variables `scw_access_key`, `scw_secret_key` and
 *   `scw_project_id`, without defaults (set them with `TF_VAR_scw_secret_key=...`, or from
 *   a secret store in the pipeline).
 */
export type ScalewayCredentials = 'environment' | 'variables';

export interface ScalewayAccountProps {
  /**
   * Default region of the provider (resources of this library always set their own).
   * @default 'fr-par'
   */
  readonly region?: string;
  /**
   * Default zone of the provider; must be in `region`.
   * @default - the region's first zone ('fr-par-1')
   */
  readonly zone?: string;
  /**
   * Where the credentials come from.
   * @default 'environment'
   */
  readonly credentials?: ScalewayCredentials;
}

/**
 * The Scaleway provider of a stack, configured without a key in the output: credentials from
 * the environment or from sensitive Terraform variables.
 */
export class ScalewayAccount extends Construct {
  readonly provider: ScalewayProvider;
  readonly region: string;
  readonly zone: string;
  readonly credentials: ScalewayCredentials;
  /** The sensitive variables, with `credentials: 'variables'`. */
  readonly variables?: {
    readonly accessKey: TerraformVariable;
    readonly secretKey: TerraformVariable;
    readonly projectId: TerraformVariable;
  };

  constructor(scope: Construct, id: string, props: ScalewayAccountProps = {}) {
    super(scope, id);
    const path = this.node.path;
    const region = scalewayRegion(props.region ?? 'fr-par', path);
    const zone = scalewayZone(props.zone ?? region.zones[0], path);
    if (zone.region !== region.id) {
      throw new DesignError(path, `zone ${zone.id} is in region ${zone.region}, not in ${region.id}`);
    }
    this.region = region.id;
    this.zone = zone.id;
    this.credentials = props.credentials ?? 'environment';
    if (this.credentials !== 'environment' && this.credentials !== 'variables') {
      throw new DesignError(
        path,
        `credentials must be 'environment' or 'variables', got '${String(this.credentials)}'`,
      );
    }
    if (this.credentials === 'variables') {
      const variable = (name: string, description: string) =>
        new TerraformVariable(this, name, { type: 'string', sensitive: true, nullable: false, description });
      this.variables = {
        accessKey: variable('scw_access_key', 'Scaleway API access key (set TF_VAR_scw_access_key)'),
        secretKey: variable('scw_secret_key', 'Scaleway API secret key (set TF_VAR_scw_secret_key)'),
        projectId: variable('scw_project_id', 'Scaleway Project ID (set TF_VAR_scw_project_id)'),
      };
      // Variable names are global to the stack: keep them as written above.
      for (const v of Object.values(this.variables)) v.overrideLogicalId(v.node.id);
    }
    this.provider = new ScalewayProvider(this, 'provider', {
      region: this.region,
      zone: this.zone,
      accessKey: this.variables?.accessKey.stringValue,
      secretKey: this.variables?.secretKey.stringValue,
      projectId: this.variables?.projectId.stringValue,
    });
  }
}
