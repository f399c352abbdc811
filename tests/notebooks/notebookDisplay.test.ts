// End-to-end specification of notebook display: a tiny notebook shows charts
// with show()/showMany() on the project's tslab kernel, is exported to HTML by
// nbconvert (whose page also loads require.js), and the page is opened in
// headless Chromium: the plotly bundle is in it once, every chart draws, and
// nothing is fetched from the network.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withBrowser } from "../../src/charts/browser";

const root = path.resolve(__dirname, "../..");
const code = (source: string) => ({ cell_type: "code", execution_count: null, metadata: {}, outputs: [], source });
const notebook = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: { kernelspec: { name: "churnlab", display_name: "TypeScript (churnlab)", language: "typescript" } },
  cells: [
    { cell_type: "markdown", metadata: {}, source: "# Display check" },
    code(
      'import { show, barChart, t, tierColors } from "./lib/charts";\n' +
        'const fig = barChart({ categories: [t("tier.1"), t("tier.2")], series: [{ name: "s", values: [144, 480], color: [tierColors[1], tierColors[2]] }], title: "年度干预成本", xTitle: t("tier.axis"), yTitle: t("axis.amountIn", "zh", { unit: "万元" }) });\n' +
        "show(fig);",
    ),
    // Re-importing in a later cell must not resend the bundle.
    code('import { show as showAgain, showMany } from "./lib/charts";\nshowAgain(fig);\nshowMany([fig, fig]);'),
  ],
};

let dir: string;
let run: { status: number | null; stdout: string; stderr: string };
let html = "";
let page: { drawn: boolean[]; errors: string[]; requests: string[] } = { drawn: [], errors: [], requests: [] };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-nb-display-"));
  fs.writeFileSync(path.join(dir, "display-check.ipynb"), JSON.stringify(notebook));
  const result = spawnSync("/usr/bin/python3", ["scripts/run_notebook.py", "--html", path.join(dir, "html"), path.join(dir, "display-check.ipynb")], {
    cwd: root,
    env: { ...process.env, JUPYTER_PATH: path.join(root, ".jupyter/share/jupyter") },
    encoding: "utf8",
    timeout: 300_000,
  });
  run = { status: result.status, stdout: result.stdout, stderr: result.stderr };
  const htmlFile = path.join(dir, "html", "display-check.html");
  if (!fs.existsSync(htmlFile)) return;
  html = fs.readFileSync(htmlFile, "utf8");
  page = await withBrowser(async (browser) => {
    const tab = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
    const errors: string[] = [];
    const requests: string[] = [];
    tab.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    tab.on("pageerror", (e) => errors.push(e.message));
    tab.on("request", (r) => {
      if (/^https?:/.test(r.url())) requests.push(r.url());
    });
    await tab.goto(`file://${htmlFile}`);
    await tab
      .waitForFunction(() => Array.from(document.querySelectorAll(".churnlab-figure")).every((el) => el.querySelector(".main-svg") !== null), undefined, {
        timeout: 30_000,
      })
      .catch(() => undefined);
    const drawn = await tab.evaluate(() => Array.from(document.querySelectorAll(".churnlab-figure")).map((el) => el.querySelector(".main-svg") !== null));
    return { drawn, errors, requests };
  });
}, 300_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("show() in a tslab notebook exported by nbconvert", () => {
  it("runs clean on the tslab kernel", () => {
    expect(run.stdout, run.stderr).toContain('"ok": true');
  });

  it("puts the plotly bundle in the page once, for four charts in three outputs", () => {
    expect(html.split('data-churnlab="plotly-bundle"').length - 1).toBe(1);
    expect(html.split('class="churnlab-figure"').length - 1).toBe(4);
  });

  it("draws every chart in Chromium with no page error and no network request", () => {
    expect(page.drawn).toEqual([true, true, true, true]);
    expect(page.errors).toEqual([]);
    expect(page.requests).toEqual([]);
  });
});
