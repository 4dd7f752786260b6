// Rewrites package.json in the current directory to run on cdktn (the maintained fork of
// cdktf): cdktf -> cdktn 0.24, @cdktf/provider-generator -> @cdktn/provider-generator 0.24,
// constructs -> 10.7.x (the range cdktn 0.24 accepts), as dependencies and as npm overrides
// (the prebuilt @cdktf/provider-* packages require 'cdktf' and get cdktn under that name).
const fs = require('fs');
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const swaps = {
  cdktf: 'npm:cdktn@0.24.0',
  '@cdktf/provider-generator': 'npm:@cdktn/provider-generator@0.24.0',
  constructs: '10.7.2',
};
for (const deps of [pkg.dependencies, pkg.devDependencies]) {
  for (const [name, spec] of Object.entries(swaps)) if (deps[name]) deps[name] = spec;
}
pkg.overrides = { ...pkg.overrides, ...swaps };
fs.writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
console.log(
  `package.json: ${Object.entries(swaps)
    .map(([n, s]) => `${n} -> ${s}`)
    .join(', ')}`,
);
