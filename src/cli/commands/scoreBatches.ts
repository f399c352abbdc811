import * as fs from "node:fs";
import { parse } from "csv-parse/sync";
import { InputError } from "../../io/InputError";
import type { OutputWriter } from "../../io/outputWriter";
import { releaseTemp, tempPathFor } from "../../io/tempFiles";
import { detectCsvDelimiter } from "../../data/detectCsvDelimiter";
import { scoreWithPipeline, type ChurnPipeline } from "../../models/ChurnPipeline";
import { unparsedNumericCells, unseenCategoryLevels } from "../../models/cellWarnings";
import { riskTiers } from "../../models/metrics/tierConfusion";
import { duckdbReason, formatOf, openStore, readBatches, sqlName, sqlString, type Store } from "../../store";

/** Rows scored per batch by default: memory holds one batch whatever the file's size. */
export const SCORE_BATCH_ROWS = 100_000;

/** A plan tier as score uses it. */
export interface ScoreTier {
  id: string;
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** SQL reading a table to score: Parquet as typed, CSV as text (header first, delimiter from the header line). */
function inputSql(file: string): string {
  if (formatOf(file) === "parquet") return `SELECT * FROM read_parquet(${sqlString(file)})`;
  const fd = fs.openSync(file, "r");
  const head = Buffer.alloc(65536);
  const read = fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  const text = head
    .subarray(0, read)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  const delimiter = detectCsvDelimiter(text);
  const firstLine = text.split(/\r?\n/)[0] ?? "";
  const names = ((parse(firstLine, { delimiter }) as string[][])[0] ?? []).map((h) => h.trim());
  if (names.length === 0 || names.some((n) => n === "") || new Set(names).size !== names.length) {
    throw new InputError(file, [{ where: "line 1", message: "the header needs distinct, non-blank column names" }]);
  }
  const columns = names.map((n) => `${sqlString(n)}: 'VARCHAR'`).join(", ");
  return (
    `SELECT * FROM read_csv(${sqlString(file)}, header = true, auto_detect = false, delim = ${sqlString(delimiter)}, quote = '"', escape = '"', ` +
    `strict_mode = true, columns = {${columns}})`
  );
}

/** Blank and repeated ids, checked by DuckDB over the whole file (memory bounded by DuckDB, not by the rows). */
async function checkIdsInStore(store: Store, sql: string, file: string, idColumn: string): Promise<void> {
  const id = `trim(CAST(${sqlName(idColumn)} AS VARCHAR))`;
  const numbered = `SELECT ${id} AS id, row_number() OVER () AS data_row FROM (${sql})`;
  const blanks = await store.connection.runAndReadAll(`SELECT data_row FROM (${numbered}) WHERE id IS NULL OR id = '' LIMIT 5`);
  const repeated = await store.connection.runAndReadAll(
    `SELECT id, count(*) AS n, list(data_row ORDER BY data_row)[1:5] FROM (${numbered}) GROUP BY id HAVING n > 1 ORDER BY min(data_row) LIMIT 10`,
  );
  const problems = [
    ...blanks.getRowsJS().map(([row]) => ({ where: `column ${idColumn}, data row ${Number(row)}`, message: "blank id" })),
    ...repeated.getRowsJS().map(([value, , rows]) => ({
      where: `column ${idColumn}`,
      message: `duplicate id "${String(value)}" (data rows ${(rows as unknown[]).map(Number).join(", ")})`,
    })),
  ];
  if (problems.length > 0) throw new InputError(file, problems);
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
          `${file}: column ${c}: ${u.count} values are not numbers (${u.examples.join(", ")}${u.count > u.examples.length ? ", ..." : ""}); ` +
          "scored as missing (the training median)",
      );
      const levels = [...unseen.entries()].map(([c, u]) => {
        const ranked = [...u.levels.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 8)
          .map(([l, n]) => `${l}: ${n}`);
        const as = u.scoredAs === "(other)" ? '"(other)"' : `the most frequent training level "${u.scoredAs}"`;
        return `${file}: column ${c}: ${u.rows} rows hold levels the model was not trained with (${ranked.join(", ")}); scored as ${as}`;
      });
      return [...text, ...levels];
    },
  };
}

