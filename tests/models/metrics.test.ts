import { describe, expect, it } from "vitest";
import { createStream } from "../../src/random/createStream";
import { matrix } from "../../src/models/Matrix";
import {
  aucWithDeLongInterval,
  averagePrecision,
  brierScore,
  calibrationCurve,
  confusionAtThresholds,
  evaluate,
  ksStatistic,
  liftTable,
  logLoss,
  midranks,
  permutationImportance,
  precisionRecallCurve,
  riskTiers,
  rocAuc,
  rocCurve,
  tierSummary,
} from "../../src/models/metrics/index";

/*
 * Reference data set and values: computed once with scikit-learn 1.2.1,
 * scipy 1.10.1 and numpy 1.24.2 (Debian's /usr/bin/python3):
 *   rng = np.random.RandomState(7); n = 40
 *   y = (rng.rand(n) < 0.35).astype(int)
 *   p = np.clip(np.round(0.25 + 0.35*y + rng.normal(0, 0.2, n), 1), 0, 1)
 * Scores are rounded to one decimal, so there are many ties (and exact 0 and 1).
 */
const p = [
  0.2, 0.1, 0.0, 0.5, 0.6, 0.2, 0.4, 0.6, 0.7, 0.1, 0.0, 0.0, 0.3, 1.0, 0.7, 0.1, 1.0, 0.3, 0.3, 0.7, 0.2, 0.2, 0.3, 0.4, 0.2, 0.8, 0.2, 0.0, 0.2, 0.6, 0.5,
  0.1, 0.0, 0.0, 0.2, 0.0, 0.5, 0.5, 0.3, 0.9,
];
const y = [1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1];
const sklearn = {
  rocAuc: 0.9151785714285714, // roc_auc_score(y, p)
  averagePrecision: 0.8471811713191022, // average_precision_score(y, p)
  brier: 0.10825, // brier_score_loss(y, p)
  logLoss: 0.343993334260501, // log_loss(y, p) (eps 1e-15)
  ks: 0.6904761904761905, // scipy ks_2samp(p[y==1], p[y==0]).statistic
  // calibration_curve(y, p, n_bins=5, strategy=...): (prob_true, prob_pred)
  uniform: {
    observed: [0.05263157894736842, 0.14285714285714285, 0.42857142857142855, 1.0, 1.0],
    predicted: [0.10526315789473684, 0.32857142857142857, 0.5428571428571429, 0.7249999999999999, 0.9666666666666667],
  },
  quantile: {
    observed: [0.0, 0.125, 0.2, 0.3333333333333333, 1.0],
    predicted: [0.03636363636363637, 0.19999999999999998, 0.3, 0.5111111111111111, 0.8285714285714285],
  },
  // DeLong by its O(m·n) definition in numpy: V10, V01 with psi = 1, 1/2, 0; var with ddof=1.
  delongSe: 0.048499168011975444,
};

