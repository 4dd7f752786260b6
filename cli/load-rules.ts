import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES } from '../src/policy/packs';
import { Rule } from '../src/policy/rule';
import { isRule, looksLikeRule, ruleProblem } from '../src/policy/rule-shape';
import { UsageError } from './usage-error';

/**
 * Loads the user rules of `--rules FILE` options. A file is a module (TypeScript or
 * JavaScript) that exports rules, one rule per file as the built-in ones are, or packs
 * (arrays of rules), as its default export or as named exports.
 */
export function loadRules(files: readonly string[], load: (file: string) => unknown = require): Rule[] {
  const rules: Rule[] = [];
  for (const file of files) {
    const abs = path.resolve(file);
    if (!fs.existsSync(abs)) throw new UsageError(`--rules ${file}: file not found`);
    let exported: unknown;
    try {
      exported = load(abs);
    } catch (e) {
      throw new UsageError(`--rules ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const found = rulesIn(exported, file);
    if (found.length === 0) {
      throw new UsageError(
        `--rules ${file}: exports no rule (an object with id, severity, pack, description, help and check) or pack`,
      );
    }
    for (const r of found) if (!rules.includes(r)) rules.push(r);
  }
  return rules;
}

function rulesIn(exported: unknown, file: string): Rule[] {
  const values =
    looksLikeRule(exported) || Array.isArray(exported) ? [exported] : Object.values(exported ?? {});
  const out: Rule[] = [];
  for (const v of values.flatMap((x) => (Array.isArray(x) ? x : [x]))) {
    if (!looksLikeRule(v) && !Array.isArray(v)) continue;
    if (!isRule(v)) throw new UsageError(`--rules ${file}: ${ruleProblem(v)}`);
    if (ALL_RULES.some((r) => r.id === v.id)) {
      throw new UsageError(
        `--rules ${file}: rule ${v.id} is a built-in rule id; give the user rule its own id`,
      );
    }
    if (!out.includes(v)) out.push(v);
  }
  return out;
}
