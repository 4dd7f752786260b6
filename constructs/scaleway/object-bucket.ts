import { Construct } from 'constructs';
import { ObjectBucket } from '../../generated/scaleway/object-bucket';
import { scalewayRegion } from '../../src/catalog/scaleway-locations';
import { CloudBucketRecord, CloudModelled } from '../../src/model/cloud-records';
import { MODEL, MODEL_KIND } from '../../src/model/records';
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
export class ScalewayObjectBucket extends Construct implements CloudModelled {
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
  }

  get [MODEL_KIND](): 'cloud-bucket' {
    return 'cloud-bucket';
  }

  [MODEL](): CloudBucketRecord {
    return {
      kind: 'cloud-bucket',
      provider: 'scaleway',
      name: this.bucketName,
      region: this.region,
      versioning: this.versioning,
      resourcePath: this.bucket.node.path,
    };
  }
}
