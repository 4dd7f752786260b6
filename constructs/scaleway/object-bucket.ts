import { Construct } from 'constructs';
import { ObjectBucket } from '../../generated/scaleway/object-bucket';
import { scalewayRegion } from '../../src/catalog/scaleway-locations';
import { cloudRecord } from '../../src/model/cloud-records';
import { DesignError } from '../../src/errors';

export interface ScalewayObjectBucketProps {
  /**
   * Bucket name, unique across Scaleway Object Storage.
   * @default - the construct id
   */
  readonly bucketName?: string;
  /**
   * Region of the bucket.
   * @default 'fr-par'
   */
  readonly region?: string;
  /**
   * Keep every version of every object.
   * @default true
   */
  readonly versioning?: boolean;
}

/** An Object Storage bucket (datasets, checkpoints), located for the residency checks. */
export class ScalewayObjectBucket extends Construct {
  readonly bucket: ObjectBucket;
  readonly bucketName: string;
  readonly region: string;
  readonly versioning: boolean;

  constructor(scope: Construct, id: string, props: ScalewayObjectBucketProps = {}) {
    super(scope, id);
    const path = this.node.path;
    this.bucketName = props.bucketName ?? id;
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(this.bucketName)) {
      throw new DesignError(path, `bucketName must be 3-63 of a-z 0-9 . -, got '${this.bucketName}'`);
    }
    this.region = scalewayRegion(props.region ?? 'fr-par', path).id;
    this.versioning = props.versioning ?? true;
    this.bucket = new ObjectBucket(this, 'bucket', {
      name: this.bucketName,
      region: this.region,
      versioning: { enabled: this.versioning },
    });
    cloudRecord(this, 'cloud-bucket', () => ({
      provider: 'scaleway',
      name: this.bucketName,
      region: this.region,
      versioning: this.versioning,
      resourcePath: this.bucket.node.path,
    }));
  }
}
