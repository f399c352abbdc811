import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chartCommand } from "../../../src/cli/commands/chart";
import { saveFigure } from "../../../src/charts/figureFile";
import { commandSession } from "../../helpers/captureOutput";

let dir: string;
let figurePath: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-chart-cli-"));
  figurePath = path.join(dir, "roi.figure.json");
  saveFigure(
    {
      data: [{ type: "bar", x: ["方案所述", "重新计算"], y: [3.5875, 2.9] }],
      layout: { title: { text: "投资回报率" }, xaxis: { title: { text: "口径" } }, yaxis: { title: { text: "ROI（倍）" } } },
    },
    figurePath,
  );
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const cli = commandSession(chartCommand);

describe("churnlab chart <figure.json> --out FILE", () => {
  it("exports self-contained HTML, the format taken from the extension", async () => {
    const out = path.join(dir, "roi.html");
    expect(await cli.run(figurePath, "--out", out)).toBe(0);
    expect(fs.readFileSync(out, "utf8")).toContain("<title>投资回报率</title>");
    expect(cli.stdout).toMatch(/^wrote .*roi\.html \(html, 900×500 px, [\d,]+ bytes\)\n$/);
    expect(cli.stderr).toBe("");
  });

  it("prints the result as JSON with --json", async () => {
    const out = path.join(dir, "roi.page");
    expect(await cli.run(figurePath, "--out", out, "--format", "html", "--width", "640", "--height", "360", "--json")).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ path: out, format: "html", width: 640, height: 360 });
  });

  it("exports a PNG at a chosen scale in headless Chromium", async () => {
    const out = path.join(dir, "roi.png");
    expect(await cli.run(figurePath, "-o", out, "--scale", "2", "-W", "400", "-H", "300")).toBe(0);
    const png = fs.readFileSync(out);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([800, 600]);
    expect(cli.stdout).toContain("(png, 400×300 px, scale 2,");
  });

  it("reports every bad flag at once, exits 2 and writes nothing", async () => {
    const out = path.join(dir, "roi.png");
    expect(await cli.run(figurePath, "--out", out, "--format", "jpg", "--scale", "0", "--width", "10", "--height", "1e3")).toBe(2);
    for (const flag of ["--format", "--scale", "--width", "--height"]) expect(cli.stderr).toContain(`command line: ${flag}: `);
    expect(cli.stderr).toContain("4 problems");
    expect(fs.existsSync(out)).toBe(false);
    expect(cli.stdout).toBe("");
  });

  it("asks for a format when the extension does not tell it", async () => {
    expect(await cli.run(figurePath, "--out", path.join(dir, "roi.jpg"))).toBe(2);
    expect(cli.stderr).toContain("--out: cannot tell the format");
  });

  it("rejects a missing or invalid figure file with exit code 2", async () => {
    expect(await cli.run(path.join(dir, "none.json"), "--out", path.join(dir, "x.html"))).toBe(2);
    expect(cli.stderr).toContain("none.json: $: cannot read the figure file: no such file");
    cli.clear();
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, JSON.stringify({ data: {}, layout: {} }));
    expect(await cli.run(bad, "--out", path.join(dir, "x.html"))).toBe(2);
    expect(cli.stderr).toContain("bad.json: $.data:");
    expect(fs.existsSync(path.join(dir, "x.html"))).toBe(false);
  });

  it("chart refuses a PNG larger than Chromium can draw (--scale 3 --width 10000 --height 10000): exit 2 naming --scale, the old PNG untouched", async () => {
    const out = path.join(dir, "roi.png");
    fs.writeFileSync(out, "a good PNG the user already had");
    expect(await cli.run(figurePath, "--out", out, "--scale", "3", "--width", "10000", "--height", "10000")).toBe(2);
    expect(cli.stderr).toContain("command line: --scale: 30,000 × 30,000 pixels (10000 × 10000 px at scale 3) is more than Chromium can draw");
    expect(fs.readFileSync(out, "utf8")).toBe("a good PNG the user already had");
    expect(fs.readdirSync(dir).sort()).toEqual(["roi.figure.json", "roi.png"]);
  });

  it("chart names $.layout.width and $.layout.height of a figure with a bad size (exit 2, nothing written)", async () => {
    const bad = path.join(dir, "sized.json");
    fs.writeFileSync(bad, JSON.stringify({ data: [{ type: "bar", x: [1], y: [2] }], layout: { width: "wide", height: 20_000 } }));
    const out = path.join(dir, "x.png");
    expect(await cli.run(bad, "--out", out)).toBe(2);
    expect(cli.stderr).toContain("sized.json: $.layout.width: must be a number of CSS pixels");
    expect(cli.stderr).toContain("sized.json: $.layout.height: must be at most 10000 CSS pixels");
    expect(fs.existsSync(out)).toBe(false);
  });

  it("chart refuses an unknown trace type instead of drawing it as a line chart (exit 2 naming $.data[1].type)", async () => {
    const bad = path.join(dir, "typo.json");
    fs.writeFileSync(
      bad,
      JSON.stringify({
        data: [
          { type: "bar", x: [1], y: [2] },
          { type: "barr", x: [1], y: [3] },
        ],
        layout: {},
      }),
    );
    const out = path.join(dir, "x.svg");
    expect(await cli.run(bad, "--out", out)).toBe(2);
    expect(cli.stderr).toContain('typo.json: $.data[1].type: unknown trace type "barr"');
    expect(cli.stderr).not.toContain("$.data[0]");
    expect(fs.existsSync(out)).toBe(false);
  });

  it("requires --out", async () => {
    await expect(
      chartCommand()
        .exitOverride()
        .configureOutput({ writeErr: () => undefined })
        .parseAsync(["node", "chart", figurePath]),
    ).rejects.toThrow(/--out/);
  });
});
