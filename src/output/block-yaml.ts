import { Document, stringify } from 'yaml';

/**
 * YAML text of a plain JSON-like document, exactly as `stringify(doc, { lineWidth: 0 })` of the
 * `yaml` package writes it, about 20 times faster for the shapes GitOps manifests have (block
 * maps and sequences of plain strings, finite numbers, booleans and nulls).
 *
 * The fast path writes only what it knows `yaml` writes the same way: a string is written plain
 * when `yaml` would write it plain (none of the characters or patterns that make it quote or
 * fold, and not read back as another type by the core schema's own tag tests); anything else
 * (a string that needs quotes or a block, a non-finite number, an object seen twice, which
 * `yaml` would anchor, a class instance, `undefined` in a list) hands the whole document to
 * `yaml` itself.
 */
export function blockYaml(doc: unknown): string {
  try {
    return isCollection(doc) && !isEmpty(doc) ? node(doc, '', new Set()) : yamlText(doc);
  } catch (e) {
    if (e === FALLBACK) return yamlText(doc);
    throw e;
  }
}

const yamlText = (doc: unknown) => stringify(doc, { lineWidth: 0 });

const FALLBACK = Symbol('fallback to yaml');
const INDENT = '  ';

type Collection = Record<string, unknown> | unknown[];

/** The core schema's tests for scalars that read back as something else than a string (null, true, 12, 0x1f, .inf, 1e3, ...). */
const OTHER_TYPES: readonly RegExp[] = new Document().schema.tags.flatMap((t) =>
  t.default && t.tag !== 'tag:yaml.org,2002:str' && 'test' in t && t.test instanceof RegExp ? [t.test] : [],
);

/** What makes `yaml` quote, block or escape a string (its plainString and stringifyString tests), or explicit keys (long ones). */
const NOT_PLAIN =
  // eslint-disable-next-line no-control-regex -- the control characters yaml escapes
  /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$|\n|\t|^---|^\.\.\.|[\x00-\x08\x0b-\x1f\x7f-\x9f\uD800-\uDFFF]/;

function plain(s: string): string {
  if (s === '' || s.length > 1000 || NOT_PLAIN.test(s) || OTHER_TYPES.some((t) => t.test(s))) throw FALLBACK;
  return s;
}

function isCollection(v: unknown): v is Collection {
  if (Array.isArray(v)) return true;
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) throw FALLBACK; // a class instance, a Map, a Date: yaml's own rules
  return true;
}

function isEmpty(c: Collection): boolean {
  return Array.isArray(c) ? c.length === 0 : Object.values(c).every((v) => v === undefined);
}

function scalar(v: unknown): string {
  if (typeof v === 'string') return plain(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw FALLBACK;
    return Object.is(v, -0) ? '-0' : String(v);
  }
  if (typeof v === 'boolean') return String(v);
  if (v === null) return 'null';
  throw FALLBACK;
}

/** A value after `key:` or `- `: inline for a scalar or an empty collection, else a block on the next lines. */
function value(v: unknown, indent: string, seen: Set<object>, afterDash: boolean): string {
  if (!isCollection(v)) return ` ${scalar(v)}\n`;
  if (isEmpty(v)) {
    if (seen.has(v)) throw FALLBACK;
    seen.add(v);
    return Array.isArray(v) ? ' []\n' : ' {}\n';
  }
  // Under `- `, a collection starts on the same line; under `key:`, on the next, indented.
  return afterDash ? ` ${node(v, indent, seen).slice(indent.length)}` : `\n${node(v, indent, seen)}`;
}

/** A non-empty collection's lines, each starting with `indent`. */
function node(c: Collection, indent: string, seen: Set<object>): string {
  if (seen.has(c)) throw FALLBACK; // yaml would write an anchor and an alias
  seen.add(c);
  let out = '';
  if (Array.isArray(c)) {
    for (const item of c) {
      if (item === undefined) throw FALLBACK;
      out += `${indent}-${value(item, indent + INDENT, seen, true)}`;
    }
  } else {
    for (const [k, v] of Object.entries(c)) {
      if (v === undefined) continue;
      out += `${indent}${plain(k)}:${value(v, indent + INDENT, seen, false)}`;
    }
  }
  return out;
}
