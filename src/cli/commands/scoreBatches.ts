import * as fs from "node:fs";
import { InputError } from "../../io/InputError";
import type { OutputWriter } from "../../io/outputWriter";
import { makeTempFolder, releaseTemp, tempPathFor } from "../../io/tempFiles";
import { asWriteProblem } from "../../io/fileSystemProblem";
import { scoreWithPipeline, type ChurnPipeline } from "../../models/ChurnPipeline";
import { unparsedNumericCells, unseenCategoryLevels } from "../../models/cellWarnings";
import { riskTiers } from "../../models/metrics/tierConfusion";
import { driftAccumulator, driftMinimumRows, savedProfiles, type FeatureDrift } from "../../models/featureDrift";
import { duckdbReason, openStore, readBatches, sqlName, type Store } from "../../store";
import { csvField } from "../../data/writeCsv";
import { kindOf, sourceSql, type ScoreSource } from "./scoreSource";

export type { ScoreSource } from "./scoreSource";

/** Rows scored per batch by default: memory holds one batch whatever the file's size. */
const SCORE_BATCH_ROWS = 100_000;

/** DuckDB's memory limit while scoring: the id check spills to a temporary folder past it. */
const SCORE_MEMORY_LIMIT = "128MB";

/** A plan tier as score uses it. */
export interface ScoreTier {
  id: string;
}

/**
 * Blank and repeated ids, checked by DuckDB over the whole file. The common case (no problem) takes two queries that
 * need no row order: a streaming count of blanks and a grouping of the ids, which spills to disk past DuckDB's
 * memory limit, so memory does not grow with the rows. Data row numbers are computed only when a problem is found.
 */
async function checkIdsInStore(store: Store, sql: string, file: string, idColumn: string): Promise<void> {
  const id = `trim(CAST(${sqlName(idColumn)} AS VARCHAR))`;
  const ids = `SELECT ${id} AS id FROM (${sql})`;
  const blank = "id IS NULL OR id = ''";
  const blankCount = Number((await store.connection.runAndReadAll(`SELECT count(*) FROM (${ids}) WHERE ${blank}`)).getColumnsJS()[0]?.[0] ?? 0);
  const repeatedCount = Number(
    (
      await store.connection.runAndReadAll(`SELECT count(*) FROM (SELECT id FROM (${ids}) WHERE NOT (${blank}) GROUP BY id HAVING count(*) > 1)`)
    ).getColumnsJS()[0]?.[0] ?? 0,
  );
  if (blankCount === 0 && repeatedCount === 0) return;
  // As checkIds for a table read whole: every blank id by data row, the first 10 repeated ids with up to 5 data rows each.
  const numbered = `SELECT ${id} AS id, row_number() OVER () AS data_row FROM (${sql})`;
  const blanks = await store.connection.runAndReadAll(`SELECT data_row FROM (${numbered}) WHERE ${blank} ORDER BY data_row LIMIT 50`);
  const repeated = await store.connection.runAndReadAll(
    `SELECT id, count(*) AS n, list(data_row ORDER BY data_row)[1:5] FROM (${numbered}) WHERE NOT (${blank}) ` +
      "GROUP BY id HAVING n > 1 ORDER BY min(data_row) LIMIT 10",
  );
  const problems = [
    ...blanks.getRowsJS().map(([row]) => ({ where: `column ${idColumn}, data row ${Number(row)}`, message: "blank id" })),
    ...(blankCount > 50 ? [{ where: `column ${idColumn}`, message: `... and ${blankCount - 50} more blank ids` }] : []),
    ...repeated.getRowsJS().map(([value, , rows]) => ({
      where: `column ${idColumn}`,
      message: `duplicate id "${String(value)}" (data rows ${(rows as unknown[]).map(Number).join(", ")})`,
    })),
    ...(repeatedCount > 10 ? [{ where: `column ${idColumn}`, message: `... and ${repeatedCount - 10} more duplicated ids` }] : []),
  ];
  throw new InputError(file, problems);
}

