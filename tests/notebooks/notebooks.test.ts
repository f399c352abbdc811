// Every notebook in notebooks/ is product: it must carry no outputs when
// committed and must execute clean, headlessly, on the project's tslab kernel.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const notebookDir = path.join(root, "notebooks");
const notebooks = fs
  .readdirSync(notebookDir)
  .filter((name) => name.endsWith(".ipynb"))
  .sort();

interface Cell {
  cell_type: string;
  outputs?: unknown[];
  execution_count?: number | null;
}

describe("notebooks", () => {
  it("are numbered NN-name.ipynb and none is Untitled", () => {
    expect(notebooks.length).toBeGreaterThan(0);
    for (const name of notebooks) {
      expect(name, name).toMatch(/^\d\d-[a-z0-9-]+\.ipynb$/);
    }
  });

  for (const name of notebooks) {
    it(`${name} is committed without outputs`, () => {
      const nb = JSON.parse(fs.readFileSync(path.join(notebookDir, name), "utf8")) as { cells: Cell[] };
      const withOutputs = nb.cells
        .map((cell, i) => ({ cell, index: i + 1 }))
        .filter(({ cell }) => cell.cell_type === "code" && ((cell.outputs?.length ?? 0) > 0 || cell.execution_count != null))
        .map(({ index }) => index);
      expect(withOutputs, `${name}: cells with outputs ${withOutputs.join(", ")}`).toEqual([]);
    });

    it(`${name} executes clean on the tslab kernel`, () => {
      const result = spawnSync("/usr/bin/python3", ["scripts/run_notebook.py", `notebooks/${name}`], {
        cwd: root,
        env: { ...process.env, JUPYTER_PATH: path.join(root, ".jupyter/share/jupyter") },
        encoding: "utf8",
        timeout: 900_000,
      });
      const report = result.stdout.trim().split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
      const failure = report.find((entry) => entry["ok"] !== true);
      const message = failure
        ? `${name}, cell ${String(failure["cell"])}: ${String(failure["error"])}\n--- source ---\n${String(failure["source"] ?? "")}`
        : `${name}: exit ${result.status} ${result.stderr}`;
      expect(result.status, message).toBe(0);
    }, 900_000);
  }
});
