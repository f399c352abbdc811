import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../../src/io/InputError";
import { parsePlan } from "../../../src/plan";
import { isPlanOverlay, resolvePlanOverlay } from "../../../src/simulation/inputs/planOverlay";
import { loadUncertainPlan, parseUncertainPlan } from "../../../src/simulation/inputs/uncertainPlan";
import { repoFile, seedPlanJson } from "../fixtures";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-overlay-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
fs.mkdirSync(path.join(dir, "plans"));
fs.writeFileSync(path.join(dir, "plans", "base.json"), JSON.stringify(seedPlanJson()));

/** Writes an overlay next to plans/base.json and returns its path. */
function overlayFile(name: string, json: unknown): string {
  const file = path.join(dir, "plans", name);
  fs.writeFileSync(file, JSON.stringify(json));
  return file;
}

function problems(fn: () => unknown): { source: string; where: string[]; messages: string[] } {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return { source: err.source, where: err.problems.map((p) => p.where), messages: err.problems.map((p) => p.message) };
    throw err;
  }
  throw new Error("expected an InputError");
}

const churnBefore = { dist: "pert", min: 0.15, mode: 0.18, max: 0.21 };

describe("data/plans/seed-plan-uncertain.json, an overlay on seed-plan.json", () => {
  const file = repoFile("data/plans/seed-plan-uncertain.json");
  const plan = loadUncertainPlan(file);
  it("is an overlay whose base plan is the article's plan, renamed", () => {
    expect(isPlanOverlay(JSON.parse(fs.readFileSync(file, "utf8")))).toBe(true);
    const { name, nameZh, ...rest } = plan.base;
    const { name: _n, nameZh: _z, ...seed } = parsePlan(seedPlanJson(), "seed-plan.json");
    expect(rest).toEqual(seed);
    expect(name).toBe("After-sales churn programme, first year, with uncertain assumptions");
    expect(plan.uncertain).toBe(true);
  });
  it("has 25 inputs in the base plan's document order (tiers, timing, costs, benefits, then the simulation section)", () => {
    expect(plan.inputs).toHaveLength(25);
    expect(plan.inputs.slice(0, 4).map((x) => x.name)).toEqual([
      "tiers.very-high.saveRate",
      "tiers.high.saveRate",
      "tiers.medium.saveRate",
      "timing.abTest.0.saveRate",
    ]);
    expect(plan.inputs.slice(-3).map((x) => x.path)).toEqual(["$.simulation.discountRate", "$.simulation.annualMarginYuan", "$.simulation.modelAuc"]);
    expect(plan.inputs.find((x) => x.name === "costs.oneTime.systems-integration.amountYuan")!.path).toBe("$.costs.oneTime[2].amountYuan");
  });
  it("reads the same as its full form (the older format, still accepted): inputs, correlations and assumptions", () => {
    const full = parseUncertainPlan(plan.json, "full.json");
    expect(isPlanOverlay(plan.json)).toBe(false);
    expect(full.inputs.map((x) => [x.name, x.path, x.compiled.base])).toEqual(plan.inputs.map((x) => [x.name, x.path, x.compiled.base]));
    expect(full.correlations).toEqual(plan.correlations);
    expect(full.correlations).toEqual([
      { a: 16, b: 17, rankCorrelation: 0.6 },
      { a: 7, b: 9, rankCorrelation: 0.5 },
      { a: 0, b: 1, rankCorrelation: 0.5 },
    ]);
    expect(full.assumptions).toEqual(plan.assumptions);
  });
});

describe("resolvePlanOverlay", () => {
  it("resolves the base relative to the overlay file, puts values by id or index and adds the sections", () => {
    const r = resolvePlanOverlay(
      {
        base: "base.json",
        overlay: { "benefits.churnBefore": churnBefore, "$.tiers[1].saveRate": 0.61, "timing.abTest.0.saveRate": 0.6 },
        sampling: { method: "latin-hypercube" },
      },
      path.join(dir, "plans", "x.json"),
    );
    expect(r.baseFile).toBe(path.join(dir, "plans", "base.json"));
    const json = r.json as {
      benefits: { churnBefore: unknown };
      tiers: Array<{ saveRate: unknown }>;
      timing: { abTest: Array<{ saveRate: unknown }> };
      sampling: unknown;
    };
    expect(json.benefits.churnBefore).toEqual(churnBefore);
    expect(json.tiers[1]?.saveRate).toBe(0.61);
    expect(json.timing.abTest[0]?.saveRate).toBe(0.6);
    expect(json.sampling).toEqual({ method: "latin-hypercube" });
  });
  it("leaves the base file's JSON and the overlay untouched", () => {
    const overlay = { base: "base.json", overlay: { customers: 1000 } };
    const before = JSON.stringify(overlay);
    resolvePlanOverlay(overlay, path.join(dir, "plans", "x.json"));
    expect(JSON.stringify(overlay)).toBe(before);
  });
});

