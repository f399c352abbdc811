import { describe, expect, it } from "vitest";
import { InputError } from "../../src/io/InputError";
import { parseCsvRecords } from "../../src/data/parseCsvRecords";

function problemsOf(text: string): string[] {
  try {
    parseCsvRecords(text, "s.csv");
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).problems.map((p) => `${p.where}: ${p.message}`);
  }
  return [];
}

describe("parseCsvRecords", () => {
  it("splits header and rows with their line numbers (blank lines counted, cells trimmed, quoted cells across lines)", () => {
    expect(parseCsvRecords('id;p\n c1 ;0.5\n\n"c\n2";0.7\n', "s.csv")).toEqual({
      header: ["id", "p"],
      rows: [
        { cells: ["c1", "0.5"], line: 2 },
        { cells: ["c\n2", "0.7"], line: 5 },
      ],
    });
  });
  it("refuses ragged rows with their line and the rule, never padding or cutting them", () => {
    expect(problemsOf("customer_id,probability,outlet_id\nc1,0.5,O1\nc2,0.6\nc3,0.7,O1,extra\n")).toEqual([
      "line 3: has 2 cells, the header has 3: each row needs one cell per header column (quote a value that contains the delimiter)",
      "line 4: has 4 cells, the header has 3: each row needs one cell per header column (quote a value that contains the delimiter)",
    ]);
    const many = `id,p\n${Array.from({ length: 25 }, (_, i) => `c${i}`).join("\n")}\n`;
    expect(problemsOf(many)).toHaveLength(21);
    expect(problemsOf(many)[20]).toBe("file: ... and 5 more rows with the wrong number of cells");
  });
  it("reports unreadable CSV with its line", () => {
    expect(problemsOf('id,p\nc1,"0.5\n')[0]).toMatch(/^line \d+: not readable as CSV: /);
  });
});
