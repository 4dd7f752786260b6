import { Annotations } from 'cdktf';
import { IConstruct } from 'constructs';
import { Finding } from '../src/policy/rule';

/**
 * Attaches findings to their constructs as cdktf annotations, so `cdktf synth` (and any
 * tool reading the manifest) shows them: errors as errors, warnings as warnings, infos and
 * suppressed findings (with their reason: never silent) as infos. A finding whose path is
 * no construct goes to its nearest ancestor construct.
 */
export function annotateFindings(root: IConstruct, findings: readonly Finding[]): void {
  if (findings.length === 0) return;
  const byPath = new Map<string, IConstruct>();
  for (const c of root.node.findAll()) byPath.set(c.node.path, c);
  for (const f of findings) {
    const annotations = Annotations.of(nearest(byPath, f.path) ?? root);
    const text = `${f.ruleId}: ${f.message}`;
    if (f.suppressed) annotations.addInfo(`${text} (suppressed: ${f.reason})`);
    else if (f.severity === 'error') annotations.addError(text);
    else if (f.severity === 'warning') annotations.addWarning(text);
    else annotations.addInfo(text);
  }
}

function nearest(byPath: ReadonlyMap<string, IConstruct>, path: string): IConstruct | undefined {
  for (let p = path; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const c = byPath.get(p);
    if (c) return c;
    if (!p.includes('/')) return undefined;
  }
}
