// `churnlab synth`: writes the population's CSVs and a manifest; bad flags exit 2 and write nothing.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { synthCommand } from "../../../src/cli/commands/synth";
import { commandSession } from "../../helpers/captureOutput";

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-synth-cli-"));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const cli = commandSession(synthCommand);

describe("churnlab synth --customers N --seed S --out DIR", () => {
  it("writes the six tables and a manifest, and prints a summary", async () => {
    const out = path.join(dir, "pop");
    expect(await cli.run("--customers", "300", "--seed", "42", "--out", out, "--no-progress")).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual([
      "app_activity.csv",
      "customers.csv",
      "manifest.json",
      "surveys.csv",
      "truth.csv",
      "truth_risk.csv",
      "visits.csv",
    ]);
    expect(fs.readFileSync(path.join(out, "customers.csv"), "utf8").split("\n")[0]).toBe(
      "customer_id,city,outlet_id,distance_km,vehicle_model,segment,vehicle_age_years,purchase_date,price_sensitivity",
    );
    const manifest = JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8")) as {
      options: Record<string, unknown>;
      summary: { customers: number };
    };
    expect(manifest.options).toEqual({ customers: 300, seed: 42, weeks: 104, startDate: "2024-01-01", snapshotWeeks: 4 });
    expect(manifest.summary.customers).toBe(300);
    expect(cli.stdout).toMatch(/^wrote 7 files to .*pop in [\d.]+ s\n {2}300 customers, \d+ visits/);
    expect(cli.stderr).toBe("");
  });

  it("gives byte-identical files for the same seed", async () => {
    const a = path.join(dir, "a");
    const b = path.join(dir, "b");
    expect(await cli.run("-n", "200", "-s", "9", "-o", a, "--no-progress")).toBe(0);
    expect(await cli.run("-n", "200", "-s", "9", "-o", b, "--no-progress")).toBe(0);
    for (const name of fs.readdirSync(a)) expect(fs.readFileSync(path.join(b, name)), name).toEqual(fs.readFileSync(path.join(a, name)));
  });

  it("prints the manifest as JSON with --json", async () => {
    expect(await cli.run("-n", "100", "-o", path.join(dir, "j"), "--json", "--snapshot-weeks", "0")).toBe(0);
    const result = JSON.parse(cli.stdout) as { options: { snapshotWeeks: number }; files: string[] };
    expect(result.options.snapshotWeeks).toBe(0);
    expect(result.files).toContain("truth.csv");
  });

  it("refuses --out naming an existing file: exit 2 naming it, the file untouched (it used to exit 1 with EEXIST)", async () => {
    const file = path.join(dir, "notes.txt");
    fs.writeFileSync(file, "mine\n");
    expect(await cli.run("--customers", "100", "--seed", "1", "--out", file, "--no-progress")).toBe(2);
    expect(cli.stdout).toBe("");
    expect(cli.stderr).toContain(`--out: "${file}" is a file, not a folder`);
    expect(fs.readFileSync(file, "utf8")).toBe("mine\n");
  });

  it("reports every bad flag at once, exits 2 and writes nothing", async () => {
    const out = path.join(dir, "bad");
    expect(await cli.run("--customers", "0", "--weeks", "12", "--start", "2024-01-03", "--snapshot-weeks", "x", "--out", out)).toBe(2);
    expect(cli.stderr).toContain("command line: 4 problems");
    expect(cli.stderr).toContain('--customers: must be an integer from 1 to 5000000, got "0"');
    expect(cli.stderr).toContain('--weeks: must be an integer from 53 to 520, got "12"');
    expect(cli.stderr).toContain('--start: must be a Monday, got "2024-01-03"');
    expect(cli.stderr).toContain('--snapshot-weeks: must be an integer from 0 to 52, got "x"');
    expect(fs.existsSync(out)).toBe(false);
  });
});
