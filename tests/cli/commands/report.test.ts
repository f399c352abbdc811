import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createHash } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { CommanderError } from "commander";
import { bridgeCommand } from "../../../src/cli/commands/bridge";
import { reportCommand, reportOptions } from "../../../src/cli/commands/report";
import { pdfPageCount } from "../../../src/charts/browser";
import { commandSession } from "../../helpers/captureOutput";

const seedUncertain = "data/plans/seed-plan-uncertain.json";
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-report-cli-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

afterEach(() => {
  vi.unstubAllEnvs();
});

const cli = commandSession(reportCommand);

describe("churnlab report <plan> --out DIR", () => {
  it("writes ceo-page.html (offline), ceo-page.pdf (one A4 page) and ceo-page.png, and prints the paths, recommendation and headline as JSON", async () => {
    const out = path.join(dir, "zh");
    expect(await cli.run(seedUncertain, "--out", out, "--trials", "2000", "--seed", "3", "--rollout-trials", "2", "--json")).toBe(0);
    expect(cli.stderr).toBe("");
    const result = JSON.parse(cli.stdout);
    expect(Object.keys(result)).toEqual([
      "html",
      "pdf",
      "screenshot",
      "plan",
      "planSha256",
      "seed",
      "trials",
      "rolloutTrials",
      "recommendation",
      "headlineRoi",
      "bridge",
      "gates",
      "roi",
      "cashRoi",
      "npv",
      "probPaybackWithinYear",
      "probRoiAbove200",
    ]);
    expect(Object.keys(result.recommendation)).toEqual(["decision", "probability", "probabilityOf", "reasons", "pivots"]);
    expect(result.recommendation.decision).toBe("redesign");
    expect(result.recommendation.reasons.every((r: unknown) => typeof r === "string")).toBe(true);
    expect(result.headlineRoi).toEqual({ value: result.bridge.end.roi, se: result.bridge.end.se });
    expect(result.npv).toMatchObject({ years: 3, discountRate: 0.08 });
    expect(result.rolloutTrials).toBe(2);
    expect(result.gates.map((g: { stage: string; month: number; source: string }) => [g.stage, g.month, g.source])).toEqual([
      ["mvp", 3, "rollout"],
      ["regional", 6, "rollout"],
      ["national", 12, "none"],
    ]);
    expect(result).toMatchObject({
      html: path.join(out, "ceo-page.html"),
      pdf: path.join(out, "ceo-page.pdf"),
      screenshot: path.join(out, "ceo-page.png"),
      plan: "seed-plan-uncertain.json",
      planSha256: createHash("sha256").update(fs.readFileSync(seedUncertain)).digest("hex"),
      seed: 3,
      trials: 2000,
    });
    expect(result.roi.p5).toBeLessThan(result.roi.p50);
    expect(result.roi.p50).toBeLessThan(result.roi.p95);
    expect(fs.readdirSync(out).sort()).toEqual(["ceo-page.html", "ceo-page.pdf", "ceo-page.png"]);
    const html = fs.readFileSync(result.html, "utf8");
    expect(html).toMatch(/<html lang="zh-CN">/);
    expect(html).toContain(result.planSha256);
    expect(html).toContain("种子 3 · 每个桥接变体 2,000 次模拟");
    expect(pdfPageCount(fs.readFileSync(result.pdf))).toBe(1);
    const png = fs.readFileSync(result.screenshot);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1588, 2246]);
  }, 240_000);

  it("prints the decision first, then the headline and the paths, in words (English page with --lang en)", async () => {
    const out = path.join(dir, "en");
    expect(await cli.run(seedUncertain, "-o", out, "--lang", "en", "-n", "1000", "--rollout-trials", "0")).toBe(0);
    const lines = cli.stdout.split("\n");
    expect(lines[0]).toMatch(/^recommendation: redesign \([\d.]+%: the first-year lifetime-value ROI misses the MVP line\)$/);
    expect(lines[1]).toBe("  - first-year ROI on lifetime value above the MVP line of 200%: 0% of simulated futures");
    expect(cli.stdout).toMatch(/\n {2}would change it most: benefits\.ltvYuan \(ROI -?[\d.]+% at P10, -?[\d.]+% at P90\); /);
    expect(cli.stdout).toMatch(/\nheadline: first-year cash ROI -[\d.]+% \(±[\d.]+ points\), the end of the ROI bridge from the stated 359\.0%\n/);
    expect(cli.stdout).toMatch(
      /\nwrote .*ceo-page\.html\nwrote .*ceo-page\.pdf \(1 A4 page\)\nwrote .*ceo-page\.png\n\(seed 1, 1,000 trials, plan sha256 [0-9a-f]{12}…\)\n$/,
    );
    expect(fs.readFileSync(path.join(out, "ceo-page.html"), "utf8")).toMatch(/<html lang="en">/);
  }, 240_000);

  it("report --json's headlineRoi equals bridge --json's end for the same plan, seed and trials", async () => {
    expect(await cli.run(seedUncertain, "-o", path.join(dir, "headline"), "-n", "1000", "-s", "5", "--rollout-trials", "0", "--json")).toBe(0);
    const report = JSON.parse(cli.stdout);
    cli.clear();
    await bridgeCommand().exitOverride().parseAsync(["node", "bridge", seedUncertain, "--trials", "1000", "--seed", "5", "--json"]);
    expect(Number(process.exitCode ?? 0)).toBe(0);
    const bridge = JSON.parse(cli.stdout);
    expect(report.headlineRoi).toEqual({ value: bridge.end.roi, se: bridge.end.se });
    expect(report.bridge.steps).toEqual(bridge.steps);
  }, 240_000);
});

