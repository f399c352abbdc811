#!/usr/bin/env bash
# Starts tslab at the repository root: tslab compiles with its working
# directory as rootDir, so notebooks import the library as "./src/...".
cd "$(dirname "$0")/.." && exec node_modules/.bin/tslab kernel --config-path "$1"
