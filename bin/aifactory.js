#!/usr/bin/env node
// The `aifactory` command. Installed, it runs the compiled library (dist/); TypeScript app
// files load through tsx when the command meets one. In the repository checkout (cli/main.ts
// is there), it runs the TypeScript sources through tsx, so no build step is needed.
const fs = require('fs');
const path = require('path');
// cdktf captures a full stack trace for every token it creates; mapping each through the
// source maps tsx enables dominates synth time at campus scale. Mapped traces only with --verbose.
const verbose = process.argv.includes('--verbose');
const source = path.join(__dirname, '..', 'cli', 'main.ts');
const fromSource = fs.existsSync(source);
if (fromSource) require('tsx/cjs/api').register();
if (!verbose) process.setSourceMapsEnabled(false);
const cli = (name) =>
  fromSource ? path.join(__dirname, '..', 'cli', `${name}.ts`) : `../dist/cli/${name}.js`;
// No silent pass: the app cannot end the process (process.exit, a late throw) with a code of its own.
const guard = require(cli('exit-guard')).guardExit((t) => process.stderr.write(t));
require(cli('main'))
  .run(process.argv.slice(2))
  .then((code) => guard.finish(code));
