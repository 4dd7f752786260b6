#!/usr/bin/env node
// The `aifactory` command: TypeScript sources and app files load through tsx, no build step.
require('tsx/cjs/api').register();
require('../src/cli/main.ts')
  .run(process.argv.slice(2))
  .then((code) => (process.exitCode = code));
