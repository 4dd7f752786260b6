import { IConstruct } from 'constructs';
import { DesignError } from '../errors';
import { ALL_RULES } from './packs';
import { Rule } from './rule';
import { ruleProblem } from './rule-shape';

/**
 * User rules registered on an app root (by `AiFactoryApp`'s `rules`, `addRules`, or the
 * CLI's `--rules`). Global (Symbol.for), like the capture, so an app that loads its own
 * copy of the library and the command that checks it see the same rules.
 */
const KEY = Symbol.for('aifactory.rules');
const holder = globalThis as { [KEY]?: WeakMap<IConstruct, Rule[]> };
const registered: WeakMap<IConstruct, Rule[]> = (holder[KEY] ??= new WeakMap());

/**
 * Registers user rules (each one a `Rule`, the shape of the built-in ones) on `root`, so
 * every check of that app runs them and every report lists them. A rule whose shape is
 * wrong, or whose id is already taken, is refused naming the app path and the id.
 */
export function addRules(root: IConstruct, rules: readonly Rule[]): void {
  const list = registered.get(root) ?? [];
  for (const rule of rules) {
    if (list.includes(rule)) continue;
    const problem = ruleProblem(rule);
    if (problem) throw new DesignError(root.node.path, problem);
    if (ALL_RULES.some((r) => r.id === rule.id)) {
      throw new DesignError(
        root.node.path,
        `rule ${rule.id} is a built-in rule id; give the user rule its own id`,
      );
    }
    if (list.some((r) => r.id === rule.id)) {
      throw new DesignError(root.node.path, `rule ${rule.id} is registered twice with different definitions`);
    }
    list.push(rule);
  }
  registered.set(root, list);
}

/** The rules a check of `root` runs: the built-in ones, then the registered user rules in id order. */
export function rulesFor(root: IConstruct): readonly Rule[] {
  const user = registered.get(root);
  if (!user || user.length === 0) return ALL_RULES;
  return [...ALL_RULES, ...[...user].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))];
}
