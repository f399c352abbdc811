// One browser per notebook kernel: exports after the first reuse the open
// Chromium and its page with Plotly loaded (issue 13: the second and later
// exports of a session take well under the first's seconds).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, withBrowser } from "../../src/charts/browser";
import { exportFigures } from "../../src/charts/export";
import { closeSharedBrowser, isSharedBrowserOpen, withSharedBrowser, withSharedExportPage } from "../../src/charts/sharedBrowser";
import { barChart } from "../../src/charts/barChart";

const figure = barChart({
  categories: ["tier 1", "tier 2"],
  series: [{ name: "stated", values: [144, 480] }],
  title: "Intervention cost",
  xTitle: "tier",
  yTitle: "万元",
});
let launches = 0;
const countingLaunch = async (): Promise<Browser> => {
  launches += 1;
  return launchBrowser();
};

/** Makes this process look like a tslab kernel ready to display (what inNotebookKernel checks). */
function pretendKernel(): () => void {
  const key = path.join(os.tmpdir(), "fake", "node_modules", "tslab", "dist", "jupyter.js");
  require.cache[key] = { exports: { lastWriteDisplayData: () => undefined } } as unknown as NodeJS.Module;
  return () => void delete require.cache[key];
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-shared-browser-"));
});
afterEach(async () => {
  await closeSharedBrowser();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the shared export browser", () => {
  it("launches Chromium once for a session of exports and reuses its page with Plotly loaded", async () => {
    launches = 0;
    const pages = [];
    for (let i = 0; i < 3; i++) pages.push(await withSharedExportPage(async (target) => target.page, countingLaunch));
    expect(launches).toBe(1);
    expect(new Set(pages).size).toBe(1);
    expect(await pages[0]!.evaluate(() => typeof (window as unknown as { Plotly?: unknown }).Plotly)).toBe("object");
  });

  it("relaunches a browser that was closed or crashed", async () => {
    launches = 0;
    await withSharedBrowser(async (browser) => browser.close(), countingLaunch);
    expect(await isSharedBrowserOpen()).toBe(false);
    const version = await withSharedBrowser(async (browser) => browser.version(), countingLaunch);
    expect(version).toMatch(/^\d+\./);
    expect(launches).toBe(2);
  });

  it("runs calls one at a time (the PDF route resizes the shared page)", async () => {
    const order: string[] = [];
    const slow = withSharedBrowser(async () => {
      order.push("a start");
      await new Promise((r) => setTimeout(r, 200));
      order.push("a end");
    }, launchBrowser);
    const fast = withSharedBrowser(async () => void order.push("b"), launchBrowser);
    await Promise.all([slow, fast]);
    expect(order).toEqual(["a start", "a end", "b"]);
  });

  it("in a notebook kernel, exportFigures and withBrowser use the kernel's browser and leave it open for the next export", async () => {
    const restore = pretendKernel();
    try {
      const [result] = await exportFigures([{ figure, path: path.join(dir, "a.png") }]);
      expect(result?.bytes).toBeGreaterThan(1000);
      expect(await isSharedBrowserOpen()).toBe(true);
      const version = await withBrowser(async (browser) => browser.version());
      expect(version).toMatch(/^\d+\./);
      expect(await isSharedBrowserOpen()).toBe(true);
    } finally {
      restore();
    }
  });

  it("outside a kernel, exportFigures launches and closes its own browser", async () => {
    await exportFigures([{ figure, path: path.join(dir, "b.svg") }]);
    expect(await isSharedBrowserOpen()).toBe(false);
  });
});
