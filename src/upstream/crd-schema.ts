import { ErrorObject, ValidateFunction } from 'ajv';
import { compiledValidator } from './compiled-validators';
import { crdAjv } from './crd-ajv';
import { crdKey, loadCrd, loadCrdCatalog } from './crd-catalog';
import { appendIndex, appendKey, isMap } from './key-path';
import { toAjvSchema } from './structural-schema';

const ajv = crdAjv();
const validators = new Map<string, ValidateFunction>();

/** Every custom resource type the copied CRDs serve, as `apiVersion kind`, sorted. */
export function knownCustomResourceKinds(): string[] {
  return [...loadCrdCatalog().keys()].sort();
}

/**
 * Checks a custom resource against the `openAPIV3Schema` of the copied CRD version its `apiVersion`
 * (group/version) and `kind` name, converted as `toAjvSchema` describes. Returns sorted messages such as
 * `spec.levels[0].nodeLabel: must be string`, or `[]` when the resource is valid; a missing field reads
 * `spec.channel: is required` and a field the schema lacks `spec.numNode: unknown field`. Each schema is
 * compiled once, on first use, or its compiled module loaded (compiled-validators.ts).
 */
export function validateCustomResource(resource: unknown): string[] {
  if (!isMap(resource) || typeof resource.apiVersion !== 'string' || typeof resource.kind !== 'string') {
    return ['(root): must be an object with string apiVersion and kind'];
  }
  const key = crdKey(resource.apiVersion, resource.kind);
  const validate = validatorFor(resource.apiVersion, resource.kind);
  if (validate === undefined) {
    return [`(root): no copied CRD serves ${key}; known kinds: ${knownCustomResourceKinds().join(', ')}`];
  }
  return schemaErrors(validate, resource);
}

/** Runs a compiled CRD schema over a resource; sorted messages as {@link validateCustomResource} gives them. */
export function schemaErrors(validate: ValidateFunction, resource: unknown): string[] {
  if (validate(resource)) return [];
  return [...new Set((validate.errors ?? []).map((e) => describe(e, resource)))].sort();
}

/** Compiles a CRD version's `openAPIV3Schema` (see `toAjvSchema`). */
export function compileCrdSchema(openAPIV3Schema: Record<string, unknown>): ValidateFunction {
  return ajv.compile(toAjvSchema(openAPIV3Schema));
}

function validatorFor(apiVersion: string, kind: string): ValidateFunction | undefined {
  const key = crdKey(apiVersion, kind);
  let validate = validators.get(key);
  if (validate === undefined) {
    validate = compiledValidator(key);
    if (validate === undefined) {
      const crd = loadCrd(apiVersion, kind);
      if (crd === undefined) return undefined;
      validate = compileCrdSchema(crd.openAPIV3Schema);
    }
    validators.set(key, validate);
  }
  return validate;
}

function describe(error: ErrorObject, resource: unknown): string {
  let path = '';
  let data = resource;
  for (const segment of error.instancePath.split('/').slice(1)) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    path = Array.isArray(data) ? appendIndex(path, Number(key)) : appendKey(path, key);
    data = (data as Record<string, unknown>)[key];
  }
  let message = error.message ?? error.keyword;
  if (error.keyword === 'required') {
    path = appendKey(path, String(error.params.missingProperty));
    message = 'is required';
  } else if (error.keyword === 'additionalProperties') {
    path = appendKey(path, String(error.params.additionalProperty));
    message = 'unknown field';
  } else if (error.keyword === 'enum') {
    message += ` (${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})`;
  }
  return `${path || '(root)'}: ${message}`;
}
