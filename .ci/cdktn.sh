#!/usr/bin/env bash
# The suite on cdktn 0.24, the maintained fork of cdktf: in a copy of this checkout whose
# package.json swaps cdktf -> cdktn 0.24, @cdktf/provider-generator -> @cdktn/provider-generator
# and constructs -> 10.7.x through npm overrides (.ci/use-cdktn.js). Runs `npm test` on the
# committed bindings, then `npm run generate:bindings` with cdktn's generator (which
# type-checks what it writes). The checkout itself is left untouched.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/aifactory-cdktn.XXXXXX")"
if [ -z "${KEEP_CDKTN:-}" ]; then trap 'rm -rf "$work"' EXIT; else echo "keeping $work"; fi
step() { printf '\n=== cdktn: %s ===\n' "$*"; }

step "copy the checkout to $work"
tar -C "$repo" --exclude=./node_modules --exclude=./dist --exclude=./cdktf.out --exclude=./.git -cf - . | tar -C "$work" -xf -
cd "$work"
node .ci/use-cdktn.js

step "npm install (cdktn 0.24 from the registry)"
npm install --no-audit --no-fund --loglevel=error
engine="$(node -p "const p = require('cdktf/package.json'); p.name + ' ' + p.version")"
constructs="$(node -p "require('constructs/package.json').version")"
echo "engine: $engine, constructs $constructs"
case "$engine" in "cdktn 0.24."*) ;; *) echo "cdktn: expected cdktn 0.24.x under 'cdktf', got $engine" >&2; exit 1 ;; esac
npx prettier --write package.json >/dev/null

step "npm test on cdktn"
npm test

step "npm run generate:bindings with cdktn's generator"
npm run generate:bindings
step "passed on $engine"
