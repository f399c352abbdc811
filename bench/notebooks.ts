// Benchmark of the notebook experience (issue 13): how long the kernel takes
// to import the library, how long chart exports take in a kernel session, in
// a batch and from the command line, and how large the HTML pages are.
//
//   npm run bench -- notebooks
//
// Targets: first import <= 5 s; second and later exports <= 1.5 s each;
// `churnlab chart` <= 5 s; notebook and chart HTML <= 5 MB each.
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { exportFigure, exportFigures, figureToHtml } from "../src/charts/export";
import { saveFigure } from "../src/charts/figureFile";
import { costBreakdownChart } from "../src/charts/planCharts";
import { loadPlan } from "../src/plan/loadPlan";
import { planSummary } from "../src/plan/planSummary";

const root = path.join(__dirname, "..");
const MB = 1024 * 1024;

interface KernelRun {
  kernelStartSeconds: number;
  cells: Array<{ seconds: number; status: string; text: string }>;
}

/** Runs cells in one fresh churnlab kernel (bench/kernelCells.py) and returns their timings. */
function runKernel(cells: readonly string[]): KernelRun {
  const out = execFileSync("/usr/bin/python3", [path.join(__dirname, "kernelCells.py"), root], {
    input: JSON.stringify(cells),
    encoding: "utf8",
    env: { ...process.env, JUPYTER_PATH: path.join(root, ".jupyter", "share", "jupyter") },
    maxBuffer: 64 * MB,
  });
  return JSON.parse(out) as KernelRun;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const sec = (x: number): string => `${x.toFixed(2)} s`;
const row = (...cells: string[]): void => void process.stdout.write(`${cells.join(" | ")}\n`);

/** The import path notebooks use for a domain: the compiled library when it exists, else the sources. */
function libraryPath(domain: string): string {
  return fs.existsSync(path.join(root, "lib", "index.d.ts")) ? `./lib/${domain}` : `./src/${domain}/index`;
}

/** The first code cell of every notebook, each in a fresh kernel. */
function firstImports(): number[] {
  const dir = path.join(root, "notebooks");
  const seconds: number[] = [];
  for (const name of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb"))
    .sort()) {
    const nb = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as { cells: Array<{ cell_type: string; source: string | string[] }> };
    const first = nb.cells.find((c) => c.cell_type === "code");
    if (first === undefined) continue;
    const source = Array.isArray(first.source) ? first.source.join("") : first.source;
    const run = runKernel([source]);
    const cell = run.cells[0];
    if (cell === undefined) continue;
    seconds.push(cell.seconds);
    row(`first import ${name}`, sec(cell.seconds), cell.status, `(kernel start ${sec(run.kernelStartSeconds)})`);
  }
  row("first import, median", sec(median(seconds)), "target <= 5 s");
  return seconds;
}

/** Five PNG exports in one kernel session; the cell prints each export's seconds as JSON. */
function kernelExports(dir: string): void {
  const cells = [
    `import { exportFigure, costBreakdownChart } from "${libraryPath("charts")}";\nimport { loadPlan, planSummary } from "${libraryPath("plan")}";\n` +
      `const figure = costBreakdownChart(planSummary(loadPlan("data/plans/seed-plan.json")), "en");`,
    `const times: number[] = [];\nfor (let i = 0; i < 5; i++) {\n  const t0 = Date.now();\n  await exportFigure(figure, ${JSON.stringify(dir)} + "/k" + i + ".png");\n  times.push((Date.now() - t0) / 1000);\n}\nconsole.log(JSON.stringify(times));`,
  ];
  const run = runKernel(cells);
  const cell = run.cells[1];
  const times = cell?.status === "ok" ? (JSON.parse(cell.text.trim().split("\n").pop() ?? "[]") as number[]) : [];
  if (times.length === 0) {
    row("kernel exports", "failed", cell?.text.slice(0, 300) ?? "");
    return;
  }
  row("kernel session: 1st export", sec(times[0] as number));
  row("kernel session: 2nd+ exports, median", sec(median(times.slice(1))), `max ${sec(Math.max(...times.slice(1)))}`, "target <= 1.5 s");
}

async function batchExports(dir: string, figure: Parameters<typeof exportFigure>[0]): Promise<void> {
  const t0 = performance.now();
  const first = await exportFigure(figure, path.join(dir, "s0.png"));
  const firstSeconds = (performance.now() - t0) / 1000;
  const later: number[] = [];
  for (let i = 1; i < 5; i++) {
    const t = performance.now();
    await exportFigure(figure, path.join(dir, `s${i}.${["png", "svg", "pdf", "png"][i - 1]}`));
    later.push((performance.now() - t) / 1000);
  }
  row("script session: 1st export", sec(firstSeconds), `${first.bytes} bytes`);
  row("script session: 2nd+ exports, median", sec(median(later)), `max ${sec(Math.max(...later))}`, "target <= 1.5 s");
  const jobs = ["png", "svg", "pdf", "png", "svg", "pdf"].map((ext, i) => ({ figure, path: path.join(dir, `b${i}.${ext}`) }));
  const tb = performance.now();
  await exportFigures(jobs);
  const batchSeconds = (performance.now() - tb) / 1000;
  row("batch of 6 exports (exportFigures)", sec(batchSeconds), `${sec(batchSeconds / jobs.length)} per export`);
}

function cliExports(dir: string, figureFile: string): void {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const result = spawnSync(process.execPath, [path.join(root, "bin", "churnlab.js"), "chart", figureFile, "--out", path.join(dir, `cli${i}.png`)], {
      encoding: "utf8",
    });
    times.push((performance.now() - t0) / 1000);
    if (result.status !== 0) row("churnlab chart failed", String(result.status), result.stderr.slice(0, 300));
  }
  row("churnlab chart --out x.png, median of 3", sec(median(times)), `runs ${times.map(sec).join(", ")}`, "target <= 5 s");
}

function htmlSizes(figure: Parameters<typeof figureToHtml>[0]): void {
  row("chart HTML (figureToHtml)", `${(Buffer.byteLength(figureToHtml(figure)) / MB).toFixed(2)} MB`, "target <= 5 MB");
  const built = path.join(root, "build", "notebooks");
  if (!fs.existsSync(built)) {
    row("notebook HTML", "none in build/notebooks: run `npm run notebooks:html` first");
    return;
  }
  for (const name of fs
    .readdirSync(built)
    .filter((f) => f.endsWith(".html"))
    .sort()) {
    const stat = fs.statSync(path.join(built, name));
    row(`notebook HTML ${name}`, `${(stat.size / MB).toFixed(2)} MB`, `built ${stat.mtime.toISOString().slice(0, 16)}`, "target <= 5 MB");
  }
}

/** Runs every measurement and prints one line per figure. */
export async function benchNotebooks(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-bench-notebooks-"));
  try {
    row(
      `machine: ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(" ")}`,
    );
    const figure = costBreakdownChart(planSummary(loadPlan(path.join(root, "data", "plans", "seed-plan.json"))), "en");
    const figureFile = path.join(dir, "cost.figure.json");
    saveFigure(figure, figureFile);
    htmlSizes(figure);
    cliExports(dir, figureFile);
    await batchExports(dir, figure);
    kernelExports(dir);
    firstImports();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
