import { isMap } from './key-path';

/**
 * What a resource's `metadata` must hold. CRD schemas declare only `metadata: {type: object}` (the API
 * server validates ObjectMeta itself); this checks the fields an emitted resource sets.
 */
const METADATA_SCHEMA = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1 },
    namespace: { type: 'string' },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
  },
};

/**
 * Turns a CRD version's Kubernetes structural `openAPIV3Schema` into a JSON schema for ajv that checks
 * what the API server checks:
 * - `x-kubernetes-int-or-string: true` becomes `type: [integer, string]` (replacing its `anyOf`);
 * - `x-kubernetes-list-type: set` becomes `uniqueItems: true`;
 * - an object with `properties` and without `additionalProperties` or
 *   `x-kubernetes-preserve-unknown-fields` rejects other fields (the API server prunes them, or rejects
 *   them under strict field validation), so a misspelt field is reported;
 * - every other `x-kubernetes-*` keyword is dropped: CEL rules (`x-kubernetes-validations`) and the key
 *   uniqueness of `x-kubernetes-list-type: map` lists are not checked;
 * - `metadata` must hold a non-empty string `name` (and string `namespace`, labels and annotations).
 * `format` is left in place; the validator ignores formats (`int32`, `date-time`, ...).
 */
export function toAjvSchema(openAPIV3Schema: Record<string, unknown>): Record<string, unknown> {
  const root = convert(openAPIV3Schema);
  const required = Array.isArray(root.required) ? (root.required as string[]) : [];
  return {
    ...root,
    properties: { ...(root.properties as Record<string, unknown>), metadata: METADATA_SCHEMA },
    required: [...new Set([...required, 'metadata'])],
  };
}

function convert(node: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (keyword.startsWith('x-kubernetes-')) continue;
    if (keyword === 'properties' && isMap(value)) out.properties = mapValues(value, convertSchema);
    else if (keyword === 'items' || keyword === 'additionalProperties' || keyword === 'not') {
      out[keyword] = convertSchema(value);
    } else if (keyword === 'anyOf' || keyword === 'allOf' || keyword === 'oneOf') {
      out[keyword] = (value as unknown[]).map(convertSchema);
    } else out[keyword] = value;
  }
  if (node['x-kubernetes-int-or-string'] === true) {
    delete out.anyOf;
    out.type = ['integer', 'string'];
  }
  if (node['x-kubernetes-list-type'] === 'set') out.uniqueItems = true;
  if (isMap(node.properties) && !('additionalProperties' in node)) {
    if (node['x-kubernetes-preserve-unknown-fields'] !== true) out.additionalProperties = false;
  }
  return out;
}

function convertSchema(value: unknown): unknown {
  return isMap(value) ? convert(value) : value;
}

function mapValues(map: Record<string, unknown>, f: (v: unknown) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, f(v)]));
}
