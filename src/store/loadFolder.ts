import * as fs from "node:fs";
import * as path from "node:path";
import { sourceSchemas, truthSchemas } from "../data/schemas";
import { InputError } from "../io/InputError";
import { loadSource } from "./loadSource";
import type { Store } from "./openStore";

/**
 * Loads a population folder (as written by `churnlab synth`, CSV or
 * Parquet) into the store: customers, visits, surveys, app_activity and,
 * when present, truth and truth_risk, each as the table of its name. For
 * each table `<name>.parquet` is preferred to `<name>.csv`.
 *
 * @param tables the tables to load (default: all six; e.g. leave out truth_risk, which no feature reads).
 * @returns rows loaded by table name.
 * @throws InputError when a source table is missing from the folder, or any file is bad (see {@link loadSource}).
 * @example
 * await loadFolder(store, "data/sample"); // { customers: 2500, visits: 10889, ... }
 */
export async function loadFolder(store: Store, dir: string, tables?: readonly string[]): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  const fileOf = (name: string): string | undefined => [".parquet", ".csv"].map((ext) => path.join(dir, `${name}${ext}`)).find((f) => fs.existsSync(f));
  const wanted = [...sourceSchemas, ...truthSchemas].filter((s) => tables === undefined || tables.includes(s.name));
  const missing = sourceSchemas.filter((s) => wanted.includes(s) && fileOf(s.name) === undefined);
  if (missing.length > 0)
    throw new InputError(
      dir,
      missing.map((s) => ({ where: `${s.name}.csv or ${s.name}.parquet`, message: "not found" })),
    );
  for (const schema of wanted) {
    const file = fileOf(schema.name);
    if (file !== undefined) rows[schema.name] = await loadSource(store, schema, file);
  }
  return rows;
}