describe("rocAuc", () => {
  it("equals scikit-learn's roc_auc_score on data with ties", () => {
    expect(rocAuc(p, y)).toBeCloseTo(sklearn.rocAuc, 14);
  });
  it("is 1 for a perfect ranking and 0 for a reversed one", () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
  });
  it("is 0.5 when every score ties, and about 0.5 for random scores", () => {
    expect(rocAuc([0.3, 0.3, 0.3, 0.3], [0, 1, 0, 1])).toBe(0.5);
    const rng = createStream(1, "auc-random");
    const n = 20000;
    const s = Array.from({ length: n }, () => rng());
    const l = Array.from({ length: n }, () => (rng() < 0.2 ? 1 : 0));
    // standard error of a null AUC with 4000 positives / 16000 negatives is about 0.0051
    expect(Math.abs(rocAuc(s, l) - 0.5)).toBeLessThan(0.02);
  });
  it("counts a tie between a positive and a negative as one half", () => {
    expect(rocAuc([0.5, 0.5], [0, 1])).toBe(0.5);
    expect(rocAuc([0.1, 0.5, 0.5], [0, 0, 1])).toBe(0.75);
  });
  it("is NaN without both classes and for empty input", () => {
    expect(rocAuc([0.1, 0.2], [1, 1])).toBeNaN();
    expect(rocAuc([], [])).toBeNaN();
  });
  it("rejects NaN scores, bad labels and mismatched lengths", () => {
    expect(() => rocAuc([NaN, 0.2], [0, 1])).toThrow(RangeError);
    expect(() => rocAuc([0.1, 0.2], [0, 2])).toThrow(/label 1 is 2/);
    expect(() => rocAuc([0.1], [0, 1])).toThrow(/1 scores but 2 labels/);
  });
  it("midranks average tied ranks", () => {
    expect(Array.from(midranks([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
  });
});

describe("aucWithDeLongInterval", () => {
  it("matches DeLong's variance computed by its O(m·n) definition", () => {
    const r = aucWithDeLongInterval(p, y);
    expect(r.auc).toBeCloseTo(sklearn.rocAuc, 14);
    expect(r.standardError).toBeCloseTo(sklearn.delongSe, 14);
    expect(r.low).toBeCloseTo(sklearn.rocAuc - 1.959963984540054 * sklearn.delongSe, 8);
    expect(r.high).toBe(1); // 1.0102 clipped to 1
    expect(r.positives).toBe(12);
    expect(r.negatives).toBe(28);
  });
  it("gives the small example's standard error (numpy: 0.3535533905932738)", () => {
    expect(aucWithDeLongInterval([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]).standardError).toBeCloseTo(0.3535533905932738, 14);
  });
  it("has zero width for a perfect separation and NaN without a class", () => {
    const r = aucWithDeLongInterval([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]);
    expect([r.auc, r.standardError, r.low, r.high]).toEqual([1, 0, 1, 1]);
    expect(aucWithDeLongInterval([0.1], [0]).auc).toBeNaN();
  });
  it("covers the true AUC about 95% of the time (binormal model, true AUC = Φ(1/√2) = 0.7602)", () => {
    const rng = createStream(3, "delong-coverage");
    const gauss = (): number => Math.sqrt(-2 * Math.log(rng())) * Math.cos(2 * Math.PI * rng());
    let covered = 0;
    const trials = 200;
    for (let t = 0; t < trials; t++) {
      const s: number[] = [];
      const l: number[] = [];
      for (let i = 0; i < 150; i++) {
        const pos = rng() < 0.3 ? 1 : 0;
        s.push(gauss() + pos);
        l.push(pos);
      }
      const r = aucWithDeLongInterval(s, l);
      if (r.low <= 0.7602499389065233 && 0.7602499389065233 <= r.high) covered++;
    }
    // binomial(200, 0.95): 99.9% of outcomes within 0.90..0.99
    expect(covered / trials).toBeGreaterThan(0.9);
    expect(covered / trials).toBeLessThan(0.99);
  });
  it("rejects a level outside (0, 1)", () => {
    expect(() => aucWithDeLongInterval([0.1, 0.9], [0, 1], 1)).toThrow(RangeError);
  });
});

describe("rocCurve", () => {
  it("steps through each distinct threshold", () => {
    const c = rocCurve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
    expect(Array.from(c.truePositiveRate)).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(Array.from(c.falsePositiveRate)).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(c.thresholds[0]).toBe(Infinity);
  });
  it("its trapezoid area equals the AUC", () => {
    const c = rocCurve(p, y);
    let area = 0;
    for (let k = 1; k < c.truePositiveRate.length; k++) {
      area +=
        (((c.falsePositiveRate[k] as number) - (c.falsePositiveRate[k - 1] as number)) *
          ((c.truePositiveRate[k] as number) + (c.truePositiveRate[k - 1] as number))) /
        2;
    }
    expect(area).toBeCloseTo(sklearn.rocAuc, 12);
  });
});

describe("averagePrecision", () => {
  it("equals scikit-learn's average_precision_score", () => {
    expect(averagePrecision(p, y)).toBeCloseTo(sklearn.averagePrecision, 14);
    expect(averagePrecision([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.8333333333333333, 14);
  });
  it("is 1 for a perfect ranking and the positive share when all scores tie", () => {
    expect(averagePrecision([0.1, 0.9], [0, 1])).toBe(1);
    expect(averagePrecision([0.5, 0.5, 0.5, 0.5], [1, 0, 0, 0])).toBe(0.25);
  });
  it("is NaN without positives", () => {
    expect(averagePrecision([0.5], [0])).toBeNaN();
  });
  it("precision-recall curve starts at recall 0, precision 1", () => {
    const c = precisionRecallCurve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
    expect(Array.from(c.precision)).toEqual([1, 1, 0.5, 2 / 3, 0.5]);
    expect(Array.from(c.recall)).toEqual([0, 0.5, 0.5, 1, 1]);
  });
});

describe("probability scores", () => {
  it("Brier, log loss and KS equal scikit-learn / scipy", () => {
    expect(brierScore(p, y)).toBeCloseTo(sklearn.brier, 14);
    expect(logLoss(p, y)).toBeCloseTo(sklearn.logLoss, 12);
    expect(ksStatistic(p, y)).toBeCloseTo(sklearn.ks, 14);
  });
  it("Brier of the base rate is π(1 − π)", () => {
    expect(brierScore([0.25, 0.25, 0.25, 0.25], [1, 0, 0, 0])).toBeCloseTo(0.1875, 15);
  });
  it("log loss of a confident mistake is capped at −ln(1e-15) ≈ 34.54", () => {
    expect(logLoss([0], [1])).toBeCloseTo(34.538776394910684, 8);
  });
  it("KS is 1 for a perfect separation and 0 when scores tie", () => {
    expect(ksStatistic([0.1, 0.9], [0, 1])).toBe(1);
    expect(ksStatistic([0.5, 0.5], [0, 1])).toBe(0);
  });
  it("rejects probabilities outside [0, 1] and is NaN on empty input", () => {
    expect(() => brierScore([1.2], [1])).toThrow(/probability 0 is 1.2/);
    expect(() => logLoss([-0.1], [0])).toThrow(RangeError);
    expect(brierScore([], [])).toBeNaN();
    expect(logLoss([], [])).toBeNaN();
  });
});

describe("calibrationCurve", () => {
  it("bins as scikit-learn's calibration_curve (uniform and quantile)", () => {
    for (const strategy of ["uniform", "quantile"] as const) {
      const c = calibrationCurve(p, y, 5, strategy);
      const ref = sklearn[strategy];
      expect(c.bins.map((b) => b.observedRate)).toHaveLength(ref.observed.length);
      c.bins.forEach((b, k) => {
        expect(b.observedRate).toBeCloseTo(ref.observed[k] as number, 12);
        expect(b.meanPredicted).toBeCloseTo(ref.predicted[k] as number, 12);
      });
    }
  });
  it("ECE is the count-weighted mean gap", () => {
    expect(calibrationCurve([0.1, 0.9, 0.8, 0.3], [0, 1, 1, 0], 2).ece).toBeCloseTo(0.175, 15);
    expect(calibrationCurve([0.25, 0.25, 0.25, 0.25], [1, 0, 0, 0], 10).ece).toBe(0);
  });
  it("is empty with NaN ECE for no data, and rejects bad bin counts", () => {
    expect(calibrationCurve([], [], 10).ece).toBeNaN();
    expect(() => calibrationCurve([0.5], [1], 0)).toThrow(RangeError);
  });
});

describe("liftTable", () => {
  it("puts the highest scores in group 1, with gains reaching 1", () => {
    const rows = liftTable(p, y, 4);
    expect(rows.map((r) => r.count)).toEqual([10, 10, 10, 10]);
    expect(rows.reduce((a, r) => a + r.positives, 0)).toBe(12);
    expect(rows[rows.length - 1]?.cumulativeGain).toBe(1);
    expect(rows[0]?.lift).toBeGreaterThan(2); // the top quarter holds most churners
  });
  it("lift of a perfect two-group split is 1/π", () => {
    const rows = liftTable([0.9, 0.8, 0.2, 0.1], [1, 0, 0, 0], 2);
    expect(rows[0]?.lift).toBe(2);
    expect(rows[0]?.cumulativeGain).toBe(1);
  });
  it("spreads uneven counts by at most one and rejects bad group counts", () => {
    expect(liftTable([1, 2, 3, 4, 5, 6, 7], [0, 1, 0, 1, 0, 1, 0], 3).map((r) => r.count)).toEqual([2, 2, 3]);
    expect(() => liftTable([0.1], [0], 2)).toThrow(RangeError);
  });
});

describe("tier confusion and summary", () => {
  it("flags strictly above the threshold, as the plan's '> 70%'", () => {
    const [c] = confusionAtThresholds([0.7, 0.71, 0.2], [1, 1, 0], [0.7]);
    expect(c).toMatchObject({ truePositives: 1, falseNegatives: 1, falsePositives: 0, trueNegatives: 1, precision: 1, recall: 0.5 });
  });
  it("uses the plan's 0.3 / 0.5 / 0.7 by default", () => {
    expect(confusionAtThresholds(p, y).map((c) => c.threshold)).toEqual([0.3, 0.5, 0.7]);
    const atHalf = confusionAtThresholds(p, y)[1];
    // p > 0.5: 0.6 ×3, 0.7 ×3, 0.8, 0.9, 1.0 ×2 = 10 rows, 8 of them churners
    expect(atHalf).toMatchObject({ truePositives: 8, falsePositives: 2 });
  });
  it("tiers follow section 5.1 (> 0.7 is tier 1, ≤ 0.3 tier 4)", () => {
    expect(Array.from(riskTiers([0.75, 0.7, 0.5, 0.31, 0.3, 0]))).toEqual([1, 2, 3, 3, 4, 4]);
    const summary = tierSummary([0.9, 0.1], [1, 0]);
    expect(summary[0]).toEqual({ tier: 1, count: 1, share: 0.5, meanProbability: 0.9, observedRate: 1 });
    expect(summary[1]?.count).toBe(0);
    expect(summary[1]?.meanProbability).toBeNaN();
  });
});

describe("permutationImportance", () => {
  it("finds the feature the model uses and gives ~0 to an unused one", () => {
    const rng = createStream(5, "importance-data");
    const n = 400;
    const data = new Float32Array(n * 2);
    const labels: number[] = [];
    for (let i = 0; i < n; i++) {
      data[i * 2] = rng();
      data[i * 2 + 1] = rng();
      labels.push(rng() < (data[i * 2] as number) ? 1 : 0);
    }
    const predict = (m: { data: Float32Array; rows: number; cols: number }): Float64Array => {
      const out = new Float64Array(m.rows);
      for (let i = 0; i < m.rows; i++) out[i] = m.data[i * m.cols] as number; // uses column 0 only
      return out;
    };
    const result = permutationImportance(predict, matrix(data, n, 2), labels, { used: [0], unused: [1] }, createStream(5, "shuffle"));
    expect(result[0]?.feature).toBe("used");
    expect(result[0]?.importance).toBeGreaterThan(0.2);
    expect(result[1]?.importance).toBe(0);
  });
});

describe("evaluate", () => {
  it("collects the headline metrics", () => {
    const e = evaluate(p, y);
    expect(e.auc).toBeCloseTo(sklearn.rocAuc, 14);
    expect(e.prAuc).toBeCloseTo(sklearn.averagePrecision, 14);
    expect(e.brier).toBeCloseTo(sklearn.brier, 14);
    expect(e.rows).toBe(40);
    expect(e.positives).toBe(12);
  });
});
