import { Construct } from 'constructs';
import { S3Backend, TerraformStack } from 'cdktf';
import { scalewayRegion } from '../../src/catalog/scaleway-locations';
import { cloudRecord } from '../../src/model/cloud-records';
import { DesignError } from '../../src/errors';

export interface ScalewayStateBackendProps {
  /** Object Storage bucket holding the state (created beforehand, outside this stack). */
  readonly bucket: string;
  /**
   * Object key of the state file.
   * @default '<stack id>.tfstate'
   */
  readonly key?: string;
  /**
   * Region of the bucket.
   * @default 'fr-par'
   */
  readonly region?: string;
}

/**
 * Remote Terraform state of the enclosing stack on Scaleway Object Storage, through
 * Terraform's S3 backend (`https://s3.<region>.scw.cloud`). The backend takes its
 * credentials from the environment only (a backend cannot read Terraform variables):
 * `AWS_ACCESS_KEY_ID=$SCW_ACCESS_KEY AWS_SECRET_ACCESS_KEY=$SCW_SECRET_KEY`. No state locking.
 */
export class ScalewayStateBackend extends Construct {
  readonly backend: S3Backend;
  readonly bucket: string;
  readonly key: string;
  readonly region: string;
  readonly endpoint: string;

  constructor(scope: Construct, id: string, props: ScalewayStateBackendProps) {
    super(scope, id);
    const path = this.node.path;
    if (typeof props.bucket !== 'string' || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(props.bucket)) {
      throw new DesignError(
        path,
        `bucket must be an Object Storage bucket name (3-63 of a-z 0-9 . -), got '${String(props.bucket)}'`,
      );
    }
    const stack = TerraformStack.of(this);
    this.bucket = props.bucket;
    this.key = props.key ?? `${stack.node.id}.tfstate`;
    this.region = scalewayRegion(props.region ?? 'fr-par', path).id;
    this.endpoint = `https://s3.${this.region}.scw.cloud`;
    this.backend = new S3Backend(stack, {
      bucket: this.bucket,
      key: this.key,
      region: this.region,
      endpoints: { s3: this.endpoint },
      skipCredentialsValidation: true,
      skipRegionValidation: true,
      skipRequestingAccountId: true,
      skipMetadataApiCheck: true,
      skipS3Checksum: true,
      usePathStyle: true,
    });
    cloudRecord(this, 'state-backend', () => ({
      provider: 'scaleway',
      name: this.bucket,
      region: this.region,
      endpoint: this.endpoint,
    }));
  }
}