describe("errors in an overlay name the overlay file and the field", () => {
  it("a bad distribution: $.overlay[key] and the parameter, in the overlay file", () => {
    const file = overlayFile("bad-dist.json", { base: "base.json", overlay: { "benefits.churnAfter": { dist: "pert", min: 0.2, mode: 0.12, max: 0.1 } } });
    const p = problems(() => loadUncertainPlan(file));
    expect(p.source).toBe(file);
    expect(p.where).toEqual(expect.arrayContaining(['$.overlay["benefits.churnAfter"].max', '$.overlay["benefits.churnAfter"].mode']));
  });
  it("a misspelled field is an unknown field at its overlay key", () => {
    const file = overlayFile("misspelled.json", { base: "base.json", overlay: { "benefits.churnBefor": 0.2 } });
    const p = problems(() => loadUncertainPlan(file));
    expect(p.where).toEqual(['$.overlay["benefits.churnBefor"]']);
    expect(p.messages[0]).toMatch(/unknown field/);
  });
  it("a distribution reaching values the plan does not allow is named at its overlay key", () => {
    const file = overlayFile("bad-value.json", { base: "base.json", overlay: { "tiers.low.saveRate": { dist: "uniform", min: 0.5, max: 1.5 } } });
    const p = problems(() => loadUncertainPlan(file));
    expect(p.where).toEqual(['$.overlay["tiers.low.saveRate"]']);
    expect(p.messages[0]).toMatch(/^the distribution reaches values the plan does not allow: at its highest value, must be a fraction from 0 to 1/);
  });
  it("a path the base does not have lists the ids it has", () => {
    const file = overlayFile("bad-path.json", { base: "base.json", overlay: { "tiers.vip.saveRate": 0.5, "stopLoss.x.y": 1 } });
    const p = problems(() => loadUncertainPlan(file));
    expect(p.where).toEqual(['$.overlay["tiers.vip.saveRate"]', '$.overlay["stopLoss.x.y"]']);
    expect(p.messages[0]).toBe(
      `"vip" is neither an id nor an index of $.tiers in the base plan ${path.join(dir, "plans", "base.json")} (very-high, high, medium, low)`,
    );
  });
  it("one field set twice (by id and by index), and simulation settings outside their section", () => {
    const file = overlayFile("twice.json", { base: "base.json", overlay: { "tiers.high.saveRate": 0.5, "tiers.1.saveRate": 0.6, "simulation.modelAuc": 0.8 } });
    const p = problems(() => loadUncertainPlan(file));
    expect(p.where).toEqual(['$.overlay["tiers.1.saveRate"]', '$.overlay["simulation.modelAuc"]']);
    expect(p.messages[0]).toMatch(/sets \$\.tiers\[1\]\.saveRate, which "tiers\.high\.saveRate" sets too/);
  });
  it("a missing base file names both files; unknown top-level fields are named", () => {
    const file = overlayFile("no-base.json", { base: "nope.json", overlay: {}, extra: 1 });
    expect(problems(() => loadUncertainPlan(file)).where).toEqual(["$.extra"]);
    const missing = overlayFile("no-base2.json", { base: "nope.json" });
    const p = problems(() => loadUncertainPlan(missing));
    expect(p.source).toBe(missing);
    expect(p.where).toEqual(["$.base"]);
    expect(p.messages[0]).toContain(`"nope.json" (${path.join(dir, "plans", "nope.json")}, relative to ${missing})`);
    expect(p.messages[0]).toContain("no such file");
  });
  it("a problem in the base plan itself is named with the base file and its path", () => {
    const bad = seedPlanJson();
    bad.tiers[1].id = "very-high";
    fs.writeFileSync(path.join(dir, "plans", "bad-base.json"), JSON.stringify(bad));
    const file = overlayFile("on-bad-base.json", { base: "bad-base.json", overlay: { "benefits.churnBefore": churnBefore } });
    const p = problems(() => loadUncertainPlan(file));
    expect(p.where).toContain(`${path.join(dir, "plans", "bad-base.json")}: $.tiers[1].id`);
  });
  it("correlations name inputs by overlay key and their problems stay in the overlay file", () => {
    const file = overlayFile("corr.json", {
      base: "base.json",
      overlay: { "benefits.churnBefore": churnBefore },
      correlations: [{ a: "benefits.churnBefore", b: "benefits.ltvYuan", rankCorrelation: 0.5 }],
    });
    expect(problems(() => loadUncertainPlan(file)).where).toEqual(["$.correlations[0].b"]);
  });
});
