import * as fs from 'fs';
import * as path from 'path';
import { ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { compileCrdSchema, schemaErrors } from './crd-schema';
import { isMap } from './key-path';

/**
 * CRDs of the GitOps controllers, copied under `src/upstream/gitops/` (see PROVENANCE.md): Argo CD
 * v3.5.1 `Application`, Flux v2.9.0 `HelmRelease` (helm.toolkit.fluxcd.io/v2), `GitRepository`
 * (source.toolkit.fluxcd.io/v1), `Kustomization` (kustomize.toolkit.fluxcd.io/v1).
 */
const FILES = [
  'argoproj.io_applications.yaml',
  'helm.toolkit.fluxcd.io_helmreleases.yaml',
  'source.toolkit.fluxcd.io_gitrepositories.yaml',
  'kustomize.toolkit.fluxcd.io_kustomizations.yaml',
];

let schemas: Map<string, Record<string, unknown>> | undefined;
const compiled = new Map<string, ValidateFunction>();

/** Every served `apiVersion kind` of the copied GitOps CRDs, sorted. */
export function gitopsKinds(): string[] {
  return [...load().keys()].sort();
}

/**
 * Checks an Argo CD or Flux object against the served version of the controller's real CRD its
 * `apiVersion` names (not the npm models, which stop at HelmRelease v2beta2). Messages as
 * `validateCustomResource` gives them; `[]` when valid.
 */
export function validateGitopsObject(resource: unknown): string[] {
  if (!isMap(resource) || typeof resource.apiVersion !== 'string' || typeof resource.kind !== 'string') {
    return ['(root): must be an object with string apiVersion and kind'];
  }
  const key = `${resource.apiVersion} ${resource.kind}`;
  let validate = compiled.get(key);
  if (validate === undefined) {
    const schema = load().get(key);
    if (schema === undefined)
      return [`(root): no copied GitOps CRD serves ${key}; known: ${gitopsKinds().join(', ')}`];
    validate = compileCrdSchema(schema);
    compiled.set(key, validate);
  }
  return schemaErrors(validate, resource);
}

function load(): Map<string, Record<string, unknown>> {
  if (schemas === undefined) {
    schemas = new Map();
    for (const file of FILES) {
      const text = fs.readFileSync(path.join(__dirname, 'gitops', file), 'utf8');
      for (const doc of parseAllDocuments(text)) {
        const crd = doc.toJS() as {
          spec: {
            group: string;
            names: { kind: string };
            versions: {
              name: string;
              served: boolean;
              schema: { openAPIV3Schema: Record<string, unknown> };
            }[];
          };
        };
        for (const v of crd.spec.versions.filter((x) => x.served)) {
          schemas.set(`${crd.spec.group}/${v.name} ${crd.spec.names.kind}`, v.schema.openAPIV3Schema);
        }
      }
    }
  }
  return schemas;
}
