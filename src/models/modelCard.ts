import type { Tier } from "../plan/schema";
import { tierNumberOf, tierThresholds, tiersByRisk } from "../plan/tiers";
import type { ModelMetadata } from "./ChurnPipeline";
import { calibrationCurve } from "./metrics/calibrationCurve";

/** What the card can add when the test rows are at hand (see `TrainResult.test`). */
export interface ModelCardTest {
  probabilities: ArrayLike<number>;
  labels: ArrayLike<number>;
}

const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : "n/a");
const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : "n/a");
const n = (x: number): string => x.toLocaleString("en-US");
const range = (r: readonly [number, number] | undefined): string => (r === undefined ? "–" : `${f3(r[0])} – ${f3(r[1])}`);

function dataLines(meta: ModelMetadata): string[] {
  const s = meta.split;
  return [
    "## Data",
    "",
    `- Target: \`${meta.target}\` (churn = \`${meta.positive}\`); id column: ${meta.idColumn === null ? "none" : `\`${meta.idColumn}\``}.`,
    `- Rows: ${n(meta.rows.train)} training, ${n(meta.rows.validation)} validation, ${n(meta.rows.test)} test` +
      `${s?.customers == null ? "" : `; ${n(s.customers)} customers, up to ${s.maxRowsPerCustomer} rows each`}.`,
    `- Training snapshots: ${meta.trainingWindow === null ? "not a time panel" : `${meta.trainingWindow.from} to ${meta.trainingWindow.to}`}.`,
    `- Features (${meta.features.length}, ${meta.encodedFeatures.length} encoded columns): ${meta.features.map((x) => `\`${x}\``).join(", ")}.`,
    "",
  ];
}

function splitLines(meta: ModelMetadata): string[] {
  const s = meta.split;
  const text =
    s === undefined || s.method === "row"
      ? "At random by row, stratified by label (64% training, 16% validation, 20% test)."
      : s.method === "time"
        ? `By time on \`${s.snapshotColumn}\`: training before ${s.validationFrom}, validation from ${s.validationFrom}, test from ${s.testFrom} ` +
          `(the model is judged on weeks after those it learnt from, as it will be used); label window ${s.embargo ?? 0}: training and validation ` +
          "rows whose window reaches into the next part are left out."
        : s.method === "customer"
          ? `By customer on \`${s.groupColumn}\`: each customer's rows are all in training, validation or test (64/16/20% of customers).`
          : "The caller's own split.";
  const shared = s?.sharedCustomers ?? null;
  const leak = shared !== null && shared > 0 && s?.method === "row";
  return ["## Split", "", text, ...(leak ? ["", `**${n(shared)} test customers also have training rows: the test metrics are inflated.**`] : []), ""];
}

function metricLines(meta: ModelMetadata): string[] {
  const m = meta.testMetrics;
  const b = m.intervals;
  const how = b === undefined ? "DeLong (rows taken as independent)" : `cluster bootstrap over ${n(b.clusters)} customers, ${n(b.resamples)} resamples`;
  return [
    `## Metrics on the test rows (${n(m.rows)} rows, ${n(m.positives)} churners)`,
    "",
    `95% intervals: ${how}.`,
    "",
    "| metric | value | 95% interval |",
    "|---|---|---|",
    `| ROC-AUC | ${f3(m.auc)} | ${range([m.aucLow, m.aucHigh])} |`,
    `| PR-AUC (average precision) | ${f3(m.prAuc)} | ${range(b?.prAuc)} |`,
    `| Brier score | ${f3(m.brier)} | ${range(b?.brier)} |`,
    `| log loss | ${f3(m.logLoss)} | ${range(b?.logLoss)} |`,
    `| KS | ${f3(m.ks)} | – |`,
    `| ECE (10 bins) | ${f3(m.ece)} | – |`,
    "",
    `Validation AUC of each model tried: ${Object.entries(meta.validationAuc)
      .map(([k, v]) => `${k} ${f3(v as number)}`)
      .join(", ")}.`,
    "",
  ];
}

function calibrationLines(meta: ModelMetadata, test: ModelCardTest | undefined): string[] {
  const method = `Method: ${meta.calibration} (fitted on the validation rows). Expected calibration error on test: ${f3(meta.testMetrics.ece)}.`;
  const lines = ["## Calibration", "", method, ""];
  if (test === undefined || test.probabilities.length === 0) return lines;
  const bins = calibrationCurve(test.probabilities, test.labels, 10).bins.filter((bin) => bin.count > 0);
  return [
    ...lines,
    "| predicted | test rows | mean predicted | observed churn |",
    "|---|---|---|---|",
    ...bins.map((bin) => `| ${f3(bin.lower)} – ${f3(bin.upper)} | ${n(bin.count)} | ${pct(bin.meanPredicted)} | ${pct(bin.observedRate)} |`),
    "",
  ];
}

