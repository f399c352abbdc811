import { dayToIso, isoToDay } from "../data/dates";
import { InputError, type InputProblem } from "../io/InputError";

/** The columns that decide a split, read from a table (see {@link splitColumns}). */
export interface SplitColumns {
  /** Customer of each row (from `group`, else from `id` when ids repeat). */
  groups: string[] | undefined;
  /** Snapshot day (or number) of each row, from `snapshot`. */
  times: number[] | undefined;
  /** Writes a time back as the table wrote it (YYYY-MM-DD for dates). */
  timeText: (time: number) => string;
  /** Column names used, for the metadata. */
  groupColumn: string | null;
  snapshotColumn: string | null;
  warnings: string[];
}

/** Snapshot cells as day numbers (YYYY-MM-DD) or plain numbers; all of one kind, every bad cell named. */
function snapshotTimes(cells: readonly string[], source: string, column: string): { times: number[]; dates: boolean } {
  const dates = /^\d{4}-\d{2}-\d{2}$/.test((cells[0] ?? "").trim());
  const problems: InputProblem[] = [];
  const times = cells.map((cell, i) => {
    const text = cell.trim();
    const t = dates ? isoToDay(text) : text === "" ? NaN : Number(text);
    if (!Number.isFinite(t) && problems.length < 10) {
      const rule = dates ? "a date written YYYY-MM-DD, like the first row" : "a number";
      problems.push({ where: `column ${column}, data row ${i + 1}`, message: `value ${JSON.stringify(cell)}: must be ${rule}` });
    }
    return t;
  });
  if (problems.length > 0) throw new InputError(source, problems);
  return { times, dates };
}

/**
 * Reads the columns a split needs and checks the keys: ids must not be blank;
 * with a snapshot column each (id, snapshot) pair must be unique, the
 * snapshot cells dates (YYYY-MM-DD) or numbers; the customer of a row is
 * `group`, else the id column when some id repeats (with a warning that
 * names the flag to make it explicit).
 *
 * @param columns the table's columns by name; names: the --id, --group and --snapshot columns (any may be absent).
 * @throws InputError (source) listing blank ids, duplicate (id, snapshot) pairs and bad snapshot cells.
 * @example
 * splitColumns({ id: ["a", "a"], week: ["2025-01-06", "2025-01-13"] }, { id: "id", snapshot: "week" }, "panel.csv").groups; // ["a", "a"]
 */
export function splitColumns(
  columns: Readonly<Record<string, readonly string[]>>,
  names: { id?: string; group?: string; snapshot?: string },
  source: string,
): SplitColumns {
  const problems: InputProblem[] = [];
  const ids = names.id === undefined ? undefined : columns[names.id]!;
  const snapshot = names.snapshot === undefined ? undefined : snapshotTimes(columns[names.snapshot]!, source, names.snapshot);
  if (ids !== undefined) {
    const first = new Map<string, number>();
    ids.forEach((raw, i) => {
      const id = raw.trim();
      if (id === "") problems.push({ where: `column ${names.id}, data row ${i + 1}`, message: "blank id" });
      const key = snapshot === undefined ? id : `${id}\u0000${snapshot.times[i]}`;
      const seen = first.get(key);
      if (seen === undefined) first.set(key, i + 1);
      else if (snapshot !== undefined && problems.length < 20) {
        const when = columns[names.snapshot as string]?.[i];
        problems.push({
          where: `columns ${names.id}+${names.snapshot}`,
          message: `customer "${id}" has two rows for snapshot ${when} (data rows ${seen}, ${i + 1})`,
        });
      }
    });
    if (problems.length > 0) throw new InputError(source, problems);
  }
  const repeats = ids !== undefined && new Set(ids.map((v) => v.trim())).size < ids.length;
  const warnings: string[] = [];
  if (repeats && names.group === undefined) {
    warnings.push(
      `${source}: ids in column "${names.id}" repeat (one customer, several rows): rows of one customer are not independent, so the split keeps each ` +
        `customer on one side${snapshot === undefined ? "" : " (or splits by snapshot time)"} and the intervals resample customers; ` +
        `pass --group ${names.id} to say so`,
    );
  }
  const groupColumn = names.group ?? (repeats ? (names.id as string) : null);
  return {
    groups: groupColumn === null ? undefined : columns[groupColumn]!.map((v) => v.trim()),
    times: snapshot?.times,
    timeText: (t) => (snapshot?.dates === true && Number.isInteger(t) ? dayToIso(t) : String(t)),
    groupColumn,
    snapshotColumn: names.snapshot ?? null,
    warnings,
  };
}
