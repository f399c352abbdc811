// Every notebook in notebooks/ is product: it must carry no outputs when
// committed and must execute clean, headlessly, on the project's tslab kernel.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
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

/** Runs a command at the repository root; resolves with its exit status and output. */
function runProcess(command: string, args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", timeout: 300_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
    });
  });
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

  it("the runner names the notebook and the cell that failed, exits 1, and still writes the HTML with the failing cell's error", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-nb-fail-"));
    try {
      const result = await runProcess("/usr/bin/python3", ["scripts/run_notebook.py", "--html", dir, "tests/fixtures/notebooks/fails-in-cell-3.ipynb"]);
      expect(result.status).toBe(1);
      const report = JSON.parse(result.stdout.trim()) as Record<string, unknown>;
      expect(report["notebook"]).toBe("tests/fixtures/notebooks/fails-in-cell-3.ipynb");
      expect(report["cell"]).toBe(3);
      expect(String(report["error"])).toContain("boom in cell three");
      expect(result.stderr).toMatch(/cell 2 \(1\/3 code\) ok .*\n.*cell 3 \(2\/3 code\) FAILED/);
      const html = fs.readFileSync(path.join(dir, "fails-in-cell-3.html"), "utf8");
      expect(html).toContain("This run stopped at cell 3");
      expect(html).toMatch(/data-mime-type="application\/vnd.jupyter.stderr">\s*<pre>[\s\S]*Error: boom in cell three/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("a missing kernel is one clear line and exit 2", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-no-kernel-"));
    try {
      const result = await runProcess("/usr/bin/python3", ["scripts/run_notebook.py", "tests/fixtures/notebooks/fails-in-cell-3.ipynb"], {
        JUPYTER_PATH: empty,
      });
      expect(result.status).toBe(2);
      expect(result.stderr.trim().split("\n").pop()).toBe(`error: the 'churnlab' kernel is not registered in ${empty}: run 'npm run setup'`);
      expect(result.stderr).not.toContain("Traceback");
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  }, 60_000);

  it("a Python without Jupyter's modules is one clear line and exit 2", async () => {
    // A Python that cannot import nbclient and no Debian python to hand over to.
    const bare = await runProcess("/usr/bin/python3", ["-S", "-I", "scripts/run_notebook.py", "x.ipynb"], { CHURNLAB_PYTHON: "/nonexistent/python3" });
    expect(bare.status).toBe(2);
    expect(bare.stderr.trim()).toMatch(/^error: \S+ cannot import \w+: run 'npm run setup'/);
    expect(bare.stderr.trim().split("\n")).toHaveLength(1);
  }, 60_000);

  it("npm run notebook without a notebook prints its usage and exits 2", async () => {
    const result = await runProcess("bash", ["scripts/notebook.sh"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("usage: npm run notebook -- notebooks/NN-name.ipynb");
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

    it(`${name} executes clean on the tslab kernel`, async () => {
      // Asynchronous on purpose: a synchronous spawn would block this worker's
      // event loop for minutes and time out vitest's own RPC.
      const result = await runNotebook(name);
      const report = result.stdout
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const failure = report.find((entry) => entry["ok"] !== true);
      const message = failure
        ? `${name}, cell ${String(failure["cell"])}: ${String(failure["error"])}\n--- source ---\n${String(failure["source"] ?? "")}`
        : `${name}: exit ${result.status} ${result.stderr}`;
      expect(result.status, message).toBe(0);
    }, 900_000);
  }
});
