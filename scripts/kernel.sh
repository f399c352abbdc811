#!/usr/bin/env bash
# Starts tslab at the repository root: tslab compiles with its working
# directory as rootDir, so notebooks import the library as "./lib/...".
# lib/ (the compiled library, see scripts/build-lib.js) is rebuilt first when
# a file of src/ changed since the last build: an edit reaches notebooks at the
# next kernel start.
cd "$(dirname "$0")/.." || exit 1
node scripts/build-lib.js --if-stale >&2 || echo "[churnlab kernel] lib/ could not be built: run 'npm run build:lib' to see why" >&2
exec node_modules/.bin/tslab kernel --config-path "$1"
