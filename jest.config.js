/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Type checking runs once in `npm run typecheck`; with isolatedModules (tsconfig) ts-jest only transpiles.
  transform: { '^.+\\.ts$': 'ts-jest' },
  testTimeout: 60000,
  // Two workers even on two cores: many suites wait on a child (a synth in a process of its own,
  // promtool), and the other worker runs meanwhile. Jest's default there is one (cores - 1).
  maxWorkers: 2,
  // Longest suites first, by estimate when jest has no durations of its own (a fresh clone).
  testSequencer: '<rootDir>/test/fixtures/sequencer.js',
  // A folder per run for the example synths that suites share (test/fixtures/example-synth.ts).
  globalSetup: '<rootDir>/test/fixtures/global-setup.ts',
  globalTeardown: '<rootDir>/test/fixtures/global-teardown.ts',
};
