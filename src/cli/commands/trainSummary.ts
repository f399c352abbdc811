/** What `churnlab train` prints: the JSON document of `--json`, or a few lines for the terminal. */
import type { ParsedTarget } from "../../models/parseTarget";
import type { TabularCsv } from "../../models/readTabularCsv";
import type { TrainResult } from "../../models/trainChurnModel";
import type { TrainFlags } from "./train";

/** The run as the JSON document `--json` prints. */
export function summarize(flags: TrainFlags, table: TabularCsv, target: ParsedTarget, result: TrainResult, files: string[]): Record<string, unknown> {
  const m = result.testMetrics;
  const meta = result.pipeline.metadata;
  return {
    model: meta.kind,
    chosenBy: flags.model === "auto" ? "highest validation AUC" : "--model",
    validationAuc: meta.validationAuc,
    backend: result.backend,
    rows: table.rows,
    features: meta.features.length,
    encodedFeatures: meta.encodedFeatures.length,
    positives: target.positives,
    positive: target.positive,
    split: meta.rows,
    splitBy: meta.split?.method ?? "row",
    testFrom: meta.split?.testFrom ?? null,
    customers: meta.split?.customers ?? null,
    intervals: m.intervals?.method ?? "delong",
    auc: m.auc,
    aucLow: m.aucLow,
    aucHigh: m.aucHigh,
    prAuc: m.prAuc,
    brier: m.brier,
    logLoss: m.logLoss,
    ks: m.ks,
    ece: m.ece,
    calibration: meta.calibration,
    seed: Number(flags.seed),
    dropped: result.pipeline.preprocessor.dropped,
    warnings: result.warnings,
    out: flags.out ?? null,
    files,
  };
}

/** How the rows were split, in words. */
function splitText(meta: TrainResult["pipeline"]["metadata"]): string {
  const s = meta.split;
  if (s === undefined || s.method === "row") return "random by row (stratified)";
  if (s.method === "time") {
    return `by time on ${s.snapshotColumn}: validation from ${s.validationFrom}, test from ${s.testFrom}, label window ${s.embargo ?? 0}`;
  }
  if (s.method === "customer") return `by customer on ${s.groupColumn} (${s.customers?.toLocaleString("en-US")} customers, none on both sides)`;
  return "given";
}

/** The run as a few lines for the terminal, warnings last. */
export function formatSummary(flags: TrainFlags, table: TabularCsv, target: ParsedTarget, result: TrainResult): string {
  const f = (x: number): string => x.toFixed(3);
  const m = result.testMetrics;
  const meta = result.pipeline.metadata;
  const bootstrap = m.intervals === undefined ? "" : `, bootstrap over ${m.intervals.clusters} customers`;
  const lines = [
    `model ${meta.kind}${
      flags.model === "auto"
        ? ` (best validation AUC of ${Object.entries(meta.validationAuc)
            .map(([k, v]) => `${k} ${f(v)}`)
            .join(", ")})`
        : ""
    } on ${result.backend}`,
    `${table.rows} rows, ${target.positives} churners (${flags.target} = ${target.positive}), ${meta.features.length} features (${meta.encodedFeatures.length} encoded columns)`,
    `split ${splitText(meta)}`,
    `test (${meta.rows.test} rows): AUC ${f(m.auc)} [${f(m.aucLow)}, ${f(m.aucHigh)}${bootstrap}], PR-AUC ${f(m.prAuc)}, Brier ${f(m.brier)}, log loss ${f(m.logLoss)}, KS ${f(m.ks)}, ECE ${f(m.ece)}`,
    ...(result.pipeline.preprocessor.dropped.length > 0
      ? [`dropped: ${result.pipeline.preprocessor.dropped.map((d) => `${d.name} (${d.reason})`).join("; ")}`]
      : []),
    ...(flags.out === undefined ? [] : [`saved to ${flags.out}`]),
    ...(result.warnings.length > 0
      ? [
          `${result.warnings.length} warning${result.warnings.length === 1 ? "" : "s"} (on stderr, above): read ${result.warnings.length === 1 ? "it" : "them"} before using this model`,
        ]
      : []),
  ];
  return `${lines.join("\n")}\n`;
}