/**
 * `churnlab score` for tables of any size: the file (CSV or Parquet) is read
 * by DuckDB in batches of `batchRows` rows, each batch is scored and its
 * lines appended to a temporary file committed when every row is scored, so
 * memory does not grow with the rows. Ids are checked (blank, repeated) by
 * DuckDB over the whole file first; warnings are summed over batches.
 *
 * @param thresholds the tier probability thresholds, ascending; `tiers` highest first.
 * @returns rows scored and rows by tier id.
 * @throws InputError naming the file for a damaged or truncated file, a missing id column, blank or repeated ids,
 *   or cells the model cannot take (the batch's data rows named); nothing is written then.
 * @example
 * await scoreInBatches(pipeline, "panel.parquet", "scores.csv", "customer_id", tiers, thresholds, out);
 */
export async function scoreInBatches(
  pipeline: ChurnPipeline,
  file: string,
  target: string,
  idColumn: string | undefined,
  tiers: readonly ScoreTier[],
  thresholds: readonly number[],
  out: OutputWriter,
  batchRows = SCORE_BATCH_ROWS,
): Promise<{ rows: number; counts: Record<string, number>; warnings: string[] }> {
  const store = await openStore(":memory:", { memoryLimit: "1GB" });
  const temp = tempPathFor(target);
  const kind = formatOf(file) === "parquet" ? "Parquet" : "CSV";
  try {
    const sql = inputSql(file);
    const names = await store.connection
      .runAndReadAll(`DESCRIBE ${sql}`)
      .then((r) => (r.getColumnsJS()[0] ?? []).map(String))
      .catch((err: unknown) => {
        throw new InputError(file, [{ where: kind, message: duckdbReason(err) }]);
      });
    if (idColumn !== undefined && !names.includes(idColumn))
      throw new InputError(file, [{ where: "id column", message: `no column "${idColumn}" in the header` }]);
    if (idColumn !== undefined) await checkIdsInStore(store, sql, file, idColumn).catch(rethrowAs(file, kind));
    const fd = fs.openSync(temp, "w");
    const counts: Record<string, number> = Object.fromEntries(tiers.map((t) => [t.id, 0]));
    const warnings = warningCollector(pipeline, file);
    let rows = 0;
    try {
      fs.writeSync(fd, `${csvCell(idColumn ?? "row")},probability,tier\n`);
      const batches = readBatches(store, sql, batchRows);
      for (;;) {
        const next = await batches.next().catch(rethrowAs(file, kind));
        if (next.done) break;
        const batch = next.value;
        const where = `${file} (data rows ${batch.start + 1}-${batch.start + batch.rows})`;
        const probabilities = scoreWithPipeline(pipeline, batch.columns, where);
        warnings.add(batch.columns, batch.start);
        const tierOf = riskTiers(probabilities, [...thresholds]);
        const ids = idColumn === undefined ? undefined : (batch.columns[idColumn] as ArrayLike<unknown>);
        const lines: string[] = new Array<string>(batch.rows);
        for (let i = 0; i < batch.rows; i++) {
          const tier = tiers[(tierOf[i] as number) - 1]?.id ?? "unknown";
          counts[tier] = (counts[tier] ?? 0) + 1;
          const id = ids === undefined ? String(batch.start + i + 1) : String(ids[i]).trim();
          lines[i] = `${csvCell(id)},${(probabilities[i] as number).toFixed(6)},${tier}`;
        }
        fs.writeSync(fd, `${lines.join("\n")}\n`);
        rows += batch.rows;
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (rows === 0) throw new InputError(file, [{ where: "file", message: "no data rows after the header" }]);
    out.commitStaged([{ temp, target }]);
    return { rows, counts, warnings: warnings.lines() };
  } catch (err) {
    releaseTemp(temp);
    throw err;
  } finally {
    store.close();
  }
}

function rethrowAs(file: string, kind: string): (err: unknown) => never {
  return (err) => {
    if (err instanceof InputError) throw err;
    throw new InputError(file, [{ where: kind, message: duckdbReason(err) }]);
  };
}
