// `churnlab synth --format csv|parquet` (issue 17): streamed output, byte-identical for a seed,
// the same values in both formats, and bad flags exit 2 with nothing written.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { synthCommand } from "../../../src/cli/commands/synth";
import { makeTempFolder, releaseTemp } from "../../../src/io/tempFiles";
import { sourceSchemas, truthSchemas } from "../../../src/data/schemas";
import { loadSource, openStore } from "../../../src/store";
import { streamPopulationParquet } from "../../../src/store/streamPopulationParquet";
import { commandSession } from "../../helpers/captureOutput";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-synth-format-"));
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const cli = commandSession(synthCommand, ["--no-progress"]);
const bytesOf = (folder: string): Record<string, Buffer> =>
  Object.fromEntries(
    fs
      .readdirSync(folder)
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(folder, f))]),
  );
const schemas = [...sourceSchemas, ...truthSchemas];

describe("churnlab synth --format", () => {
  it("synth --format parquet is byte-identical for a seed, and holds the values of the CSV files", async () => {
    const [a, b, csv] = ["pa", "pb", "csv"].map((name) => path.join(dir, name)) as [string, string, string];
    expect(await cli.run("-n", "800", "-s", "4", "-o", a, "--format", "parquet")).toBe(0);
    expect(await cli.run("-n", "800", "-s", "4", "-o", b, "--format", "parquet")).toBe(0);
    expect(await cli.run("-n", "800", "-s", "4", "-o", csv)).toBe(0);
    expect(Object.keys(bytesOf(a))).toEqual([...schemas.map((s) => `${s.name}.parquet`), "manifest.json"].sort());
    expect(bytesOf(b)).toEqual(bytesOf(a));
    const store = await openStore(":memory:");
    try {
      for (const schema of schemas) {
        await loadSource(store, schema, path.join(a, `${schema.name}.parquet`));
        await store.connection.run(`ALTER TABLE ${schema.name} RENAME TO p_${schema.name}`);
        await loadSource(store, schema, path.join(csv, `${schema.name}.csv`));
        const rows = (sql: string) => store.connection.runAndReadAll(sql).then((r) => r.getRowsJS());
        expect(await rows(`SELECT * FROM p_${schema.name} ORDER BY rowid`), schema.name).toEqual(await rows(`SELECT * FROM ${schema.name} ORDER BY rowid`));
      }
    } finally {
      store.close();
    }
  }, 60_000);

  it("synth --format csv of one block gives the files of the default (in-memory) synth", async () => {
    const [streamed, inMemory] = [path.join(dir, "s"), path.join(dir, "m")];
    expect(await cli.run("-n", "500", "-s", "6", "-o", streamed, "--format", "csv")).toBe(0);
    expect(await cli.run("-n", "500", "-s", "6", "-o", inMemory)).toBe(0);
    for (const schema of schemas) expect(bytesOf(streamed)[`${schema.name}.csv`], schema.name).toEqual(bytesOf(inMemory)[`${schema.name}.csv`]);
    const manifest = JSON.parse(fs.readFileSync(path.join(streamed, "manifest.json"), "utf8")) as { rows: Record<string, number>; options: { format: string } };
    expect(manifest.options.format).toBe("csv");
    expect(manifest.rows.customers).toBe(500);
  }, 60_000);

  it("streamed Parquet of several blocks is the same bytes with 1 and 2 workers", async () => {
    const write = async (workers: number): Promise<Record<string, Buffer>> => {
      const out = fs.mkdtempSync(path.join(dir, `w${workers}-`));
      const scratch = makeTempFolder("synthtest");
      try {
        const files = Object.fromEntries(schemas.map((s) => [s.name, path.join(out, `${s.name}.parquet`)]));
        await streamPopulationParquet({ customers: 1000, seed: 12, weeks: 60 }, schemas, files, scratch, workers, 300);
      } finally {
        releaseTemp(scratch);
      }
      return bytesOf(out);
    };
    expect(await write(2)).toEqual(await write(1));
  }, 60_000);

  it("refuses to write one format into a folder holding the other's tables (two populations in one folder), keeping every file", async () => {
    const out = path.join(dir, "mixed");
    expect(await cli.run("-n", "300", "-s", "1", "-o", out, "--format", "parquet")).toBe(0);
    const before = bytesOf(out);
    expect(await cli.run("-n", "500", "-s", "2", "-o", out, "--format", "csv")).toBe(2);
    expect(cli.stderr).toMatch(/--out: already holds population tables as parquet \(customers\.parquet, visits\.parquet, .*truth_risk\.parquet\)/);
    expect(await cli.run("-n", "500", "-s", "2", "-o", out)).toBe(2);
    expect(bytesOf(out)).toEqual(before);
    // the same format again replaces the population, as before
    expect(await cli.run("-n", "300", "-s", "3", "-o", out, "--format", "parquet")).toBe(0);
  });

  it("synth --format xml exits 2 naming --format and writes nothing", async () => {
    const out = path.join(dir, "bad");
    expect(await cli.run("-n", "100", "-o", out, "--format", "xml")).toBe(2);
    expect(cli.stderr).toMatch(/--format: must be csv or parquet, got "xml"/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
