// Vitest global setup: bring lib/ (the compiled library notebooks import) up to
// date once, before any test starts a notebook kernel, so kernels started in
// parallel do not each wait for the build.
import { execFileSync } from "node:child_process";
import * as path from "node:path";

export default function setup(): void {
  const root = path.resolve(__dirname, "../..");
  execFileSync(process.execPath, [path.join(root, "scripts", "build-lib.js"), "--if-stale"], { cwd: root, stdio: "inherit" });
}