/** Warnings about text in numeric columns and unseen levels, summed over batches. */
function warningCollector(
  pipeline: ChurnPipeline,
  file: string,
): { add(columns: Record<string, Float64Array | string[]>, start: number): void; lines(): string[] } {
  const unparsed = new Map<string, { count: number; examples: string[] }>();
  const unseen = new Map<string, { rows: number; levels: Map<string, number>; scoredAs: string }>();
  return {
    add(columns, start) {
      for (const u of unparsedNumericCells(pipeline.preprocessor, columns)) {
        const entry = unparsed.get(u.column) ?? { count: 0, examples: [] };
        entry.count += u.count;
        u.rows.forEach((r, k) => {
          if (entry.examples.length < 5) entry.examples.push(`data row ${r + start}: "${u.examples[k]}"`);
        });
        unparsed.set(u.column, entry);
      }
      for (const u of unseenCategoryLevels(pipeline.preprocessor, columns)) {
        const entry = unseen.get(u.column) ?? { rows: 0, levels: new Map<string, number>(), scoredAs: u.scoredAs };
        entry.rows += u.rows;
        for (const l of u.levels) entry.levels.set(l.level, (entry.levels.get(l.level) ?? 0) + l.count);
        unseen.set(u.column, entry);
      }
    },
    lines() {
      const text = [...unparsed.entries()].map(
        ([c, u]) =>
          `${file}: column ${c}: ${u.count} value${u.count === 1 ? " is" : "s are"} not a number ` +
          `(${u.examples.join(", ")}${u.count > u.examples.length ? ", ..." : ""}); ` +
          "scored as missing (the training median)",
      );
      const levels = [...unseen.entries()].map(([c, u]) => {
        const ranked = [...u.levels.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 8)
          .map(([l, n]) => `${l}: ${n}`);
        const more = u.levels.size > ranked.length ? `, ... ${u.levels.size} levels in all` : "";
        // The wording of cellWarnings, for a table read whole.
        const as = u.scoredAs === "(other)" ? 'scored as "(other)", the column of rare levels' : `scored as the most frequent training level "${u.scoredAs}"`;
        const rows = `${u.rows} row${u.rows === 1 ? " holds a level" : "s hold levels"}`;
        return `${file}: column ${c}: ${rows} the model was not trained with (${ranked.join(", ")}${more}); ${as}`;
      });
      return [...text, ...levels];
    },
  };
}

/**
 * `churnlab score` for tables of any size: the file (CSV or Parquet) or the
 * store's table is read by DuckDB in batches of `batchRows` rows, each batch is scored and its
 * lines appended to a temporary file committed when every row is scored, so
 * memory does not grow with the rows. Ids are checked (blank, repeated) by
 * DuckDB over the whole file first; warnings and the features' drift bins
 * (against the model's training profiles) are summed over batches.
 *
 * @param thresholds the tier probability thresholds, ascending; `tiers` highest first.
 * @returns rows scored, rows by tier id, warnings, and the drift of each profiled feature ([] without profiles or under 500 rows).
 * @throws InputError naming the file for a damaged or truncated file, a store that is not one, is being written by another
 *   process or lacks the table, a missing id column, blank or repeated ids,
 *   or cells the model cannot take (the batch's data rows named); nothing is written then.
 * @example
 * await scoreInBatches(pipeline, { file: "panel.parquet" }, "scores.csv", "customer_id", tiers, thresholds, out);
 * await scoreInBatches(pipeline, { file: "national.duckdb", table: "panel" }, "scores.csv", "customer_id", tiers, thresholds, out);
 */
