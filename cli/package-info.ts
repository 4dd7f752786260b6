import * as fs from 'fs';
import * as path from 'path';

/**
 * The folder of the aifactory package: the repository checkout when run from source
 * (cli/), the installed package when run compiled (dist/cli/). Found by walking up
 * to the package.json named `aifactory`, so both layouts agree.
 */
export const PACKAGE_ROOT: string = findRoot(__dirname);

/** The package's own version, for `--version` and the reports. */
export const VERSION: string = (
  JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (
      fs.existsSync(file) &&
      (JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string }).name === 'aifactory'
    ) {
      return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`no package.json named aifactory above ${from}`);
  }
}
