import { describe, expect, it } from "vitest";
import { detectCsvDelimiter } from "../../src/data/detectCsvDelimiter";

describe("detectCsvDelimiter", () => {
  it("is the most frequent of , ; tab in the header line", () => {
    expect(detectCsvDelimiter("id;age;churn\n1;40;0\n")).toBe(";");
    expect(detectCsvDelimiter("id\tage\tchurn\r\n1\t40\t0\r\n")).toBe("\t");
    expect(detectCsvDelimiter("id,age,churn\n1;2;3;4;5\n")).toBe(",");
  });
  it("ignores delimiters inside quotes and defaults to comma", () => {
    expect(detectCsvDelimiter('id,"a;b;c",churn\n')).toBe(",");
    expect(detectCsvDelimiter("churn\n1\n")).toBe(",");
    expect(detectCsvDelimiter("")).toBe(",");
  });
});
