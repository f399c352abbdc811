import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/io/InputError";
import { loadUncertainPlan } from "../../../src/simulation/inputs/uncertainPlan";
import { loadDesign, parseDesign } from "../../../src/simulation/design/designSchema";
import { designJson, planDesign } from "../../../src/simulation/design/programmeDesign";
import { repoFile } from "../fixtures";
import type { JsonDocument } from "../../helpers/jsonDocument";

const plan = loadUncertainPlan(repoFile("data/plans/seed-plan-uncertain.json")).base;
const own = planDesign(plan, loadUncertainPlan(repoFile("data/plans/seed-plan-uncertain.json")).assumptions.programme);
const json = (): JsonDocument =>
  JSON.parse(JSON.stringify(designJson({ ...own, capacityPerWeek: { ...own.capacityPerWeek, medium: Number.POSITIVE_INFINITY } })));

describe("parseDesign: a design file at the boundary", () => {
  it('reads a design as optimize prints it ("unlimited" is Infinity), alone or inside the optimize output', () => {
    const d = parseDesign(json(), "best.json", plan);
    expect(d.capacityPerWeek["medium"]).toBe(Number.POSITIVE_INFINITY);
    expect(d.channels).toEqual(own.channels);
    expect(parseDesign({ plan: {}, best: { design: json() } }, "optimize.json", plan).queueRule).toBe("value-first");
  });
  it("collects every problem with its JSON path", () => {
    const bad = { ...json(), queueRule: "random", minContactDelayDays: -1, channels: { ...json()["channels"], high: "sms", nope: "none" } };
    try {
      parseDesign(bad, "bad.json", plan);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      const where = (err as InputError).problems.map((p) => p.where);
      expect(where).toEqual(expect.arrayContaining(["$.queueRule", "$.minContactDelayDays"]));
    }
    try {
      parseDesign({ best: { design: { ...json(), channels: { ...json()["channels"], high: "sms", nope: "none" } } } }, "bad.json", plan);
      expect.unreachable();
    } catch (err) {
      expect((err as InputError).problems.map((p) => p.where)).toEqual(["$.best.design.channels.high", "$.best.design.channels.nope"]);
    }
    expect(() => parseDesign({ ...json(), cumulativeShares: [0.2, 0.1, 0.3] }, "bad.json", plan)).toThrow(/increasing/);
  });
  it("loadDesign names an unreadable or malformed file (exit-2 errors)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "design-"));
    const file = path.join(dir, "d.json");
    fs.writeFileSync(file, "{ not json");
    expect(() => loadDesign(file, plan)).toThrow(/not valid JSON/);
    expect(() => loadDesign(path.join(dir, "missing.json"), plan)).toThrow(/no such file/);
    fs.writeFileSync(file, JSON.stringify(json()));
    expect(loadDesign(file, plan).stageTiers).toBe("plan");
  });
});
