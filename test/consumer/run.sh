#!/usr/bin/env bash
# Consumer test: the library as a user gets it. Packs this checkout, installs the tarball
# with cdktf 0.21, constructs and cdktf-cli 0.21 from the registry into a fresh project made
# from cdktf's init template, and proves the four ways to run an app:
#   1. cdktf synth (the template's `npx ts-node main.ts`, strict, noUnusedLocals, lib es2018)
#   2. tsc with the template's tsconfig (and with skipLibCheck false), then node main.js
#   3. an ESM project ("type": "module") with named imports
#   4. npx aifactory synth (cdktf.json's app)
# plus a custom rule in text, JSON, SARIF, JUnit and cdktf synth's annotations, and a failing
# design under cdktf synth (findings as cdktf errors, no stack trace).
# main.ts is the README's app-file example word for word. Any failure exits non-zero.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/aifactory-consumer.XXXXXX")"
if [ -z "${KEEP_CONSUMER:-}" ]; then trap 'rm -rf "$work"' EXIT; else echo "keeping $work"; fi
export CI=1 CHECKPOINT_DISABLE=1 CDKTF_DISABLE_PLUGIN_CACHE_ENV=1 FORCE_COLOR=0 NO_COLOR=1 DISABLE_VERSION_CHECK=1
CDKTF_VERSION=0.21.0
CONSTRUCTS_VERSION="${CONSTRUCTS_VERSION:-10.4.2}"

step() { printf '\n=== consumer test: %s ===\n' "$*"; }
fail() {
  echo "consumer test FAILED: $*" >&2
  exit 1
}
# expect FILE TEXT: FILE contains TEXT (a fixed string)
expect() { grep -qF -- "$2" "$1" || { echo "--- $1:"; cat "$1"; fail "$1 lacks: $2"; }; }
# refute FILE TEXT: FILE does not contain TEXT
refute() { if grep -qF -- "$2" "$1"; then echo "--- $1:"; cat "$1"; fail "$1 contains: $2"; fi; }

step "pack (npm pack builds dist/ through prepack)"
(cd "$repo" && npm pack --silent --pack-destination "$work" >"$work/pack.txt")
tarball="$work/$(tail -n 1 "$work/pack.txt")"
tar -tzf "$tarball" | sort >"$work/contents.txt"
echo "$(wc -l <"$work/contents.txt") files in $(basename "$tarball")"
if grep -E '^package/(test|\.ci)/|\.test\.|jest\.config|eslint\.config|tsconfig' "$work/contents.txt"; then
  fail "the package ships test or config files (listed above)"
fi
for entry in index constructs/index stacks/index blueprints/index pulumi/index cli/main; do
  for ext in js d.ts; do expect "$work/contents.txt" "package/dist/$entry.$ext"; done
done
expect "$work/contents.txt" "package/dist/src/upstream/gpu-operator/values.yaml"
version="$(node -p "require('$repo/package.json').version")"

step "install into a fresh cdktf project (cdktf $CDKTF_VERSION, constructs $CONSTRUCTS_VERSION, cdktf-cli $CDKTF_VERSION from the registry)"
app="$work/app"
mkdir -p "$app"
cd "$app"
cat >package.json <<JSON
{ "name": "consumer-app", "version": "1.0.0", "private": true, "main": "main.js", "types": "main.ts" }
JSON
npm install --no-audit --no-fund --loglevel=error --save-exact "$tarball" "cdktf@$CDKTF_VERSION" \
  "constructs@$CONSTRUCTS_VERSION" "cdktf-cli@$CDKTF_VERSION" ts-node@10.9.2 typescript@5.9.3 @types/node@20.19.43
template="node_modules/cdktf-cli/bundle/templates/typescript"
cp "$template/tsconfig.json" tsconfig.json
for flag in '"strict": true' '"noUnusedLocals": true' '"es2018"' '"module": "CommonJS"'; do expect tsconfig.json "$flag"; done
sed -e 's/{{projectId}}/consumer-test/' -e 's/{{sendCrashReports}}/false/' -e 's/{{futureFlags}}//' \
  "$template/cdktf.json" >cdktf.json
expect cdktf.json '"app": "npx ts-node main.ts"'
node "$repo/test/consumer/extract.js" "$repo/README.md" "## The app file" >main.ts
cat main.ts

