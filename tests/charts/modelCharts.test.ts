import { describe, expect, it } from "vitest";
import { aucComparisonChart, importanceChart, liftGainChart, tierDistributionChart } from "../../src/charts/modelSummaryCharts";
import { calibrationChart, precisionRecallChart, rocChart } from "../../src/charts/modelCharts";
import { figureProblems } from "../../src/charts/figureProblems";
import { applyTheme } from "../../src/charts/theme";
import { calibrationCurve, liftTable, precisionRecallCurve, rocCurve } from "../../src/models/metrics/index";

const p = [0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.05, 0.6];
const y = [0, 0, 1, 1, 0, 1, 0, 0];

describe("model charts", () => {
  it("ROC chart: one line per model plus the chance diagonal, AUC in the legend", () => {
    const fig = rocChart([{ name: "GBDT", curve: rocCurve(p, y), auc: 0.8667 }], "en");
    expect(fig.data).toHaveLength(2);
    expect(fig.data[0]?.["name"]).toBe("GBDT (AUC 0.867)");
    expect(fig.data[1]?.["x"]).toEqual([0, 1]);
    expect(figureProblems(fig)).toEqual([]);
  });
  it("thins long curves to at most ~400 points, keeping the end point", () => {
    const n = 5000;
    const scores = Array.from({ length: n }, (_, i) => i / n);
    const labels = scores.map((_, i) => (i % 3 === 0 ? 1 : 0));
    const x = rocChart([{ name: "m", curve: rocCurve(scores, labels), auc: 0.5 }]).data[0]?.["x"] as number[];
    expect(x.length).toBeLessThanOrEqual(402);
    expect(x[x.length - 1]).toBe(1);
  });
  it("PR chart has the base rate as its reference", () => {
    const fig = precisionRecallChart([{ name: "MLP", curve: precisionRecallCurve(p, y), ap: 0.7 }], 0.375, "zh");
    expect(fig.data[1]?.["y"]).toEqual([0.375, 0.375]);
    expect(figureProblems(fig)).toEqual([]);
    expect(() => precisionRecallChart([], 0.1)).toThrow(RangeError);
  });
  it("calibration, lift, importance, tiers and AUC charts are valid figures", () => {
    const figs = [
      calibrationChart([{ name: "GBDT", curve: calibrationCurve(p, y, 5) }], "en"),
      liftGainChart(liftTable(p, y, 4), "en"),
      importanceChart(
        [
          { feature: "recency_days", importance: 0.08, sd: 0.004 },
          { feature: "segment", importance: -0.001, sd: 0.002 },
        ],
        "en",
      ),
      tierDistributionChart([0.01, 0.02, 0.05, 0.92], [0.03, 0.08, 0.12, 0.77], "zh"),
      aucComparisonChart([{ name: "GBDT", auc: 0.86, low: 0.84, high: 0.88 }], 0.85, 0.8, "en"),
    ];
    for (const fig of figs) expect(figureProblems(fig)).toEqual([]);
    expect((figs[2]!.data[0]!["y"] as string[])[1]).toBe("recency_days"); // most important on top
    expect((figs[4]!.layout["shapes"] as unknown[]).length).toBe(2);
    expect(() => tierDistributionChart([1], [1, 2, 3, 4])).toThrow(RangeError);
  });

  it("the calibration plot zooms to the probabilities it shows instead of squeezing them into 0–10% of a 0–100% axis", () => {
    // A calibrated model at a 2% base rate: every bin under 8%.
    const scores = Array.from({ length: 2000 }, (_, i) => 0.005 + (0.07 * i) / 2000);
    const labels = scores.map((q, i) => ((i * 7919) % 1000 < q * 1000 ? 1 : 0));
    const fig = calibrationChart([{ name: "GBDT", curve: calibrationCurve(scores, labels, 10, "quantile") }], "en");
    const top = (fig.layout["xaxis"] as { range: number[] }).range[1]!;
    expect(top).toBeGreaterThanOrEqual(0.07);
    expect(top).toBeLessThanOrEqual(0.1);
    expect((fig.layout["yaxis"] as { range: number[] }).range).toEqual((fig.layout["xaxis"] as { range: number[] }).range);
  });

  it("the lift chart's right axis gets the theme's automargin, so its title clears its tick labels", () => {
    const themed = applyTheme(liftGainChart(liftTable(p, y, 4), "en"));
    expect(themed.layout["yaxis2"]).toMatchObject({ automargin: true, side: "right", title: { standoff: 10 } });
  });

  it("the tier-distribution legend shows a neutral swatch for the tier-coloured model bars, not tier 1's red", () => {
    const fig = tierDistributionChart([0.004, 0.011, 0.04, 0.945], [0.03, 0.08, 0.12, 0.77], "en");
    const shown = fig.data.filter((d) => d["showlegend"] !== false);
    expect(shown.map((d) => d["name"])).toEqual(["Plan assumption", "Model scores (colour = risk tier)"]);
    expect((shown[1]!["marker"] as { color: string }).color).toBe("#34495E");
    expect(fig.data[0]!["showlegend"]).toBe(false);
  });
});
