import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { ValidateFunction } from 'ajv';

/**
 * The CRD validators compiled ahead of time: `npm run generate:validators`
 * (scripts/generate-validators.ts) compiles every served version of every copied CRD with the
 * same ajv options as at run time (crd-ajv.ts) and writes ajv's standalone code, one module per
 * version, into src/upstream/validators/ with an index. Loading a module costs a fraction of
 * parsing the CRD's YAML and compiling its schema (about 0.2 s for the default example).
 *
 * A module is used only when the index was written by the ajv version installed and the CRD file
 * it came from is still byte for byte the one it was compiled from (its SHA-256); otherwise the
 * schema is compiled at run time as before. A test keeps the committed modules fresh.
 */
const UPSTREAM_DIR = __dirname;
export const VALIDATORS_DIR = path.join(UPSTREAM_DIR, 'validators');
export const VALIDATORS_INDEX = 'index.json';

export interface ValidatorIndex {
  /** The ajv version that wrote the modules (its runtime helpers are imported by them). */
  readonly ajv: string;
  /** By CRD key (`apiVersion kind`): the module, and the copied CRD file it was compiled from (relative to src/upstream/). */
  readonly validators: Readonly<
    Record<string, { readonly module: string; readonly crd: string; readonly sha256: string }>
  >;
}

/** The module file of a CRD key: `nvidia.com/v1 ClusterPolicy` -> `nvidia.com_v1_ClusterPolicy.js`. */
export function validatorModule(key: string): string {
  return `${key.replace(/[/ ]/g, '_')}.js`;
}

/** SHA-256 of a file's bytes, hex. */
export function fileSha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

const indexes = new Map<string, ValidatorIndex | null>();
const MODULE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.js$/;
const CRD_FILE = /^[a-z0-9-]+\/[A-Za-z0-9][A-Za-z0-9._-]*\.yaml$/;

function readIndex(upstream: string): ValidatorIndex | null {
  try {
    const file = path.join(upstream, path.basename(VALIDATORS_DIR), VALIDATORS_INDEX);
    const read = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ValidatorIndex> | null;
    if (typeof read?.validators !== 'object' || read.validators === null) return null;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const installed = (require('ajv/package.json') as { version: string }).version;
    return read.ajv === installed ? (read as ValidatorIndex) : null;
  } catch {
    return null;
  }
}

/**
 * The compiled validator of a CRD key, if there is a fresh one; undefined: compile the schema.
 * `upstream`: the folder holding the copied CRDs and validators/ (this module's own by default).
 */
export function compiledValidator(
  key: string,
  upstream: string = UPSTREAM_DIR,
): ValidateFunction | undefined {
  let index = indexes.get(upstream);
  if (index === undefined) indexes.set(upstream, (index = readIndex(upstream)));
  const entry = index?.validators[key];
  // Names as the generator writes them, inside their folders: an index naming anything else is not used.
  if (!entry || !MODULE_NAME.test(entry.module) || !CRD_FILE.test(entry.crd)) return undefined;
  try {
    if (fileSha256(path.join(upstream, entry.crd)) !== entry.sha256) return undefined;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const validate = require(path.join(upstream, path.basename(VALIDATORS_DIR), entry.module)) as unknown;
    return typeof validate === 'function' ? (validate as ValidateFunction) : undefined;
  } catch {
    return undefined; // a CRD file or module missing or broken: compile the schema instead
  }
}
