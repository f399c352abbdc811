// The real `churnlab` executable (bin/churnlab.js, the sources through tsx's CommonJS hook), spawned as a user runs it:
// main.ts loads only the command named, and the commands that load a module late (synth --format, score in batches)
// find it there too (Node's own import() of an extensionless .ts path fails under that hook: ERR_MODULE_NOT_FOUND).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const bin = path.resolve("bin/churnlab.js");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-main-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const churnlab = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 120_000 });

describe("bin/churnlab.js", () => {
  it("lists every command in --help, and exits 2 on an unknown one", () => {
    const help = churnlab("--help");
    expect(help.status).toBe(0);
    const names = ["plan", "synth", "map", "train", "score", "weekly", "simulate", "sensitivity", "rollout", "bridge", "chart", "report", "optimize", "pilot"];
    for (const name of names) expect(help.stdout).toMatch(new RegExp(`^  ${name} `, "m"));
    const unknown = churnlab("bogus");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'bogus'");
  });

  it("streams a population to Parquet (synth --format loads its writer late)", () => {
    const out = path.join(dir, "pop");
    const r = churnlab("synth", "--customers", "300", "--seed", "3", "--format", "parquet", "--out", out);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(
      ["app_activity", "customers", "surveys", "truth", "truth_risk", "visits"]
        .map((n) => `${n}.parquet`)
        .concat("manifest.json")
        .sort(),
    );
  }, 120_000);

  it("scores a table in batches (score --batch-rows loads DuckDB late)", () => {
    const rows = Array.from({ length: 400 }, (_, i) => `C${i + 1},${20 + (i % 50)},${i % 7 < 2 + (i % 50 > 30 ? 3 : 0) ? 1 : 0}`);
    const csv = path.join(dir, "t.csv");
    fs.writeFileSync(csv, `id,age,churn\n${rows.join("\n")}\n`);
    const model = path.join(dir, "model");
    expect(churnlab("train", "--csv", csv, "--target", "churn", "--id", "id", "--model", "logistic", "--seed", "1", "--out", model).status).toBe(0);
    const scores = path.join(dir, "scores.csv");
    const r = churnlab("score", "--model", model, "--csv", csv, "--out", scores, "--batch-rows", "150");
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readFileSync(scores, "utf8").trimEnd().split("\n")).toHaveLength(401);
  }, 180_000);
});
