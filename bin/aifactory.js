#!/usr/bin/env node
// The `aifactory` command: TypeScript sources and app files load through tsx, no build step.
require('tsx/cjs/api').register();
// cdktf captures a full stack trace for every token it creates; mapping each through the
// source maps tsx enables dominates synth time at campus scale. Mapped traces only with --verbose.
if (!process.argv.includes('--verbose')) process.setSourceMapsEnabled(false);
// No silent pass: the app cannot end the process (process.exit, a late throw) with a code of its own.
const guard = require('../src/cli/exit-guard.ts').guardExit((t) => process.stderr.write(t));
require('../src/cli/main.ts')
  .run(process.argv.slice(2))
  .then((code) => guard.finish(code));
