import { describe, expect, it } from "vitest";
import { modelWarnings } from "../../src/models/modelWarnings";

describe("modelWarnings", () => {
  it("is empty for a model whose AUC interval lies above 0.5 and with fewer features than rows", () => {
    expect(modelWarnings({ auc: 0.84, aucLow: 0.8, aucHigh: 0.88, rows: 1400 }, 19, 4500)).toEqual([]);
  });
  it("warns when the held-out AUC is below 0.5 (the red team's 0.389) and when encoded features outnumber training rows (2,009 vs 409)", () => {
    expect(modelWarnings({ auc: 0.389, aucLow: 0.29, aucHigh: 0.488, rows: 128 }, 2009, 409)).toEqual([
      "held-out AUC 0.389 (95% interval 0.290 to 0.488, 128 test rows) is below 0.5: the model ranks churners worse than chance; do not use its scores",
      "2,009 encoded feature columns outnumber the 409 training rows: the model can memorise them; drop high-cardinality or identifier-like columns (--drop) or train on more rows",
    ]);
  });
  it("warns when the interval includes 0.5 although the AUC is above it, and when it starts exactly at 0.5", () => {
    expect(modelWarnings({ auc: 0.56, aucLow: 0.47, aucHigh: 0.65, rows: 200 }, 5, 600)).toEqual([
      "held-out AUC 0.560 (95% interval 0.470 to 0.650, 200 test rows): the interval includes 0.5, so the test rows do not show the model ranks churners better than chance",
    ]);
    expect(modelWarnings({ auc: 0.6, aucLow: 0.5, aucHigh: 0.7, rows: 200 }, 5, 600)).toHaveLength(1);
    expect(modelWarnings({ auc: 0.6, aucLow: 0.5001, aucHigh: 0.7, rows: 200 }, 600, 600)).toEqual([]);
  });
});