describe("churnlab report: bad input exits 2 and writes nothing", () => {
  it("names every problem of a bad plan with its JSON path", async () => {
    const bad = path.join(dir, "bad-plan.json");
    const plan = JSON.parse(fs.readFileSync("data/plans/seed-plan.json", "utf8"));
    plan.customers = -5;
    plan.tiers[0].saveRate = 1.5;
    fs.writeFileSync(bad, JSON.stringify(plan));
    const out = path.join(dir, "bad-out");
    expect(await cli.run(bad, "--out", out, "--trials", "100")).toBe(2);
    expect(cli.stdout).toBe("");
    expect(cli.stderr).toMatch(/\$\.customers/);
    expect(cli.stderr).toMatch(/\$\.tiers\[0\]\.saveRate/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("rejects a missing plan file and a file that is not JSON", async () => {
    const out = path.join(dir, "missing-out");
    expect(await cli.run(path.join(dir, "nope.json"), "--out", out)).toBe(2);
    expect(cli.stderr).toMatch(/no such file/);
    const notJson = path.join(dir, "not.json");
    fs.writeFileSync(notJson, "{ customers: ");
    expect(await cli.run(notJson, "--out", out)).toBe(2);
    expect(cli.stderr).toMatch(/not valid JSON/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("names every bad flag at once: --lang, --trials, --seed and --rollout-trials", async () => {
    const out = path.join(dir, "flags-out");
    expect(await cli.run(seedUncertain, "--out", out, "--lang", "fr", "--trials", "0", "--seed", "1.5", "--rollout-trials", "x")).toBe(2);
    expect(cli.stderr).toContain("command line: 4 problems");
    expect(cli.stderr).toMatch(/--rollout-trials: must be an integer from 0 to 10000/);
    expect(cli.stderr).toMatch(/--lang: must be one of zh, en, got "fr"/);
    expect(cli.stderr).toMatch(/--trials: must be an integer from 1 to 10000000, got "0"/);
    expect(cli.stderr).toMatch(/--seed: must be an integer, got "1.5"/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("refuses an --out that is a file", async () => {
    const file = path.join(dir, "a-file");
    fs.writeFileSync(file, "x");
    expect(await cli.run(seedUncertain, "--out", file, "--trials", "10")).toBe(2);
    expect(cli.stderr).toMatch(/--out: .* is a file, not a folder/);
    expect(fs.readFileSync(file, "utf8")).toBe("x");
  });

  it("requires --out (a usage error: commander exits, main maps it to 2)", async () => {
    await expect(
      reportCommand()
        .exitOverride()
        .configureOutput({ writeErr: () => undefined })
        .parseAsync(["node", "report", seedUncertain]),
    ).rejects.toBeInstanceOf(CommanderError);
  });
});

describe("churnlab report: a rendering failure exits 1 and writes nothing", () => {
  it("leaves no file behind when Chromium cannot start", async () => {
    vi.stubEnv("CHURNLAB_CHROMIUM", path.join(dir, "no-chromium"));
    const out = path.join(dir, "no-browser-out");
    expect(await cli.run(seedUncertain, "--out", out, "--trials", "200", "--rollout-trials", "0")).toBe(1);
    expect(cli.stderr).toMatch(/Chromium not found/);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("reportOptions(flags)", () => {
  it("turns valid flags into writeCeoReport options (lang case-insensitive, negative seeds allowed)", () => {
    expect(reportOptions({ out: "o", lang: "EN", trials: "20000", seed: "-7", rolloutTrials: "0" })).toEqual({
      outDir: "o",
      lang: "en",
      trials: 20000,
      seed: -7,
      rollout: false,
    });
    expect(reportOptions({ out: "o", lang: "zh", trials: "1", seed: "1", rolloutTrials: "5" }).rollout).toEqual({ trials: 5 });
  });

  it("rejects an empty --out, a huge --trials, a non-integer --seed and a negative --rollout-trials", () => {
    expect(() => reportOptions({ out: " ", lang: "zh", trials: "10000001", seed: "x", rolloutTrials: "-1" })).toThrow(/4 problems/);
  });
});
