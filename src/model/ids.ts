import { IConstruct } from 'constructs';
import { DesignError } from '../errors';
import { shown } from '../kubernetes/validate';

/** Longest construct id: a stack id becomes `stacks/<id>/` and `terraform.<id>.tfstate`, within a 255-byte file name. */
export const MAX_ID_LENGTH = 200;

/**
 * Why a construct id would escape or collapse the output layout or the one-line errors, or
 * undefined: `.` and `..` (a stack `..` writes its `cdk.tf.json` above `stacks/`), path
 * separators, control characters (a newline splits every message naming the path), and ids
 * longer than {@link MAX_ID_LENGTH} (ENAMETOOLONG).
 */
export function idProblem(id: string): string | undefined {
  if (id === '.' || id === '..') return 'is a relative path';
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  if (/[\u0000-\u001f\u007f]/.test(id)) return 'holds control characters (line breaks, tabs, ...)';
  if (/[/\\]/.test(id)) return "holds a path separator ('/' or '\\')";
  if (id.length > MAX_ID_LENGTH) return `is ${id.length} characters long (at most ${MAX_ID_LENGTH})`;
  return undefined;
}

/**
 * A stack id, checked before cdktf sees it (cdktf's own refusals span several lines): it
 * names a folder `stacks/<id>/`, a state file and a `cdktf deploy` argument, so letters,
 * digits, '-', '_' and '.', starting with a letter or digit, at most {@link MAX_ID_LENGTH}.
 */
export function stackId(scope: IConstruct, id: string): string {
  const problem =
    idProblem(id) ??
    (/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(id)
      ? undefined
      : "must be letters, digits, '-', '_' and '.', starting with a letter or digit");
  if (problem !== undefined) {
    throw new DesignError(scope.node.path, `stack id ${shown(id)} ${problem}`);
  }
  return id;
}

/** Refuses the id of `c` (see {@link idProblem}), naming its parent's path. */
export function checkId(c: IConstruct): void {
  const problem = idProblem(c.node.id);
  if (problem === undefined) return;
  const parent = c.node.scope?.node.path ?? '';
  throw new DesignError(parent, `construct id ${shown(c.node.id)} ${problem}`);
}

/** Refuses every bad id under `root` (the whole tree: plain cdktf stacks and constructs too). */
export function checkIds(root: IConstruct): void {
  for (const c of root.node.findAll()) if (c !== root || c.node.scope) checkId(c);
}
