// Loaders reject each kind of bad export with a message naming file, line,
// column, value and rule; nothing is coerced (issue 3, section 3).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/io/InputError";
import { isoToDay } from "../../src/data/dates";
import { describeDropped, loadTable } from "../../src/data/loadTable";
import { loadAppActivity, loadCustomers, loadDataset, loadSurveys, loadVisits } from "../../src/data/loaders";
import { customersSchema, visitsSchema } from "../../src/data/schemas";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-load-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function file(content: string | Uint8Array, name = `f${++counter}.csv`): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

const customersHeader = "customer_id,city,outlet_id,distance_km,vehicle_model,segment,vehicle_age_years,purchase_date,price_sensitivity";
const goodCustomers = `${customersHeader}\nC1,Hangzhou,O1,8.5,Aurora,economy,3.2,2022-10-01,0.4\nC2,Ningbo,O2,12,Meridian,premium,1,2024-11-30,0\n`;
const visitsHeader = "customer_id,date,type,spend_yuan,wait_hours,outlet_id";

/** Runs fn and returns the InputError it throws (fails the test otherwise). */
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error("expected an InputError");
}

describe("loadTable on good files", () => {
  it("parses every column into its typed storage", () => {
    const { table, dropped } = loadCustomers(file(goodCustomers));
    expect(dropped).toEqual([]);
    expect(table.length).toBe(2);
    expect(table.columns.customer_id).toEqual(["C1", "C2"]);
    expect(table.columns.distance_km).toEqual(new Float64Array([8.5, 12]));
    expect(table.columns.purchase_date).toEqual(new Int32Array([isoToDay("2022-10-01"), isoToDay("2024-11-30")]));
    expect(table.columns.segment).toEqual(["economy", "premium"]);
  });

  it("accepts a UTF-8 byte-order mark, CRLF line ends, quoted cells, extra columns and any column order", () => {
    const text = `\uFEFFnote,${visitsHeader.split(",").reverse().join(",")}\r\n"x, y",O1,2.5,480,maintenance,2024-03-04,C1\r\n`;
    const { table } = loadVisits(file(text));
    expect(table.columns.spend_yuan[0]).toBe(480);
    expect(table.columns.wait_hours[0]).toBe(2.5);
    expect(table.columns.date[0]).toBe(isoToDay("2024-03-04"));
  });

  it("renames the user's columns with a mapping (theirs -> ours)", () => {
    const text = "会员编号,日期,类型,金额,等待小时,门店\nC1,2024-03-04,repair,1200,20,O1\n";
    const mapping = { 会员编号: "customer_id", 日期: "date", 类型: "type", 金额: "spend_yuan", 等待小时: "wait_hours", 门店: "outlet_id" };
    const { table } = loadVisits(file(text), { mapping });
    expect(table.columns.customer_id).toEqual(["C1"]);
    expect(table.columns.type).toEqual(["repair"]);
  });
});

describe("loadTable rejects unreadable files, each with its own message", () => {
  it("a missing file", () => {
    const err = inputError(() => loadCustomers(path.join(dir, "nope.csv")));
    expect(err.problems).toEqual([{ where: "file", message: "file not found" }]);
    expect(err.message).toContain("nope.csv");
  });

  it("an empty file (0 bytes) and a whitespace-only file", () => {
    expect(inputError(() => loadCustomers(file(""))).problems[0]?.message).toMatch(/^file is empty \(0 bytes\)/);
    expect(inputError(() => loadCustomers(file("\n  \n"))).problems[0]?.message).toMatch(/^file is empty \(only whitespace\)/);
  });

  it("a header without data rows", () => {
    expect(inputError(() => loadCustomers(file(`${customersHeader}\n`))).problems).toEqual([{ where: "file", message: "has a header line but no data rows" }]);
  });

  it("a UTF-16 file (byte-order mark)", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(goodCustomers, "utf16le")]);
    const err = inputError(() => loadCustomers(file(utf16)));
    expect(err.problems[0]).toEqual({
      where: "encoding",
      message: "file is UTF-16 encoded (byte-order mark found): save it as UTF-8 (e.g. Excel: 'CSV UTF-8')",
    });
  });

  it("a GBK file (invalid UTF-8), naming the line of the first bad byte", () => {
    // "杭州" in GBK is BC BC D6 DD: not valid UTF-8.
    const gbk = Buffer.concat([
      Buffer.from(`${customersHeader}\nC1,`),
      Buffer.from([0xbc, 0xbc, 0xd6, 0xdd]),
      Buffer.from(",O1,8,A,economy,3,2022-10-01,0.4\n"),
    ]);
    const err = inputError(() => loadCustomers(file(gbk)));
    expect(err.problems[0]?.where).toBe("line 2");
    expect(err.problems[0]?.message).toMatch(/^file is not valid UTF-8 \(byte 0xbc at offset \d+\); it may be GBK\/GB18030/);
  });

  it("a folder instead of a file", () => {
    expect(inputError(() => loadCustomers(dir)).problems[0]?.message).toBe("is a folder, not a CSV file");
  });

  it("an unclosed quote", () => {
    const err = inputError(() => loadCustomers(file(`${customersHeader}\nC1,"Hangzhou,O1\n`)));
    expect(err.problems[0]?.message).toMatch(/^not readable as CSV/);
  });
});