step "1/4 cdktf synth: the init template's ts-node app"
npx cdktf synth >synth.log 2>&1 || { cat synth.log; fail "cdktf synth"; }
cat synth.log
expect cdktf.out/stacks/paris/cdk.tf.json '"terraform"'
expect cdktf.out/reports/findings.json '"racks": 8'
expect synth.log 'findings: 0 error(s)'

step "2/4 tsc with the template's tsconfig, then node main.js"
# Every public entry but aifactory/pulumi (its optional peers are not installed) resolves
# with its types under the template's classic module resolution, and loads.
cat >entries.ts <<'TS'
import { AiFactoryApp as Root, RackSystem, suppress } from 'aifactory';
import * as blueprints from 'aifactory/blueprints';
import * as constructs from 'aifactory/constructs';
import { AiFactoryApp } from 'aifactory/stacks';
export const entries = [Root === AiFactoryApp, typeof RackSystem, typeof suppress, Object.keys(blueprints).length > 0, typeof constructs.Site];
TS
npx tsc -p tsconfig.json || fail "tsc with the template's tsconfig"
npx tsc -p tsconfig.json --noEmit --incremental false --skipLibCheck false || fail "tsc with skipLibCheck false"
[ "$(node -p "require('./entries').entries.join(' ')")" = "true function function true function" ] || fail "entries.js: a public entry is missing"
CDKTF_OUTDIR=node.out node main.js >node.log 2>&1 || { cat node.log; fail "node main.js"; }
expect node.out/stacks/paris/cdk.tf.json '"terraform"'
cmp cdktf.out/stacks/paris/cdk.tf.json node.out/stacks/paris/cdk.tf.json || fail "node main.js output differs from cdktf synth's"

step "3/4 ESM project (\"type\": \"module\") with named imports"
mkdir -p esm
echo '{ "type": "module" }' >esm/package.json
# The README example is plain JavaScript too: the same file, as an ES module.
cp main.ts esm/main.js
(cd esm && CDKTF_OUTDIR=out node main.js >esm.log 2>&1) || { cat esm/esm.log; fail "ESM named imports"; }
expect esm/out/stacks/paris/cdk.tf.json '"terraform"'

step "4/4 npx aifactory synth (cdktf.json's app)"
npx aifactory --version >version.log
[ "$(cat version.log)" = "$version" ] || fail "aifactory --version printed $(cat version.log), expected $version"
npx aifactory synth --out aifactory.out >aifactory.log 2>aifactory.err || { cat aifactory.log aifactory.err; fail "npx aifactory synth"; }
cat aifactory.log
expect aifactory.log 'sites 1  racks 8  GPUs 576'
expect aifactory.log 'wrote aifactory.out'
cmp cdktf.out/stacks/paris/cdk.tf.json aifactory.out/stacks/paris/cdk.tf.json || fail "aifactory synth output differs from cdktf synth's"

step "custom rule (docs/custom-rules.md) in text, JSON, SARIF, JUnit and cdktf synth's annotations"
node "$repo/test/consumer/extract.js" "$repo/docs/custom-rules.md" "# Custom rules and packs" 1 >ACME-001.ts
node "$repo/test/consumer/extract.js" "$repo/docs/custom-rules.md" "# Custom rules and packs" 2 >acme.ts
for format in text json sarif junit; do
  npx aifactory check main.ts --rules ACME-001.ts --format "$format" >"check.$format" ||
    { cat "check.$format"; fail "aifactory check --rules --format $format"; }
  expect "check.$format" 'ACME-001'
  expect "check.$format" 'paris/paris-1/busway-a'
done
expect check.text "WARNING ACME-001 paris/paris-1/busway-a: busway carries 528.0 kW"
npx cdktf synth --app "npx ts-node acme.ts" --output acme.out >acme.log 2>&1 || { cat acme.log; fail "cdktf synth of the custom rule app"; }
cat acme.log
expect acme.log "WARN [acme/acme-1/busway-a]: ACME-001: busway carries 528.0 kW"

step "a failing design under cdktf synth: findings as cdktf errors, no stack trace"
sed -e 's/i <= 8;/i <= 20;/' main.ts >overloaded.ts
if npx cdktf synth --app "npx ts-node overloaded.ts" --output overloaded.out >overloaded.log 2>&1; then
  cat overloaded.log
  fail "cdktf synth of an overloaded design succeeded"
fi
cat overloaded.log
expect overloaded.log "ERROR [paris/paris-1/busway-a]: PWR-001"
refute overloaded.log "DesignError"
refute overloaded.log "    at "

step "passed: cdktf synth, tsc + node, ESM, npx aifactory, custom rule, failing design"