function tierLines(tiers: readonly Tier[] | undefined, test: ModelCardTest | undefined): string[] {
  if (tiers === undefined || tiers.length === 0) return [];
  const sorted = tiersByRisk({ tiers });
  const thresholds = tierThresholds({ tiers });
  const rows = sorted.map(() => ({ count: 0, churners: 0 }));
  if (test !== undefined) {
    for (let i = 0; i < test.probabilities.length; i++) {
      const p = test.probabilities[i] as number;
      const k = tierNumberOf(p, thresholds) - 1;
      const row = rows[k]!;
      row.count++;
      row.churners += test.labels[i] as number;
    }
  }
  const total = test?.probabilities.length ?? 0;
  return [
    "## Thresholds and risk tiers",
    "",
    "`churnlab score` gives each customer the plan's tier of its calibrated probability (the seed plan unless `--plan`).",
    "",
    `| tier | probability | plan share${test === undefined ? "" : " | test share | test churn rate"} |`,
    `|---|---|---${test === undefined ? "" : "|---|---"}|`,
    ...sorted.map((t, k) => {
      const r = rows[k]!;
      const extra = test === undefined ? "" : ` | ${pct(total === 0 ? NaN : r.count / total)} | ${r.count === 0 ? "–" : pct(r.churners / r.count)}`;
      return `| ${t.id} | ${f3(t.probabilityMin)} – ${f3(t.probabilityMax)} | ${pct(t.shareStated)}${extra} |`;
    }),
    "",
  ];
}

function limitLines(meta: ModelMetadata): string[] {
  const limits = [
    "Scores rank customers by risk of churning; they do not say which action would keep a customer (that needs an experiment: the plan's control group).",
    "Valid for customers like the training rows: another network, period or data export may differ. `churnlab score` warns when a feature's distribution " +
      "has drifted (population stability index 0.1 moderate, 0.25 major).",
    ...(meta.split?.method === "time" && !(meta.split.embargo !== undefined && meta.split.embargo > 0)
      ? ["No label window was given: the labels of the last training snapshots may reach into the validation weeks."]
      : []),
    ...(meta.testMetrics.positives < 100 ? [`Only ${meta.testMetrics.positives} churners in the test rows: the intervals are wide.`] : []),
    ...(meta.warnings ?? []).map((w) => `Training warning: ${w}`),
  ];
  return ["## Known limits", "", ...limits.map((l) => `- ${l}`), ""];
}

/**
 * The model card (MODEL_CARD.md) of a saved model, after Mitchell et al.
 * 2019, "Model Cards for Model Reporting": data, split, test metrics with
 * their intervals, calibration, the plan's threshold/tier mapping (with test
 * shares and churn rates when the test rows are given), intended use and known
 * limits. Plain Markdown for people; nothing reads it back.
 *
 * @param tiers the plan's risk tiers (see `plan/schema`); test: calibrated test probabilities and labels.
 * @example
 * modelCard(pipeline.metadata, plan.tiers, result.test).split("\n")[0]; // "# Model card: churn model (gbdt)"
 */
export function modelCard(meta: ModelMetadata, tiers?: readonly Tier[], test?: ModelCardTest): string {
  const lines = [
    `# Model card: churn model (${meta.kind})`,
    "",
    `Trained by churnlab ${meta.churnlabVersion} (${meta.backend}), seed ${meta.seed}. ` +
      "Files in this folder are checked against `manifest.json` when loaded; this card is not.",
    "",
    "## Intended use",
    "",
    `Weekly ranking of after-sales customers by the probability that \`${meta.target}\` is \`${meta.positive}\`, ` +
      "to place them in the retention plan's risk tiers " +
      "and queue them for the CRM (`churnlab score`, `churnlab weekly`). Not for decisions about individuals beyond choosing whom to contact.",
    "",
    ...dataLines(meta),
    ...splitLines(meta),
    ...metricLines(meta),
    ...calibrationLines(meta, test),
    ...tierLines(tiers, test),
    ...limitLines(meta),
  ];
  return `${lines.join("\n")}`;
}
