import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mapCommand } from "../../../src/cli/commands/map";
import { scoreCommand } from "../../../src/cli/commands/score";
import { trainCommand } from "../../../src/cli/commands/train";
import { encodeGb18030 } from "../../../scripts/encodeGb18030";
import { folderHash } from "../../helpers/folderHash";
import { runCommand } from "../../helpers/captureOutput";

const example = path.resolve(__dirname, "../../../data/examples/dms-export-zh");
let dir = "";

/** A copy of the example export in a fresh folder, with `edit` applied to one file's text. */
function exampleCopy(name: string, file?: string, edit?: (text: string) => string): string {
  const copy = path.join(dir, name);
  fs.cpSync(example, copy, { recursive: true });
  if (file !== undefined && edit !== undefined) {
    const target = path.join(copy, file);
    const gb = file === "dms_repair_orders.csv" || file === "crm_surveys.csv";
    const text = gb ? new TextDecoder("gb18030").decode(fs.readFileSync(target)) : fs.readFileSync(target, "utf8");
    fs.writeFileSync(target, gb ? encodeGb18030(edit(text)) : edit(text));
  }
  return path.join(copy, "mapping.json");
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-map-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("churnlab map", () => {
  it("checks the Chinese GB18030 example export: every column mapped, every row good, nothing written", async () => {
    const before = folderHash(example);
    const r = await runCommand(mapCommand, ["--mapping", path.join(example, "mapping.json"), "--check", "--json"]);
    expect(r.exitCode).toBe(0);
    const json = JSON.parse(r.stdout) as {
      tables: Array<{ table: string; encoding: string; rows: number; kept: number; ignored: string[] }>;
      problems: unknown[];
      written: string[];
    };
    expect(json.problems).toEqual([]);
    expect(json.written).toEqual([]);
    const visits = json.tables.find((t) => t.table === "visits");
    expect(visits?.encoding).toBe("gb18030");
    expect(visits?.rows).toBe(visits?.kept);
    expect(visits?.ignored).toEqual(["工单号", "车架号"]);
    expect(json.tables.map((t) => t.table)).toEqual(["customers", "visits", "surveys", "app_activity", "churn"]);
    expect(folderHash(example)).toEqual(before);
  });

  it("writes schema CSVs with codes, units and dates translated (保养 -> maintenance, 分钟 -> hours, 2024/01/06 14:58 -> 2024-01-06)", async () => {
    const out = path.join(dir, "out-ok");
    const r = await runCommand(mapCommand, ["--mapping", path.join(example, "mapping.json"), "--out", out, "--panel"]);
    expect(r.exitCode).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual([
      "app_activity.csv",
      "churn.csv",
      "customers.csv",
      "latest.csv",
      "panel.csv",
      "sources.json",
      "surveys.csv",
      "visits.csv",
    ]);
    const visits = fs.readFileSync(path.join(out, "visits.csv"), "utf8").split("\n");
    expect(visits[0]).toBe("customer_id,date,type,spend_yuan,wait_hours,outlet_id");
    // first repair order of the example: HY0000035, 2024/01/06 14:58, 保养, 307.00 元, 120 分钟, NB02
    expect(visits[1]).toBe("HY0000035,2024-01-06,maintenance,307,2,NB02");
    // second: "4,745.00" with a thousands separator, 990 minutes = 16.5 hours
    expect(visits[2]).toBe("HY0000051,2024-01-06,repair,4745,16.5,HZ02");
    const sources = JSON.parse(fs.readFileSync(path.join(out, "sources.json"), "utf8")) as { historyEnd: string; panel: { rows: number } };
    expect(sources.historyEnd).toBe("2025-12-29");
    expect(fs.readFileSync(path.join(out, "panel.csv"), "utf8").split("\n").length - 2).toBe(sources.panel.rows);
  });

  it("the mapped example trains by time with a 30-day label window and scores its latest snapshot end to end", async () => {
    const out = path.join(dir, "out-ok");
    const model = path.join(dir, "model");
    const t = await runCommand(trainCommand, [
      "--csv",
      path.join(out, "panel.csv"),
      "--target",
      "churned_30d",
      "--id",
      "customer_id",
      "--group",
      "customer_id",
      "--snapshot",
      "snapshot_date",
      "--model",
      "logistic",
      "--out",
      model,
      "--json",
    ]);
    expect(t.exitCode).toBe(0);
    const json = JSON.parse(t.stdout) as { splitBy: string; intervals: string; auc: number; testFrom: string };
    expect(json).toMatchObject({ splitBy: "time", intervals: "cluster-bootstrap" });
    expect(json.testFrom).toMatch(/^2025-\d\d-\d\d$/);
    expect(json.auc).toBeGreaterThan(0.6); // the fabricated exports carry real signal (recency, app activity)
    const card = fs.readFileSync(path.join(model, "MODEL_CARD.md"), "utf8");
    expect(card).toContain("By time on `snapshot_date`");
    expect(card).toContain("label window 30");
    const s = await runCommand(scoreCommand, ["--model", model, "--csv", path.join(out, "latest.csv"), "--out", path.join(dir, "scores.csv"), "--json"]);
    expect(s.exitCode).toBe(0);
    const latestRows = fs.readFileSync(path.join(out, "latest.csv"), "utf8").trim().split("\n").length - 1;
    expect((JSON.parse(s.stdout) as { rows: number }).rows).toBe(latestRows);
  }, 60_000);

  it("names file, line, column and rule for a bad export row (exit 2, nothing written)", async () => {
    const mapping = exampleCopy("bad-row", "dms_repair_orders.csv", (t) =>
      t.replace("2024/01/06 14:58,保养", "2024/02/30 14:58,保养").replace('一般维修,"4,745.00"', '洗车,"4,745.00"'),
    );
    const out = path.join(dir, "out-bad-row");
    const r = await runCommand(mapCommand, ["--mapping", mapping, "--out", out]);
    expect(r.exitCode).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
    expect(r.stderr).toContain("dms_repair_orders.csv: line 2, column 进厂日期 (date)");
    expect(r.stderr).toContain("must be a real calendar date");
    expect(r.stderr).toContain("dms_repair_orders.csv: line 3, column 维修类型 (type)");
    expect(r.stderr).toContain('value "洗车": is not one of the mapping\'s codes for type');
    expect(r.stdout).toContain("nothing written");
  });

  it("--check exits 2 on an out-of-range cell and writes nothing", async () => {
    const mapping = exampleCopy("bad-range", "app_weekly.csv", (t) => t.replace("HY0000002,20240101,1,0", "HY0000002,20240101,9,0"));
    const before = folderHash(path.dirname(mapping));
    const r = await runCommand(mapCommand, ["--mapping", mapping, "--check"]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/app_weekly\.csv: line 3, column 活跃天数 \(active_days\)/);
    expect(folderHash(path.dirname(mapping))).toEqual(before);
  });

  it("refuses a mapping with an unknown schema column, a bad date format and a code outside the schema, each with its JSON path", async () => {
    const mapping = exampleCopy("bad-mapping");
    const doc = JSON.parse(fs.readFileSync(mapping, "utf8")) as { tables: Record<string, { columns: Record<string, unknown> }> };
    const visits = doc.tables["visits"] as { columns: Record<string, unknown> };
    visits.columns["mileage"] = "里程";
    visits.columns["date"] = { from: "进厂日期", date: "YYYY/DD" };
    visits.columns["type"] = { from: "维修类型", codes: { 保养: "service" } };
    fs.writeFileSync(mapping, JSON.stringify(doc));
    const r = await runCommand(mapCommand, ["--mapping", mapping, "--check"]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('$.tables.visits.columns.mileage: visits has no column "mileage"');
    expect(r.stderr).toContain('$.tables.visits.columns.date.date: date format "YYYY/DD" must contain the month');
    expect(r.stderr).toContain('$.tables.visits.columns.type.codes.保养: maps to "service", which is not a value of type');
  });

  it("says the encoding is wrong when a GB18030 export is mapped as UTF-8", async () => {
    const mapping = exampleCopy("bad-encoding");
    const doc = JSON.parse(fs.readFileSync(mapping, "utf8")) as { tables: { visits: { encoding: string } } };
    doc.tables.visits.encoding = "utf-8";
    fs.writeFileSync(mapping, JSON.stringify(doc));
    const r = await runCommand(mapCommand, ["--mapping", mapping, "--check"]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("dms_repair_orders.csv: line 1: file is not valid UTF-8");
    expect(r.stderr).toContain('"encoding", e.g. "gb18030"');
  });

  it("leaves an existing --out folder's files untouched when a row is bad", async () => {
    const out = path.join(dir, "out-existing");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "visits.csv"), "mine\n");
    const mapping = exampleCopy("bad-row-2", "app_weekly.csv", (t) => t.replace("HY0000002,20240101,1,0", "HY9999999,20240101,1,0"));
    const r = await runCommand(mapCommand, ["--mapping", mapping, "--out", out]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("HY9999999");
    expect(fs.readdirSync(out)).toEqual(["visits.csv"]);
    expect(fs.readFileSync(path.join(out, "visits.csv"), "utf8")).toBe("mine\n");
  });
});
