// `churnlab score` in batches (issue 17): Parquet and large CSVs are read by DuckDB batch by batch;
// the scores equal the in-memory path's, and damaged files exit 2 with nothing written.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scoreCommand } from "../../../src/cli/commands/score";
import { trainCommand } from "../../../src/cli/commands/train";
import { openStore } from "../../../src/store";
import { runCommand } from "../../helpers/captureOutput";

let dir = "";
let csv = "";
let parquet = "";
let model = "";
const header = "id,age,city,churn";

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-score-batches-"));
  const rows: string[] = [];
  let x = 5;
  for (let i = 0; i < 2500; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const age = 20 + (x % 50);
    const city = ["A", "B", "C"][x % 3] as string;
    rows.push(`C${i + 1},${age},${city},${(x >> 8) % 10 < (age > 50 ? 4 : 1) + (city === "C" ? 3 : 0) ? 1 : 0}`);
  }
  csv = path.join(dir, "customers.csv");
  fs.writeFileSync(csv, `${header}\n${rows.join("\n")}\n`);
  model = path.join(dir, "model");
  expect(
    (await runCommand(trainCommand, ["--csv", csv, "--target", "churn", "--id", "id", "--model", "logistic", "--seed", "1", "--out", model])).exitCode,
  ).toBe(0);
  parquet = path.join(dir, "customers.parquet");
  const store = await openStore(":memory:");
  await store.connection.run(`COPY (SELECT id, CAST(age AS INTEGER) AS age, city FROM read_csv('${csv}', header = true)) TO '${parquet}' (FORMAT parquet)`);
  store.close();
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const score = (input: string, out: string, ...more: string[]) =>
  runCommand(scoreCommand, ["--model", model, "--csv", input, "--out", path.join(dir, out), ...more]);
const read = (out: string): string => fs.readFileSync(path.join(dir, out), "utf8");