export async function scoreInBatches(
  pipeline: ChurnPipeline,
  source: ScoreSource,
  target: string,
  idColumn: string | undefined,
  tiers: readonly ScoreTier[],
  thresholds: readonly number[],
  out: OutputWriter,
  batchRows = SCORE_BATCH_ROWS,
): Promise<{ rows: number; counts: Record<string, number>; warnings: string[]; drift: FeatureDrift[] }> {
  // Owned by this process (churnlab-<pid>-score-*): removed on signals, and by the next run after a kill.
  const spill = makeTempFolder("score");
  const temp = tempPathFor(target);
  const { file } = source;
  const kind = kindOf(source);
  let store: Store | undefined;
  try {
    if (source.table === undefined && !fs.existsSync(file)) throw new InputError(file, [{ where: "file", message: "not found" }]);
    store = await openStore(":memory:", { memoryLimit: SCORE_MEMORY_LIMIT, threads: 2, tempDirectory: spill });
    const sql = await sourceSql(store, source).catch(rethrowAs(file, kind));
    if (idColumn !== undefined) await checkIdColumn(store, source, sql, idColumn, spill);
    const fd = fs.openSync(temp, "w");
    const counts: Record<string, number> = Object.fromEntries(tiers.map((t) => [t.id, 0]));
    const warnings = warningCollector(pipeline, file);
    const profiles = savedProfiles(pipeline.metadata.trainingProfile);
    const drift = profiles === undefined ? undefined : driftAccumulator(profiles);
    let rows = 0;
    try {
      fs.writeSync(fd, `${csvField(idColumn ?? "row")},probability,tier\n`);
      const batches = readBatches(store, sql, batchRows);
      for (;;) {
        const next = await batches.next().catch(rethrowAs(file, kind));
        if (next.done) break;
        const batch = next.value;
        const where = `${file} (${source.table === undefined ? "" : `table ${source.table}, `}data rows ${batch.start + 1}-${batch.start + batch.rows})`;
        const probabilities = withAbsoluteRows(() => scoreWithPipeline(pipeline, batch.columns, where), batch.start);
        warnings.add(batch.columns, batch.start);
        drift?.add(batch.columns);
        const tierOf = riskTiers(probabilities, [...thresholds]);
        const ids: ArrayLike<unknown> | undefined = idColumn === undefined ? undefined : batch.columns[idColumn];
        const lines: string[] = new Array<string>(batch.rows);
        for (let i = 0; i < batch.rows; i++) {
          const tier = tiers[(tierOf[i] as number) - 1]?.id ?? "unknown";
          counts[tier] = (counts[tier] ?? 0) + 1;
          const id = ids === undefined ? String(batch.start + i + 1) : String(ids[i]).trim();
          lines[i] = `${csvField(id)},${(probabilities[i] as number).toFixed(6)},${tier}`;
        }
        fs.writeSync(fd, `${lines.join("\n")}\n`);
        rows += batch.rows;
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (rows === 0)
      throw new InputError(file, [
        source.table === undefined ? { where: "file", message: "no data rows after the header" } : { where: `table ${source.table}`, message: "has no rows" },
      ]);
    out.commitStaged([{ temp, target }]);
    return { rows, counts, warnings: warnings.lines(), drift: drift === undefined || rows < driftMinimumRows ? [] : drift.result() };
  } catch (err) {
    releaseTemp(temp);
    throw asWriteProblem(err, target, "--out");
  } finally {
    store?.close();
    releaseTemp(spill);
  }
}

/** Runs a batch's scoring with the "data row N" of its problems counted from the table's first row, not the batch's. */
function withAbsoluteRows<T>(run: () => T, start: number): T {
  try {
    return run();
  } catch (err) {
    if (!(err instanceof InputError) || start === 0) throw err;
    throw new InputError(
      err.source,
      err.problems.map((p) => ({ ...p, where: p.where.replace(/data row (\d+)/, (_, row: string) => `data row ${Number(row) + start}`) })),
    );
  }
}

/**
 * The id column must be in the source, and its ids non-blank and distinct over
 * every row: checked in a DuckDB of its own, closed before scoring, so the
 * memory its grouping took is given back.
 */
async function checkIdColumn(store: Store, source: ScoreSource, sql: string, idColumn: string, spill: string): Promise<void> {
  const { file } = source;
  const kind = kindOf(source);
  const names = await store.connection
    .runAndReadAll(`DESCRIBE ${sql}`)
    .then((r) => (r.getColumnsJS()[0] ?? []).map(String))
    .catch(rethrowAs(file, kind));
  if (!names.includes(idColumn)) {
    const where = source.table === undefined ? "the header" : `table ${source.table} (its columns: ${names.join(", ")})`;
    throw new InputError(file, [{ where: "id column", message: `no column "${idColumn}" in ${where}` }]);
  }
  const check = await openStore(":memory:", { memoryLimit: SCORE_MEMORY_LIMIT, threads: 2, tempDirectory: spill });
  try {
    const checkSql = source.table === undefined ? sql : await sourceSql(check, source);
    await checkIdsInStore(check, checkSql, file, idColumn).catch(rethrowAs(file, kind));
  } finally {
    check.close();
  }
}

function rethrowAs(file: string, kind: string): (err: unknown) => never {
  return (err) => {
    if (err instanceof InputError) throw err;
    throw new InputError(file, [{ where: kind, message: duckdbReason(err) }]);
  };
}
