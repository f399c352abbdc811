// Churn models vs scikit-learn on the same rows: test AUC and fit time side by side.
// Targets (issue 4): our logistic AUC within 0.005 of LogisticRegression, our boosted
// trees within 0.01 of HistGradientBoostingClassifier, fit times within 2x.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadDataset, loadTable, truthSchema } from "../src/data/index";
import type { Dataset } from "../src/data/loaders";
import type { TruthTable } from "../src/data/schemas";
import { synthesize } from "../src/data/synthesize";
import { buildPanel, mondaysBetween, panelColumns, timeSplit } from "../src/features/index";
import { chooseBackend } from "../src/models/backend";
import { trainGbdt } from "../src/models/gbdtModel";
import { selectRows, selectValues } from "../src/models/Matrix";
import { rocAuc } from "../src/models/metrics/rocAuc";
import { clusterBootstrap } from "../src/models/metrics/clusterBootstrap";
import { createStream } from "../src/random/createStream";
import { fitPreprocessor, transform } from "../src/models/preprocess";
import { trainNetwork } from "../src/models/tfjsNetwork";
import { defaultLogistic } from "../src/models/trainChurnModel";
import type { ChurnModel, FitHistory, LabelledData } from "../src/models/ChurnModel";

interface Row {
  data: string;
  rows: number;
  model: string;
  oursAuc: number;
  sklearnAuc: number;
  oursSeconds: number;
  sklearnSeconds: number;
}

const seed = 42;

/** Builds the weekly panel of year 2 and its time split; returns preprocessed train/validation/test matrices. */
function prepare(dataset: Dataset, truth: TruthTable, firstDay: number, endDay: number, every: number): Prepared {
  const snapshots = mondaysBetween(firstDay + 364, endDay - 31).filter((_, k) => k % every === 0);
  const panel = buildPanel(dataset, truth, snapshots, { historyEndDay: endDay });
  const validationFrom = snapshots[Math.floor(snapshots.length * 0.55)] as number;
  const testFrom = snapshots[Math.floor(snapshots.length * 0.78)] as number;
  const split = timeSplit(panel.snapshotDay, panel.horizonDays, validationFrom, testFrom);
  const columns = panelColumns(panel);
  const pre = fitPreprocessor(columns, {}, split.train);
  const all = transform(pre, columns);
  const part = (rows: Int32Array): LabelledData => ({ x: selectRows(all, rows), y: Uint8Array.from(selectValues(panel.label, rows)) });
  const allRows = Int32Array.from({ length: panel.rows }, (_, i) => i);
  return {
    train: part(split.train),
    validation: part(split.validation),
    test: part(split.test),
    rows: panel.rows,
    all: part(allRows),
    customers: panel.customerIndex,
  };
}

interface Prepared {
  train: LabelledData;
  validation: LabelledData;
  test: LabelledData;
  rows: number;
  /** Every panel row, and each row's customer (for the cluster bootstrap). */
  all: LabelledData;
  customers: Int32Array;
}

/**
 * Times a cluster bootstrap (1,000 resamples over customers; issue 15 target: at most 5 s) on every row of a
 * panel, scored by the logistic model: median of 3 runs.
 */
async function benchBootstrap(name: string, parts: Prepared): Promise<void> {
  const { model } = await trainNetwork("logistic", parts.train, parts.validation, { ...defaultLogistic, hidden: [], seed });
  const p = model.predictProba(parts.all.x);
  model.dispose();
  const seconds: number[] = [];
  let auc: [number, number] = [NaN, NaN];
  for (let k = 0; k < 3; k++) {
    const start = performance.now();
    auc = clusterBootstrap(p, parts.all.y, parts.customers, { random: createStream(seed, "bench/bootstrap"), resamples: 1000 }).auc;
    seconds.push((performance.now() - start) / 1000);
  }
  const median = seconds.sort((a, b) => a - b)[1] as number;
  const customers = new Set(parts.customers).size;
  process.stdout.write(
    `${name}: cluster bootstrap, 1,000 resamples of ${customers.toLocaleString("en")} customers (${parts.rows.toLocaleString("en")} rows): ` +
      `${median.toFixed(2)} s (median of 3; target <= 5 s: ${median <= 5 ? "met" : "MISSED"}); AUC interval ${auc[0].toFixed(3)} – ${auc[1].toFixed(3)}\n`,
  );
}

