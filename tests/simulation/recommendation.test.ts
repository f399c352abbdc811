import { describe, expect, it } from "vitest";
import { GO_PROBABILITY, REDESIGN_BELOW, reasonText, recommend, type DecisionEvidence } from "../../src/simulation/recommendation";
import type { TornadoBar } from "../../src/simulation/montecarlo/sensitivity";

// The rule reads the plan's own lines: the MVP gate (go / stop in the rollout), P(lifetime-value ROI > the MVP's 200%)
// and P(3-year NPV > 0). Thresholds: go from 80%, redesign below 20% (src/simulation/recommendation.ts).
const base: DecisionEvidence = { probRoiAboveLine: 0.5, roiLine: 2, probNpvPositive: 0.5, npvYears: 3, cashRoi: { value: -0.2, se: 0.004 }, drivers: [] };

const bar = (name: string, atP10: number, atP90: number): TornadoBar => ({
  name,
  path: `$.${name}`,
  base: 1,
  p10: 0.9,
  p90: 1.1,
  outputAtP10: atP10,
  outputAtP90: atP90,
  swing: Math.abs(atP90 - atP10),
});

describe("recommend(evidence)", () => {
  it("says go when the MVP gate passes with >= 80% and the NPV is positive with >= 80%; the probability is P(go)", () => {
    const r = recommend({ ...base, probRoiAboveLine: 0.9, probNpvPositive: 0.85, mvpGate: { probGo: 0.82, probStop: 0.05 } });
    expect([r.decision, r.probability, r.probabilityOf]).toEqual(["go", 0.82, "gatePass"]);
    expect(r.reasonItems.filter((x) => x.decisive).map((x) => x.id)).toEqual(["npvPositive", "mvpGate"]);
    expect(GO_PROBABILITY).toBe(0.8);
  });

  it("without the rollout, reads P(ROI above the line) as the pass probability", () => {
    const r = recommend({ ...base, probRoiAboveLine: 0.8, probNpvPositive: 0.9 });
    expect([r.decision, r.probability, r.probabilityOf]).toEqual(["go", 0.8, "roiAboveLine"]);
    expect(recommend({ ...base, probRoiAboveLine: 0.79, probNpvPositive: 0.9 }).decision).toBe("pilot-first");
  });

  it("says redesign when the ROI line is met with < 20%: the probability is P(ROI below the line), the ROI reason decisive", () => {
    const r = recommend({ ...base, probRoiAboveLine: 0.05, probNpvPositive: 0.4 });
    expect(r.decision).toBe("redesign");
    expect(r.probability).toBeCloseTo(0.95, 12);
    expect(r.probabilityOf).toBe("roiBelowLine");
    expect(r.reasonItems.filter((x) => x.decisive).map((x) => x.id)).toEqual(["roiLine"]);
    expect(REDESIGN_BELOW).toBe(0.2);
  });

  it("says redesign when the NPV is positive with < 20%, whichever of the two is weaker names the probability", () => {
    const r = recommend({ ...base, probRoiAboveLine: 0.3, probNpvPositive: 0.1 });
    expect([r.decision, r.probabilityOf]).toEqual(["redesign", "npvNegative"]);
    expect(r.probability).toBeCloseTo(0.9, 12);
  });

  it("says redesign when the MVP gate stops the programme more often than it passes it: the probability is P(stop)", () => {
    const r = recommend({ ...base, mvpGate: { probGo: 0.2, probStop: 0.45 } });
    expect([r.decision, r.probability, r.probabilityOf]).toEqual(["redesign", 0.45, "gateStop"]);
    expect(r.reasonItems.find((x) => x.id === "mvpGate")).toMatchObject({ probGo: 0.2, probStop: 0.45, decisive: true });
  });

  it("says pilot first otherwise: the probability is P(pass)", () => {
    const r = recommend({ ...base, mvpGate: { probGo: 0.5, probStop: 0.1 } });
    expect([r.decision, r.probability, r.probabilityOf]).toEqual(["pilot-first", 0.5, "gatePass"]);
  });

  it("gives every reason as an id with its numbers and the same reason as an English sentence (the JSON's reasons)", () => {
    const r = recommend({
      ...base,
      probRoiAboveLine: 0,
      probNpvPositive: 0,
      cashRoi: { value: -0.9463, se: 0.000095 },
      mvpGate: { probGo: 0, probStop: 0.4167 },
    });
    expect(r.reasonItems).toEqual([
      { id: "roiLine", probability: 0, line: 2, decisive: true },
      { id: "npvPositive", probability: 0, years: 3, decisive: true },
      { id: "cashRoi", value: -0.9463, se: 0.000095, decisive: false },
      { id: "mvpGate", probGo: 0, probStop: 0.4167, decisive: false },
    ]);
    expect(r.reasons).toEqual([
      "first-year ROI on lifetime value above the MVP line of 200%: 0% of simulated futures",
      "3-year NPV positive: 0% of simulated futures",
      "first-year cash ROI -95% (±0.0 points)",
      "MVP gate in the customer-level rollout: go 0%, stop-loss 42%",
    ]);
    expect(r.reasons).toEqual(r.reasonItems.map(reasonText));
  });

  it("names the two widest drivers as pivots and says whether one alone moves the ROI across the line", () => {
    const r = recommend({ ...base, drivers: [bar("benefits.ltvYuan", -0.48, 2.5), bar("benefits.churnBefore", -0.34, -0.24), bar("x", 0, 0.1)] });
    expect(r.pivots.map((p) => [p.name, p.roiAtP10, p.roiAtP90, p.crossesLine])).toEqual([
      ["benefits.ltvYuan", -0.48, 2.5, true],
      ["benefits.churnBefore", -0.34, -0.24, false],
    ]);
    expect(recommend(base).pivots).toEqual([]);
  });
});
