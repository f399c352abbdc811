import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { InputError } from "../io/InputError";

/** An open analytical store: one DuckDB database (a file, or memory) and a connection to it. */
export interface Store {
  /** The database file, or ":memory:". */
  readonly file: string;
  readonly connection: DuckDBConnection;
  /** Closes the connection and the database (the file stays). */
  close(): void;
}

/** Options of {@link openStore}. */
export interface StoreOptions {
  /** DuckDB's memory limit, e.g. "4GB" (default DuckDB's: 80% of RAM). Larger work spills to a temp folder next to the file. */
  memoryLimit?: string;
  /** Worker threads (default: every core). */
  threads?: number;
  /** Folder where work past the memory limit spills (default DuckDB's: `<file>.tmp`, or `.tmp` in the working folder for ":memory:"). */
  tempDirectory?: string;
}

/**
 * Opens (or creates) a store: one DuckDB database file holding the
 * population, visits, surveys and app events as tables, queried with SQL.
 * No server; the file is the whole store. Rows keep their insertion order
 * (`preserve_insertion_order`), so results of ordered loads are reproducible.
 *
 * @param file database file, or ":memory:" for a store that lives only in this process.
 * @throws InputError naming the file when it is not a DuckDB database or cannot be opened.
 * @example
 * const store = await openStore(":memory:");
 * await store.connection.run("CREATE TABLE t AS SELECT 1 AS x");
 * store.close();
 */
export async function openStore(file: string, options: StoreOptions = {}): Promise<Store> {
  const settings: Record<string, string> = { preserve_insertion_order: "true" };
  if (options.memoryLimit !== undefined) settings.memory_limit = options.memoryLimit;
  if (options.threads !== undefined) settings.threads = String(options.threads);
  if (options.tempDirectory !== undefined) settings.temp_directory = options.tempDirectory;
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(file, settings);
  } catch (err) {
    throw new InputError(file, [{ where: "file", message: `cannot open as a DuckDB store (${firstLine(err)})` }]);
  }
  const connection = await instance.connect();
  return {
    file,
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * The first line of an error's message (DuckDB's messages go on with hints and the SQL).
 *
 * @example
 * firstLine(new Error("Invalid Input Error: No magic bytes\n\nLINE 1: ...")); // "Invalid Input Error: No magic bytes"
 */
export function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split("\n")[0]?.trim() ?? text;
}

/**
 * A text as a SQL string literal ('it''s').
 *
 * @example
 * sqlString("it's.csv"); // "'it''s.csv'"
 */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
