#!/usr/bin/env node
// The churnlab command: runs the TypeScript CLI in src/cli through tsx, so an
// edit in src/ is live with no build step.
require("tsx/cjs");
require("../src/cli/main.ts").main(process.argv);
