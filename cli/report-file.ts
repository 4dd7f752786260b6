import * as fs from 'fs';
import { errnoText, writeFile } from '../src/output/atomic-dir';
import { UsageError } from './usage-error';

/**
 * How each report a flag writes begins (`check --output`, `report --out`, `report --summary`):
 * the HTML report, the Markdown summary, the text report, findings JSON, SARIF and JUnit.
 */
const REPORT_KINDS: readonly RegExp[] = [
  /^<!doctype html>\n<html/,
  /^### aifactory: /,
  /^sites \d/,
  /^\{\n {2}"summary": \{/,
  /^\{\n {2}"\$schema": "[^"\n]*sarif/,
  /^<\?xml [^\n]*\?>\n<testsuites[ >]/,
];

/**
 * Writes a report to the file a flag names. An existing file is replaced only when it is a
 * report of the same kind (an earlier run's): never an app file, a cdktf.json or a
 * package.json. Every refusal or filesystem error is one line naming the flag.
 */
export function writeReportFile(flag: string, file: string, text: string): void {
  const refuse = (problem: string) => new UsageError(`${flag} ${file}: ${problem}`);
  let existing: string | undefined;
  try {
    const st = fs.lstatSync(file);
    if (!st.isFile()) throw refuse('exists and is not a regular file; refusing to replace it');
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(256);
      existing = head.subarray(0, fs.readSync(fd, head, 0, head.length, 0)).toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw refuse(errnoText(e));
  }
  if (existing !== undefined) {
    const kind = REPORT_KINDS.find((k) => k.test(text));
    if (!kind || !kind.test(existing)) {
      throw refuse('exists and is not an aifactory report of this kind; refusing to overwrite it');
    }
  }
  try {
    writeFile(file, text);
  } catch (e) {
    throw refuse(errnoText(e));
  }
}