describe("churnlab score in batches", () => {
  it("scores a CSV in batches of 300 rows to the very file of the in-memory path", async () => {
    expect((await score(csv, "whole.csv")).exitCode).toBe(0);
    const batched = await score(csv, "batched.csv", "--batch-rows", "300");
    expect(batched.exitCode).toBe(0);
    expect(read("batched.csv")).toBe(read("whole.csv"));
    expect(read("whole.csv").split("\n")[0]).toBe("id,probability,tier");
    expect(batched.stdout).toMatch(/^scored 2500 rows with the logistic model/);
  });

  it("reads a semicolon export's decimal commas as the in-memory path does: the same scores, no warning", async () => {
    const lines = fs.readFileSync(csv, "utf8").trimEnd().split("\n");
    const eu = path.join(dir, "eu.csv");
    // age as "45,0" (decimal comma) in every row, and one text column holding a comma ("A, north") that must stay text
    const euLines = lines.slice(1).map((line) => {
      const [id, age, city, churn] = line.split(",");
      return [id, `${age},0`, city === "A" ? '"A, north"' : city, churn].join(";");
    });
    fs.writeFileSync(eu, `${header.replaceAll(",", ";")}\n${euLines.join("\n")}\n`);
    const whole = await score(eu, "eu-whole.csv");
    const batched = await score(eu, "eu-batched.csv", "--batch-rows", "300");
    expect(batched.exitCode).toBe(0);
    expect(read("eu-batched.csv")).toBe(read("eu-whole.csv"));
    expect(batched.stderr).not.toMatch(/not numbers/);
    expect(batched.stderr).toBe(whole.stderr);
  });

  it("reads a file of any other extension as CSV, as the in-memory path does, and names a missing file (exit 2)", async () => {
    const txt = path.join(dir, "export.txt");
    fs.copyFileSync(csv, txt);
    expect((await score(txt, "txt.csv", "--batch-rows", "300")).exitCode).toBe(0);
    expect(read("txt.csv")).toBe(read("whole.csv"));
    const missing = await score(path.join(dir, "absent.tsv"), "absent.csv", "--batch-rows", "300");
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/absent\.tsv: file: not found/);
  });

  it("names a bad cell by its data row in the whole table, not in its batch", async () => {
    const lines = fs.readFileSync(csv, "utf8").trimEnd().split("\n");
    lines[1500] = lines[1500]!.replace(/^([^,]*),[^,]*,/, "$1,1e300,");
    const huge = path.join(dir, "huge.csv");
    fs.writeFileSync(huge, `${lines.join("\n")}\n`);
    const whole = await score(huge, "huge-whole.csv");
    const batched = await score(huge, "huge-batched.csv", "--batch-rows", "1000");
    expect(whole.exitCode).toBe(2);
    expect(batched.exitCode).toBe(2);
    expect(whole.stderr).toMatch(/column age, data row 1500:/);
    expect(batched.stderr).toMatch(/\(data rows 1001-2000\): column age, data row 1500:/);
  });

  it("scores a Parquet file (typed columns) to the same scores", async () => {
    const r = await score(parquet, "parquet.csv", "--batch-rows", "1000");
    expect(r.exitCode).toBe(0);
    expect(read("parquet.csv")).toBe(read("whole.csv"));
  });

  it("score refuses a truncated Parquet file (exit 2, naming it, no output)", async () => {
    const bytes = fs.readFileSync(parquet);
    const truncated = path.join(dir, "truncated.parquet");
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const r = await score(truncated, "t.csv");
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(truncated);
    expect(fs.existsSync(path.join(dir, "t.csv"))).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("warns about text in a numeric column and unseen levels in the words of the in-memory path", async () => {
    const lines = fs.readFileSync(csv, "utf8").trimEnd().split("\n");
    lines[10] = lines[10]!.replace(/^([^,]*),[^,]*,/, "$1,abc,");
    for (const row of [20, 1900]) lines[row] = lines[row]!.replace(/^([^,]*),([^,]*),[^,]*/, "$1,$2,Z");
    const odd = path.join(dir, "odd-cells.csv");
    fs.writeFileSync(odd, `${lines.join("\n")}\n`);
    const whole = await score(odd, "o-whole.csv");
    const batched = await score(odd, "o-batched.csv", "--batch-rows", "300");
    expect(batched.exitCode).toBe(0);
    expect(batched.stderr).toMatch(/column age: 1 value is not a number \(data row 10: "abc"\)/);
    expect(batched.stderr).toMatch(/column city: 2 rows hold levels the model was not trained with \(Z: 2\)/);
    expect(batched.stderr).toBe(whole.stderr);
    expect(read("o-batched.csv")).toBe(read("o-whole.csv"));
  });

  it("lists blank and repeated ids in batches as the in-memory path does (blank ids are not a repeated id)", async () => {
    const lines = fs.readFileSync(csv, "utf8").trimEnd().split("\n");
    for (const row of [5, 9, 1700]) lines[row] = lines[row]!.replace(/^[^,]*/, "");
    lines[2400] = lines[2400]!.replace(/^[^,]*/, "C7");
    const blanks = path.join(dir, "blank-ids.csv");
    fs.writeFileSync(blanks, `${lines.join("\n")}\n`);
    const whole = await score(blanks, "b-whole.csv");
    const batched = await score(blanks, "b-batched.csv", "--batch-rows", "300");
    expect(batched.exitCode).toBe(2);
    expect(batched.stderr).toBe(whole.stderr);
    expect(batched.stderr).toMatch(/column id, data row 1700: blank id/);
    expect(batched.stderr).toMatch(/duplicate id "C7" \(data rows 7, 2400\)/);
    expect(batched.stderr).not.toMatch(/duplicate id "(null)?"/);
  });

  it("score refuses a CSV with a row of the wrong width past the first batch (exit 2, line named, old output kept)", async () => {
    const lines = fs.readFileSync(csv, "utf8").trimEnd().split("\n");
    lines[2000] = "C2000,44";
    const ragged = path.join(dir, "ragged.csv");
    fs.writeFileSync(ragged, `${lines.join("\n")}\n`);
    fs.writeFileSync(path.join(dir, "kept.csv"), "old\n");
    const r = await score(ragged, "kept.csv", "--batch-rows", "300");
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/ragged\.csv.*Line: 2001/s);
    expect(read("kept.csv")).toBe("old\n");
  });

  it("score in batches names repeated ids with their data rows over the whole file", async () => {
    const lines = fs.readFileSync(csv, "utf8").trimEnd().split("\n");
    lines[2400] = lines[3]?.replace(/,\d+,/, ",30,") ?? "";
    const twice = path.join(dir, "twice.csv");
    fs.writeFileSync(twice, `${lines.join("\n")}\n`);
    const r = await score(twice, "twice-out.csv", "--batch-rows", "500");
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('duplicate id "C3" (data rows 3, 2400)');
  });

  it("--batch-rows 0 exits 2 naming the flag", async () => {
    const r = await score(csv, "zero.csv", "--batch-rows", "0");
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/--batch-rows: must be a positive integer, got "0"/);
  });
});