describe("loadTable rejects bad headers", () => {
  it("lists every missing column with what was found", () => {
    const err = inputError(() => loadVisits(file("customer_id,date,type\nC1,2024-01-01,repair\n")));
    expect(err.problems.map((p) => p.message.slice(0, 28))).toEqual([
      'missing column "spend_yuan" ',
      'missing column "wait_hours" ',
      'missing column "outlet_id" (',
    ]);
    expect(err.problems[0]?.where).toBe("line 1 (header)");
    expect(err.problems[0]?.message).toContain("found: customer_id, date, type");
  });

  it("a duplicated column and a mapping to an unknown column", () => {
    const err = inputError(() => loadVisits(file(`${visitsHeader},date\nC1,2024-01-01,repair,1,1,O1,2024-01-01\n`), { mapping: { x: "spend" } }));
    expect(err.problems).toContainEqual({ where: "line 1 (header)", message: 'column "date" appears more than once' });
    expect(err.problems).toContainEqual({ where: "mapping", message: 'maps to "spend", which is not a column of visits' });
  });
});

describe("loadTable rejects bad cells, naming line, column, value and rule", () => {
  const badVisits = [
    visitsHeader,
    "C1,2024-02-30,maintenance,500,2,O1", // line 2: no such day
    "C1,2024/03/01,maintenance,500,2,O1", // line 3: wrong date format
    "C1,2024-03-01,maintenance,-5,2,O1", // line 4: negative spend
    "C1,2024-03-01,service,500,2,O1", // line 5: unknown type
    "C1,2024-03-01,repair, 500,2,O1", // line 6: padded number
    "C1,2024-03-01,repair,1,5,2,O1", // line 7: 7 fields (a decimal comma)
    "C1,2024-03-01,repair,NaN,,O1", // line 8: NaN and empty
    ",2024-03-01,repair,100,1,O1", // line 9: empty id
  ].join("\n");

  it("lists every problem of every row", () => {
    const err = inputError(() => loadVisits(file(badVisits, "visits.csv")));
    expect(err.source).toMatch(/visits\.csv$/);
    expect(err.problems).toEqual([
      { where: "line 2, column date", message: 'value "2024-02-30": must be a real calendar date' },
      { where: "line 3, column date", message: 'value "2024/03/01": must be a date written YYYY-MM-DD' },
      { where: "line 4, column spend_yuan", message: 'value "-5": must be >= 0' },
      { where: "line 5, column type", message: 'value "service": must be one of: maintenance, repair, warranty, accident' },
      { where: "line 6, column spend_yuan", message: "value \" 500\": must be a decimal number (digits, '.' as decimal point)" },
      { where: "line 7", message: "has 7 fields, the header has 6" },
      { where: "line 8, column spend_yuan", message: "value \"NaN\": must be a decimal number (digits, '.' as decimal point)" },
      { where: "line 8, column wait_hours", message: "value \"\": must be a decimal number (digits, '.' as decimal point)" },
      { where: "line 9, column customer_id", message: 'value "": must not be empty' },
    ]);
    expect(err.message.split("\n")[0]).toMatch(/visits\.csv: 9 problems$/);
  });

  it("with dropBadRows, keeps the good rows and reports exactly which rows were dropped and why", () => {
    const text = `${badVisits}\nC1,2024-03-05,warranty,0,30.5,O2\n`;
    const { table, dropped } = loadVisits(file(text, "visits.csv"), { dropBadRows: true });
    expect(table.length).toBe(1);
    expect(table.columns.type).toEqual(["warranty"]);
    expect(dropped.map((d) => d.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(dropped[6]?.problems.length).toBe(2);
    expect(describeDropped("visits.csv", dropped)[2]).toBe('visits.csv: dropped line 4: line 4, column spend_yuan: value "-5": must be >= 0');
  });

  it("shows the first 50 problems and a count of the rest", () => {
    const rows = Array.from({ length: 60 }, (_, i) => `C1,2024-01-01,repair,-${i + 1},1,O1`);
    const err = inputError(() => loadVisits(file([visitsHeader, ...rows].join("\n"))));
    expect(err.problems.length).toBe(60);
    expect(err.message).toContain("... and 10 more problems");
    expect(err.message.split("\n").length).toBe(52);
  });

  it("rejects visits of unknown customers when the customer ids are given", () => {
    const err = inputError(() =>
      loadVisits(file(`${visitsHeader}\nC1,2024-01-01,repair,1,1,O1\nC9,2024-01-01,repair,1,1,O1\n`), { customerIds: new Set(["C1", "C2"]) }),
    );
    expect(err.problems).toEqual([{ where: "line 3, column customer_id", message: 'value "C9": unknown customer id (not in customers)' }]);
  });

  it("rejects duplicate customer ids, naming the first occurrence", () => {
    const err = inputError(() => loadCustomers(file(`${goodCustomers}C1,Wuhan,O3,1,X,midsize,2,2023-01-01,0.1\n`)));
    expect(err.problems).toEqual([{ where: "line 4, column customer_id", message: 'value "C1": duplicate id (first seen on line 2)' }]);
  });

  it("rejects a second row for the same customer and week in app activity", () => {
    const text = "customer_id,week_start,active_days,coupon_redemptions\nC1,2024-01-01,3,0\nC1,2024-01-01,2,1\nC1,2024-01-08,8,0\n";
    const err = inputError(() => loadAppActivity(file(text)));
    expect(err.problems).toEqual([
      { where: "line 3, column customer_id+week_start", message: 'value "C1, 2024-01-01": duplicate id (first seen on line 2)' },
      { where: "line 4, column active_days", message: 'value "8": must be <= 7' },
    ]);
  });

  it("checks survey scores are whole 0..10 and that a complaint has a category (and only then)", () => {
    const text = [
      "customer_id,date,score,complaint,complaint_category",
      "C1,2024-01-01,7.5,0,",
      "C1,2024-01-01,11,0,",
      "C1,2024-01-01,3,1,",
      "C1,2024-01-01,9,0,price",
      "C1,2024-01-01,2,yes,price",
      "C1,2024-01-01,2,1,waiting_time",
    ].join("\n");
    const err = inputError(() => loadSurveys(file(text)));
    expect(err.problems).toEqual([
      { where: "line 2, column score", message: 'value "7.5": must be a whole number (digits only)' },
      { where: "line 3, column score", message: 'value "11": must be <= 10' },
      { where: "line 4, column complaint_category", message: 'value "": must name a category when complaint is 1' },
      { where: "line 5, column complaint_category", message: 'value "price": must be empty when complaint is 0' },
      { where: "line 6, column complaint", message: 'value "yes": must be 0 or 1' },
    ]);
  });

  it("uses the generic loader with any schema", () => {
    const { table } = loadTable(file(goodCustomers), customersSchema, { sourceName: "crm.csv" });
    expect(table.schema).toBe(customersSchema);
    const err = inputError(() => loadTable(file(`${visitsHeader}\nC1,2024-01-01,repair,x,1,O1\n`), visitsSchema, { sourceName: "dms.csv" }));
    expect(err.message.split("\n")[1]).toBe("  dms.csv: line 2, column spend_yuan: value \"x\": must be a decimal number (digits, '.' as decimal point)");
  });
});

describe("loadDataset", () => {
  it("collects the problems of every file, prefixed with the file name", () => {
    const d = fs.mkdtempSync(path.join(dir, "ds-"));
    fs.writeFileSync(path.join(d, "customers.csv"), goodCustomers);
    fs.writeFileSync(path.join(d, "visits.csv"), `${visitsHeader}\nC3,2024-01-01,repair,1,1,O1\n`);
    fs.writeFileSync(path.join(d, "surveys.csv"), "customer_id,date,score,complaint,complaint_category\nC1,2024-01-01,8,0,\n");
    const err = inputError(() => loadDataset(d));
    expect(err.problems).toEqual([
      { where: "visits.csv: line 2, column customer_id", message: 'value "C3": unknown customer id (not in customers)' },
      { where: "app_activity.csv: file", message: "file not found" },
    ]);
  });
});