async function compare(name: string, parts: Prepared): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-bench-"));
  const write = (stem: string, d: LabelledData): void => {
    fs.writeFileSync(path.join(dir, `${stem}_x.f32`), new Uint8Array(d.x.data.buffer, d.x.data.byteOffset, d.x.data.byteLength));
    fs.writeFileSync(path.join(dir, `${stem}_y.u8`), d.y);
  };
  write("train", parts.train);
  write("test", parts.test);
  fs.writeFileSync(path.join(dir, "meta.json"), JSON.stringify({ cols: parts.train.x.cols, trainRows: parts.train.x.rows, testRows: parts.test.x.rows, seed }));
  const script = path.join(__dirname, "sklearn_reference.py");
  // One OpenMP thread, as our single-threaded wasm: on this shared 2-core machine two busy-waiting
  // OpenMP threads made HistGradientBoosting about 22x slower than one (30.1 s vs 1.35 s on the synthetic panel).
  const env = { ...process.env, OMP_NUM_THREADS: process.env["OMP_NUM_THREADS"] ?? "1" };
  const reference = JSON.parse(execFileSync("/usr/bin/python3", [script, dir], { encoding: "utf8", env })) as Record<
    "logistic" | "gbdt",
    { auc: number; fitSeconds: number }
  >;
  fs.rmSync(dir, { recursive: true, force: true });

  const label = `${name} (${parts.rows.toLocaleString("en")} rows; train ${parts.train.x.rows.toLocaleString("en")}, test ${parts.test.x.rows.toLocaleString("en")})`;
  // Median of 3 fits (the same seed gives the same model, so the AUC is that of any of them).
  const measure = async (fit: () => Promise<{ model: ChurnModel; history: FitHistory }>): Promise<{ auc: number; seconds: number }> => {
    const seconds: number[] = [];
    let auc = NaN;
    for (let k = 0; k < 3; k++) {
      const { model, history } = await fit();
      seconds.push(history.fitSeconds);
      if (k === 0) auc = rocAuc(model.predictProba(parts.test.x), parts.test.y);
      model.dispose();
    }
    return { auc, seconds: seconds.sort((a, b) => a - b)[1] as number };
  };
  const logistic = await measure(() => trainNetwork("logistic", parts.train, parts.validation, { ...defaultLogistic, hidden: [], seed }));
  // our penalty l2·Σβ² on the mean loss is scikit-learn's C = 1 / (2·l2·rows); the reference keeps its default C = 1
  process.stdout.write(
    `${name}: logistic l2 = ${defaultLogistic.l2} (scikit-learn C = ${(1 / (2 * defaultLogistic.l2 * parts.train.x.rows)).toFixed(2)}; the reference runs C = 1)\n`,
  );
  const trees = await measure(() => trainGbdt(parts.train, parts.validation, { seed }));
  return [
    {
      data: label,
      rows: parts.rows,
      model: "logistic",
      oursAuc: logistic.auc,
      sklearnAuc: reference.logistic.auc,
      oursSeconds: logistic.seconds,
      sklearnSeconds: reference.logistic.fitSeconds,
    },
    {
      data: label,
      rows: parts.rows,
      model: "gbdt",
      oursAuc: trees.auc,
      sklearnAuc: reference.gbdt.auc,
      oursSeconds: trees.seconds,
      sklearnSeconds: reference.gbdt.fitSeconds,
    },
  ];
}

/**
 * `npm run bench -- models`: our tfjs logistic regression and XGBoost-wasm trees
 * against scikit-learn's LogisticRegression and HistGradientBoostingClassifier
 * (Debian's python3-sklearn, run from bench/sklearn_reference.py in the same run)
 * on identical preprocessed rows of (1) a synthetic 200,000-row weekly panel and
 * (2) the committed sample's panel. Prints test AUC, median fit seconds of 3 fits and the ratios,
 * and the time of a 1,000-resample cluster bootstrap over the synthetic panel's customers.
 */
export async function benchModels(): Promise<void> {
  const backend = await chooseBackend();
  process.stdout.write(`tfjs backend: ${backend.name}; XGBoost: ml-xgboost 1.1.2 (wasm, 1 thread, tree_method hist)\n`);
  const rows: Row[] = [];

  const population = synthesize({ customers: 5600, seed });
  const synthetic = prepare(population, population.truth, population.meta.startDay, population.meta.endDay, 1);
  rows.push(...(await compare("synthetic panel", synthetic)));
  await benchBootstrap("synthetic panel", synthetic);

  const { dataset } = loadDataset(path.join(__dirname, "..", "data", "sample"));
  const truth = loadTable(path.join(__dirname, "..", "data", "sample", "truth.csv"), truthSchema).table;
  const firstDay = Math.min(...dataset.visits.columns.date);
  rows.push(...(await compare("data/sample panel", prepare(dataset, truth, firstDay, firstDay + 104 * 7, 1))));

  const table = rows.map((r) => ({
    data: r.data,
    model: r.model === "logistic" ? "logistic (tfjs, Newton) vs LogisticRegression" : "trees (XGBoost-wasm) vs HistGradientBoosting",
    "AUC ours": r.oursAuc.toFixed(4),
    "AUC sklearn": r.sklearnAuc.toFixed(4),
    "AUC diff": (r.oursAuc - r.sklearnAuc).toFixed(4),
    "AUC target": r.model === "logistic" ? "±0.005" : "±0.01",
    "fit s ours": r.oursSeconds.toFixed(2),
    "fit s sklearn": r.sklearnSeconds.toFixed(2),
    "time ratio": `${(r.oursSeconds / r.sklearnSeconds).toFixed(1)}x`,
  }));
  console.table(table);
  for (const r of rows) {
    const aucOk = Math.abs(r.oursAuc - r.sklearnAuc) <= (r.model === "logistic" ? 0.005 : 0.01) || r.oursAuc > r.sklearnAuc;
    const timeOk = r.oursSeconds <= 2 * r.sklearnSeconds;
    process.stdout.write(
      `${r.data} ${r.model}: AUC ${aucOk ? "within target" : "OUTSIDE target"}, fit time ${timeOk ? "within 2x" : `OUTSIDE 2x (${(r.oursSeconds / r.sklearnSeconds).toFixed(1)}x)`}\n`,
    );
  }
}

if (require.main === module) {
  benchModels().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  });
}
