import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTabularCsv } from "../../src/models/readTabularCsv";
import { InputError } from "../../src/io/InputError";

let dir = "";
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-tabular-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

// A bank-churn-like export (the Kaggle "Churn_Modelling" header shape).
const bank = "CustomerId,Geography,Gender,Age,Balance,Exited\n15600001,France,Female,42,0,1\n15600002,Spain,Male,41,83807.86,0\n";
const expected = {
  header: ["CustomerId", "Geography", "Gender", "Age", "Balance", "Exited"],
  rows: 2,
  exited: ["1", "0"],
  balance: ["0", "83807.86"],
};

describe("readTabularCsv reads the same table whatever the export dialect", () => {
  const dialects: Array<[string, string]> = [
    ["comma, LF", bank],
    ["semicolon (decimal-comma locales)", bank.replace(/,/g, ";")],
    ["tab", bank.replace(/,/g, "\t")],
    ["CRLF", bank.replace(/\n/g, "\r\n")],
    ["UTF-8 BOM", `\uFEFF${bank}`],
  ];
  for (const [name, text] of dialects) {
    it(name, () => {
      const t = readTabularCsv(write(`${name.replace(/\W+/g, "-")}.csv`, text));
      expect(t.header).toEqual(expected.header);
      expect(t.rows).toBe(expected.rows);
      expect(t.columns["Exited"]).toEqual(expected.exited);
      expect(t.columns["Balance"]).toEqual(expected.balance);
    });
  }
  it("reads decimal commas in a semicolon export as decimal points, leaving text columns alone", () => {
    const t = readTabularCsv(write("eu.csv", "id;Balance;Rate;City\n1;38356,9;3;Lyon\n2;0;4,25;Nice, Côte\n3;;1;Paris\n"));
    expect(t.columns["Balance"]).toEqual(["38356.9", "0", ""]);
    expect(t.columns["Rate"]).toEqual(["3", "4.25", "1"]);
    expect(t.columns["City"]).toEqual(["Lyon", "Nice, Côte", "Paris"]);
    expect(t.columns["id"]).toEqual(["1", "2", "3"]);
  });
  it("leaves commas in a comma-separated export's quoted numbers as they are", () => {
    expect(readTabularCsv(write("us.csv", 'id,amount\n1,"1,200"\n')).columns["amount"]).toEqual(["1,200"]);
  });
  it("keeps quoted fields with commas whole", () => {
    const t = readTabularCsv(write("quoted.csv", 'id,name,churn\n1,"Smith, Ann",0\n2,"Lee, Bo",1\n'));
    expect(t.columns["name"]).toEqual(["Smith, Ann", "Lee, Bo"]);
  });
  it("rejects an empty file and a header-only file with an InputError", () => {
    expect(() => readTabularCsv(write("empty.csv", ""))).toThrow(InputError);
    expect(() => readTabularCsv(write("header.csv", "id;churn\n"))).toThrow(/no data rows/);
  });
});
