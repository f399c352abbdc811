// The store loads CSV and Parquet sources strictly: bad or truncated files are
// InputErrors naming the file and the place, and the store keeps what it had (issue 17).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/io/InputError";
import { appActivitySchema, customersSchema, visitsSchema } from "../../src/data/schemas";
import { loadFolder, loadSource, openStore, type Store } from "../../src/store";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-store-"));
let store: Store;
beforeAll(async () => {
  store = await openStore(":memory:");
});
afterAll(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const visitsHeader = "customer_id,date,type,spend_yuan,wait_hours,outlet_id";
const write = (name: string, content: string | Uint8Array): string => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
};
async function inputError(run: () => Promise<unknown>): Promise<InputError> {
  try {
    await run();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error("expected an InputError");
}
const count = async (table: string): Promise<number> => Number((await store.connection.runAndReadAll(`SELECT count(*) FROM ${table}`)).getColumnsJS()[0]?.[0]);

describe("loadSource", () => {
  it("loads the committed sample with the row counts of its CSV files", async () => {
    const rows = await loadFolder(store, "data/sample");
    const lines = (name: string): number => fs.readFileSync(`data/sample/${name}.csv`, "utf8").trimEnd().split("\n").length - 1;
    for (const name of ["customers", "visits", "surveys", "app_activity", "truth", "truth_risk"]) expect(rows[name], name).toBe(lines(name));
  });

  it("reads a Parquet copy of a CSV source to the same table", async () => {
    const parquet = path.join(dir, "visits.parquet");
    await store.connection.run(`COPY visits TO '${parquet}' (FORMAT parquet)`);
    const fromCsv = (await store.connection.runAndReadAll("SELECT * FROM visits ORDER BY rowid")).getRowsJS();
    expect(await loadSource(store, visitsSchema, parquet)).toBe(fromCsv.length);
    expect((await store.connection.runAndReadAll("SELECT * FROM visits ORDER BY rowid")).getRowsJS()).toEqual(fromCsv);
  });

  it("refuses a truncated Parquet file, naming it, and keeps the table it had", async () => {
    const whole = fs.readFileSync(path.join(dir, "visits.parquet"));
    const truncated = write("truncated.parquet", whole.subarray(0, Math.floor(whole.length / 2)));
    const before = await count("visits");
    const err = await inputError(() => loadSource(store, visitsSchema, truncated));
    expect(err.source).toBe(truncated);
    expect(err.problems[0]?.message).toMatch(/magic bytes|Parquet|truncated|corrupt/i);
    expect(await count("visits")).toBe(before);
  });

  it("refuses a CSV row of the wrong width, naming its line, and writes no table", async () => {
    const bad = write("ragged.csv", `${visitsHeader}\nC0000001,2024-01-01,maintenance,420,2.5,SH01\nC0000001,2024-02-01,repair\n`);
    await store.connection.run("DROP TABLE IF EXISTS visits");
    const err = await inputError(() => loadSource(store, visitsSchema, bad));
    expect(err.problems[0]?.message).toMatch(/Line: 3/);
    const tables = (await store.connection.runAndReadAll("SELECT table_name FROM duckdb_tables()")).getColumnsJS()[0];
    expect(tables).not.toContain("visits");
  });

  it("names the column and first data row of each broken rule (type, category, range)", async () => {
    const typo = write("typo.csv", `${visitsHeader}\nC0000001,2024-01-01,maintenance,abc,2.5,SH01\n`);
    expect((await inputError(() => loadSource(store, visitsSchema, typo))).problems[0]?.message).toMatch(/abc/);
    const rules = write(
      "rules.csv",
      `${visitsHeader}\nC0000001,2024-01-01,service,420,2.5,SH01\nC0000002,2024-01-02,repair,-5,2.5,SH01\nC0000003,2024-01-03,repair,-6,1,SH01\n`,
    );
    const err = await inputError(() => loadSource(store, visitsSchema, rules));
    expect(err.problems).toEqual([
      { where: "column type", message: "must be one of maintenance, repair, warranty, accident: 1 row, first data row 1" },
      { where: "column spend_yuan", message: "must be >= 0: 2 rows, first data row 2" },
    ]);
  });

  it("refuses a Parquet file lacking a column and a customers file repeating its key", async () => {
    const narrow = path.join(dir, "narrow.parquet");
    await store.connection.run(`COPY (SELECT customer_id, city FROM customers) TO '${narrow}' (FORMAT parquet)`);
    const err = await inputError(() => loadSource(store, customersSchema, narrow));
    expect(err.problems.map((p) => p.where)).toContain("column outlet_id");
    const twice = write(
      "twice.csv",
      `${fs.readFileSync("data/sample/customers.csv", "utf8")}${fs.readFileSync("data/sample/customers.csv", "utf8").split("\n")[1]}\n`,
    );
    expect((await inputError(() => loadSource(store, customersSchema, twice))).problems).toEqual([
      { where: "key (customer_id)", message: "must be unique: 1 repeated row" },
    ]);
  });
});

describe("loadSource's key check", () => {
  it("counts repeats of a two-column key exactly: one key three times and another twice are 3 repeated rows", async () => {
    const header = "customer_id,week_start,active_days,coupon_redemptions";
    const rows = [
      "C1,2024-01-01,3,0",
      "C1,2024-01-08,3,0",
      "C2,2024-01-01,3,0",
      "C1,2024-01-01,5,1",
      "C2,2024-01-01,1,0",
      "C1,2024-01-01,2,0",
      "C2,2024-01-08,3,0",
    ];
    const repeated = write("app_repeated.csv", `${header}\n${rows.join("\n")}\n`);
    expect((await inputError(() => loadSource(store, appActivitySchema, repeated))).problems).toEqual([
      { where: "key (customer_id, week_start)", message: "must be unique: 3 repeated rows" },
    ]);
    // Same customers and weeks, no pair twice: loads.
    const distinct = write("app_distinct.csv", `${header}\n${rows.filter((_, k) => k !== 3 && k !== 4 && k !== 5).join("\n")}\n`);
    expect(await loadSource(store, appActivitySchema, distinct)).toBe(4);
  });
});

describe("loadSource reads CSV columns by name", () => {
  it("loads a CSV whose columns come in another order, with an extra column, to the same table", async () => {
    const reordered = write("reordered.csv", "outlet_id,note,customer_id,date,type,wait_hours,spend_yuan\nSH01,x,C0000001,2024-01-01,maintenance,2.5,420\n");
    expect(await loadSource(store, visitsSchema, reordered)).toBe(1);
    const rows = (await store.connection.runAndReadAll("SELECT customer_id, spend_yuan, wait_hours, outlet_id FROM visits")).getRowsJS();
    expect(rows).toEqual([["C0000001", 420, 2.5, "SH01"]]);
  });

  it("refuses a CSV lacking a schema column, naming it", async () => {
    const narrow = write("narrow.csv", "customer_id,date,type,spend_yuan,outlet_id\nC0000001,2024-01-01,maintenance,420,SH01\n");
    const err = await inputError(() => loadSource(store, visitsSchema, narrow));
    expect(err.problems.map((p) => p.where)).toEqual(["line 1, column wait_hours"]);
  });
});
