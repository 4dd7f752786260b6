import { Document, stringify } from 'yaml';

/**
 * YAML text of a plain JSON-like document, exactly as `stringify(doc, { lineWidth: 0 })` of the
 * `yaml` package writes it, about 20 times faster for the shapes GitOps manifests have (block
 * maps and sequences of one-line strings, finite numbers, booleans and nulls).
 *
 * The fast path writes only what it knows `yaml` writes the same way: a one-line string plain
 * or quoted by `yaml`'s own tests (the characters and patterns of its plainString, the core
 * schema's tag tests for what would read back as another type); anything else (a line break,
 * a tab or a control character, a non-finite number, an object seen twice, which `yaml` would
 * anchor, a class instance, `undefined` in a list) hands the whole document to `yaml` itself.
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

/** What makes `yaml` write a string quoted rather than plain (its plainString test). */
const QUOTED = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;

/**
 * What the fast path leaves to `yaml`: line breaks and tabs (block scalars, folding, escapes),
 * the control characters and lone surrogates it escapes, and document markers.
 */
const YAML_ONLY =
  // eslint-disable-next-line no-control-regex -- the control characters yaml escapes
  /[\n\t\x00-\x08\x0b-\x1f\x7f-\x9f\uD800-\uDFFF]|^---|^\.\.\./;

/**
 * A string as `yaml` writes it on one line: plain when it can be, else quoted as its
 * quotedString does (single quotes around a string with `"` and no `'`, else JSON's double
 * quotes, which are YAML's when nothing needs escaping beyond `\\` and `\"`).
 */
function text(s: string, key: boolean): string {
  if (YAML_ONLY.test(s) || (key && s.length > 1000)) throw FALLBACK; // explicit `? ` keys above 1024
  if (s !== '' && !QUOTED.test(s) && !OTHER_TYPES.some((t) => t.test(s))) return s;
  return s.includes('"') && !s.includes("'") ? `'${s}'` : JSON.stringify(s);
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
  if (typeof v === 'string') return text(v, false);
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
      out += `${indent}${text(k, true)}:${value(v, indent + INDENT, seen, false)}`;
    }
  }
  return out;
}

/**
 * The documents of a YAML stream that `blockYaml` wrote (documents joined by `---` lines), read
 * without the `yaml` package's parser; `undefined` for any other text (the caller then parses it
 * with `yaml`). Sound by construction: the documents read are written back with `blockYaml` and
 * must give the same text, which is then `yaml`'s own text of these values, and `yaml` reads its
 * own text back to the same values.
 */
export function readBlockYaml(text: string): unknown[] | undefined {
  if (!text.endsWith('\n')) return undefined;
  const docs: unknown[] = [];
  for (const part of text.split(/^---\n/m)) {
    const lines = part.split('\n');
    lines.pop(); // after the last line break
    const at = { i: 0 };
    let doc: unknown;
    try {
      doc = readNode(lines, at, '');
    } catch {
      return undefined; // not text blockYaml writes
    }
    if (at.i !== lines.length || blockYaml(doc) !== part) return undefined;
    docs.push(doc);
  }
  return docs;
}

/** A block collection whose lines start at `at.i` with `indent` (and a `- ` counts as two spaces of indent). */
function readNode(lines: string[], at: { i: number }, indent: string): Collection {
  const first = lines[at.i];
  if (first === undefined || !first.startsWith(indent)) throw FALLBACK;
  if (first.startsWith('- ', indent.length)) {
    const list: unknown[] = [];
    while (at.i < lines.length && lines[at.i].startsWith(`${indent}- `)) {
      const rest = lines[at.i].slice(indent.length + 2);
      lines[at.i] = `${indent}${INDENT}${rest}`;
      list.push(
        rest.startsWith('- ') || keyOf(rest) ? readNode(lines, at, indent + INDENT) : readScalar(at, rest),
      );
    }
    return list;
  }
  const map: Record<string, unknown> = {};
  while (at.i < lines.length && lines[at.i].startsWith(indent) && lines[at.i][indent.length] !== ' ') {
    const line = lines[at.i].slice(indent.length);
    const key = keyOf(line);
    if (!key || key.name === '__proto__' || Object.prototype.hasOwnProperty.call(map, key.name))
      throw FALLBACK;
    if (key.rest === '') {
      at.i++;
      map[key.name] = readNode(lines, at, indent + INDENT);
    } else map[key.name] = readScalar(at, key.rest);
  }
  return map;
}

/** `key:` or `key: value` at the start of a line: the key and what follows `: ` ('' for a block below). */
function keyOf(line: string): { name: string; rest: string } | undefined {
  let name: string;
  let end: number;
  if (line.startsWith('"') || line.startsWith("'")) {
    const m = (line[0] === '"' ? /^"(?:[^"\\]|\\.)*"/ : /^'(?:[^']|'')*'/).exec(line);
    if (!m) return undefined;
    name = m[0][0] === '"' ? (JSON.parse(m[0]) as string) : m[0].slice(1, -1).replace(/''/g, "'");
    end = m[0].length;
  } else {
    end = line.search(/:( |$)/);
    if (end <= 0) return undefined;
    name = line.slice(0, end);
  }
  if (line[end] !== ':') return undefined;
  if (line.length === end + 1) return { name, rest: '' };
  return line[end + 1] === ' ' ? { name, rest: line.slice(end + 2) } : undefined;
}

/** The scalar ending line `at.i`, as `blockYaml` writes one; what it would not have written fails the write-back check. */
function readScalar(at: { i: number }, s: string): unknown {
  at.i++;
  if (s === '[]') return [];
  if (s === '{}') return {};
  if (s.startsWith('"')) return JSON.parse(s);
  if (s.startsWith("'")) return s.slice(1, -1).replace(/''/g, "'");
  if (s === 'null') return null;
  if (s === 'true' || s === 'false') return s === 'true';
  if (/^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$/.test(s)) return Number(s);
  return s;
}
