// Every notebook in notebooks/ is product: it must carry no outputs when
// committed and must execute clean, headlessly, on the project's tslab kernel.
import { execFile } from "node:child_process";
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

/** Runs one notebook with scripts/run_notebook.py; resolves with its exit status and output. */
function runNotebook(name: string, folder = "notebooks"): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      "/usr/bin/python3",
      ["scripts/run_notebook.py", `${folder}/${name}`],
      {
        cwd: root,
        env: { ...process.env, JUPYTER_PATH: path.join(root, ".jupyter/share/jupyter") },
        encoding: "utf8",
        timeout: 900_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === "number" ? error.code : null) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

describe("notebooks", () => {
  it("are numbered NN-name.ipynb and none is Untitled", () => {
    expect(notebooks.length).toBeGreaterThan(0);
    for (const name of notebooks) {
      expect(name, name).toMatch(/^\d\d-[a-z0-9-]+\.ipynb$/);
    }
  });

  it("the runner names the notebook and the cell that failed, and exits 1", async () => {
    const result = await runNotebook("fails-in-cell-3.ipynb", "tests/fixtures/notebooks");
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout.trim()) as Record<string, unknown>;
    expect(report["notebook"]).toBe("tests/fixtures/notebooks/fails-in-cell-3.ipynb");
    expect(report["cell"]).toBe(3);
    expect(String(report["error"])).toContain("boom in cell three");
  }, 120_000);

  for (const name of notebooks) {
    it(`${name} is committed without outputs`, () => {
      const nb = JSON.parse(fs.readFileSync(path.join(notebookDir, name), "utf8")) as { cells: Cell[] };
      const withOutputs = nb.cells
        .map((cell, i) => ({ cell, index: i + 1 }))
        .filter(({ cell }) => cell.cell_type === "code" && ((cell.outputs?.length ?? 0) > 0 || cell.execution_count != null))
        .map(({ index }) => index);
      expect(withOutputs, `${name}: cells with outputs ${withOutputs.join(", ")}`).toEqual([]);
    });

    it(`${name} executes clean on the tslab kernel`, async () => {
      // Asynchronous on purpose: a synchronous spawn would block this worker's
      // event loop for minutes and time out vitest's own RPC.
      const result = await runNotebook(name);
      const report = result.stdout.trim().split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
      const failure = report.find((entry) => entry["ok"] !== true);
      const message = failure
        ? `${name}, cell ${String(failure["cell"])}: ${String(failure["error"])}\n--- source ---\n${String(failure["source"] ?? "")}`
        : `${name}: exit ${result.status} ${result.stderr}`;
      expect(result.status, message).toBe(0);
    }, 900_000);
  }
});
