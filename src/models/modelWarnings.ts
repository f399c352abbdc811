import type { Evaluation } from "./metrics/evaluate";

/**
 * Plain sentences warning that a trained model should not be trusted as it
 * is: its held-out ROC-AUC is below 0.5 (it ranks churners worse than chance),
 * or the DeLong 95% interval of that AUC includes 0.5 (the test rows do not
 * show it beats chance), or its encoded feature columns outnumber the
 * training rows (it can memorise them: one-hot columns of a near-identifier,
 * or too few rows). Empty for a sound model.
 *
 * @param test held-out metrics (auc, aucLow, aucHigh, rows).
 * @param encodedFeatures matrix columns after preprocessing; trainingRows: rows the model was fitted on.
 * @example
 * modelWarnings({ auc: 0.389, aucLow: 0.29, aucHigh: 0.49, rows: 128 } as Evaluation, 2009, 409);
 * // ["held-out AUC 0.389 (95% interval 0.290 to 0.490, 128 test rows) is below 0.5: ...",
 * //  "2,009 encoded feature columns outnumber the 409 training rows: ..."]
 */
export function modelWarnings(test: Pick<Evaluation, "auc" | "aucLow" | "aucHigh" | "rows">, encodedFeatures: number, trainingRows: number): string[] {
  const out: string[] = [];
  const f = (x: number): string => x.toFixed(3);
  const n = (x: number): string => x.toLocaleString("en-US");
  const held = `held-out AUC ${f(test.auc)} (95% interval ${f(test.aucLow)} to ${f(test.aucHigh)}, ${n(test.rows)} test rows)`;
  if (test.auc < 0.5) out.push(`${held} is below 0.5: the model ranks churners worse than chance; do not use its scores`);
  else if (!(test.aucLow > 0.5)) out.push(`${held}: the interval includes 0.5, so the test rows do not show the model ranks churners better than chance`);
  if (encodedFeatures > trainingRows) {
    out.push(
      `${n(encodedFeatures)} encoded feature columns outnumber the ${n(trainingRows)} training rows: the model can memorise them; ` +
        "drop high-cardinality or identifier-like columns (--drop) or train on more rows",
    );
  }
  return out;
}