describe("churnlab score --store", () => {
  let storeFile = "";
  beforeAll(async () => {
    storeFile = path.join(dir, "national.duckdb");
    const store = await openStore(storeFile);
    await store.connection.run(`CREATE TABLE panel AS SELECT * FROM read_parquet('${parquet}')`);
    await store.connection.run("CREATE TABLE empty AS SELECT * FROM panel LIMIT 0");
    store.close();
  });
  const fromStore = (out: string, ...more: string[]) =>
    runCommand(scoreCommand, ["--model", model, "--store", storeFile, "--out", path.join(dir, out), ...more]);

  it("scores the store's panel table (the default) in batches to the scores of its Parquet file, and leaves the store as it was", async () => {
    const before = fs.readFileSync(storeFile);
    expect((await score(parquet, "from-parquet.csv")).exitCode).toBe(0);
    const r = await fromStore("from-store.csv", "--batch-rows", "700");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^scored 2500 rows with the logistic model/);
    expect(read("from-store.csv")).toBe(read("from-parquet.csv"));
    expect(fs.readFileSync(storeFile).equals(before)).toBe(true);
  });

  it("refuses a missing table, an empty one and a file that is not a store, naming them (exit 2, nothing written)", async () => {
    const missing = await fromStore("m.csv", "--table", "scores_2026");
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain(storeFile);
    expect(missing.stderr).toMatch(/store table scores_2026: .*scores_2026/);
    const noId = await fromStore("i.csv", "--id", "customer_id");
    expect(noId.exitCode).toBe(2);
    expect(noId.stderr).toContain('id column: no column "customer_id" in table panel (its columns: id, age, city)');
    const empty = await fromStore("e.csv", "--table", "empty");
    expect(empty.exitCode).toBe(2);
    expect(empty.stderr).toMatch(/table empty: has no rows/);
    const notStore = await runCommand(scoreCommand, ["--model", model, "--store", csv, "--out", path.join(dir, "n.csv")]);
    expect(notStore.exitCode).toBe(2);
    expect(notStore.stderr).toContain(`${csv}: --store: is not a churnlab store (a DuckDB database file)`);
    const fifo = path.join(dir, "pipe.duckdb");
    execFileSync("mkfifo", [fifo]);
    const piped = await runCommand(scoreCommand, ["--model", model, "--store", fifo, "--out", path.join(dir, "n.csv")]);
    expect(piped.exitCode).toBe(2);
    expect(piped.stderr).toContain(`${fifo}: --store: is not a churnlab store (not a regular file)`);
    const absent = await runCommand(scoreCommand, ["--model", model, "--store", path.join(dir, "absent.duckdb"), "--out", path.join(dir, "n.csv")]);
    expect(absent.exitCode).toBe(2);
    expect(absent.stderr).toMatch(/absent\.duckdb: --store: cannot be read \(ENOENT\)/);
    for (const f of ["m.csv", "i.csv", "e.csv", "n.csv"]) expect(fs.existsSync(path.join(dir, f))).toBe(false);
  });

  it("refuses a store another process is writing (exit 2, naming it)", async () => {
    const { spawn } = await import("node:child_process");
    const holder = spawn(
      process.execPath,
      [
        "-e",
        `const { DuckDBInstance } = require("@duckdb/node-api"); DuckDBInstance.create(${JSON.stringify(storeFile)}).then(() => { console.log("open"); setInterval(() => {}, 1000); });`,
      ],
      { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
      const r = await fromStore("locked.csv");
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain(storeFile);
      expect(r.stderr).toMatch(/lock/i);
      expect(fs.existsSync(path.join(dir, "locked.csv"))).toBe(false);
    } finally {
      holder.kill();
    }
  });

  it("never writes the scores over the store's write-ahead log, whether it exists or not (exit 2, store unchanged)", async () => {
    const before = fs.readFileSync(storeFile);
    const r = await fromStore("never.csv");
    expect(r.exitCode).toBe(0);
    const noLog = await runCommand(scoreCommand, ["--model", model, "--store", storeFile, "--out", `${storeFile}.wal`]);
    expect(noLog.exitCode).toBe(2);
    expect(noLog.stderr).toContain(`--out: is the write-ahead log of --store "${storeFile}"`);
    expect(fs.existsSync(`${storeFile}.wal`)).toBe(false);
    fs.writeFileSync(`${storeFile}.wal`, "");
    try {
      const viaDots = path.join(dir, "..", path.basename(dir), "national.duckdb.wal");
      const existing = await runCommand(scoreCommand, ["--model", model, "--store", storeFile, "--out", viaDots]);
      expect(existing.exitCode).toBe(2);
      expect(fs.readFileSync(`${storeFile}.wal`, "utf8")).toBe("");
    } finally {
      fs.rmSync(`${storeFile}.wal`);
    }
    expect(fs.readFileSync(storeFile).equals(before)).toBe(true);
  });

  it("takes exactly one of --csv and --store, --table only with --store, and never writes over the store", async () => {
    const both = await runCommand(scoreCommand, ["--model", model, "--csv", csv, "--store", storeFile, "--out", path.join(dir, "b.csv")]);
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toMatch(/--csv \/ --store: give the table to score as exactly one/);
    const neither = await runCommand(scoreCommand, ["--model", model, "--out", path.join(dir, "b.csv")]);
    expect(neither.exitCode).toBe(2);
    const tableWithCsv = await score(csv, "b.csv", "--table", "panel");
    expect(tableWithCsv.exitCode).toBe(2);
    expect(tableWithCsv.stderr).toMatch(/--table: names a table of a store/);
    const before = fs.readFileSync(storeFile);
    const over = await runCommand(scoreCommand, ["--model", model, "--store", storeFile, "--out", storeFile]);
    expect(over.exitCode).toBe(2);
    expect(fs.readFileSync(storeFile).equals(before)).toBe(true);
  });
});
