import { describe, expect, it } from "vitest";
import { InputError } from "../../src/io/InputError";
import { fitPreprocessor, NoUsableFeaturesError, transform } from "../../src/models/preprocess";
import { looksNumeric, parseNumberCell } from "../../src/models/numberCells";
import { cellWarnings, unparsedNumericCells, unseenCategoryLevels } from "../../src/models/cellWarnings";

describe("parseNumberCell", () => {
  it("reads numbers stored as text, with spaces and thousands separators", () => {
    expect(parseNumberCell(" 29.85 ")).toBe(29.85);
    expect(parseNumberCell("1,889.50")).toBe(1889.5);
    expect(parseNumberCell("-3e2")).toBe(-300);
  });
  it("treats blanks and missing tokens as missing (NaN)", () => {
    for (const cell of ["", " ", "NA", "n/a", "NaN", "null", "?", "-"]) expect(parseNumberCell(cell)).toBeNaN();
  });
  it("does not read decimal commas or words as numbers", () => {
    expect(parseNumberCell("1,5")).toBeNaN();
    expect(parseNumberCell("Yes")).toBeNaN();
  });
});

describe("fitPreprocessor", () => {
  const columns = {
    tenure: ["1", " ", "30", "12", "7"],
    contract: ["Month", "Year", "Month", "", "Month"],
    charges: [10, 20, NaN, 40, 50],
    customer: ["a", "b", "c", "d", "e"],
    constant: ["x", "x", "x", "x", "x"],
  };
  it("detects numbers stored as text and categories, with missing indicators", () => {
    const pre = fitPreprocessor(columns, { minLevelCount: 1, maxLevels: 4 });
    expect(pre.outputNames).toEqual(["tenure", "tenure__missing", "contract=Month", "contract=Year", "contract__missing", "charges", "charges__missing"]);
    expect(pre.dropped.map((d) => d.name)).toEqual(["customer", "constant"]);
    expect(looksNumeric(columns.tenure)).toBe(true);
  });
  it("imputes the training median and standardises with training mean and sd", () => {
    const pre = fitPreprocessor({ x: ["1", "", "3", "100"] }, {}, [0, 1, 2]);
    const input = pre.inputs[0];
    if (input?.kind !== "numeric") throw new Error("expected numeric");
    // training rows 0..2: values 1, (missing), 3 -> median 2; imputed 1, 2, 3 -> mean 2, population sd √(2/3)
    expect(input.median).toBe(2);
    expect(input.mean).toBe(2);
    expect(input.sd).toBeCloseTo(Math.sqrt(2 / 3), 15);
    const m = transform(pre, { x: ["100", ""] });
    expect(m.data[0]).toBeCloseTo(98 / Math.sqrt(2 / 3), 4);
    expect(Array.from(m.data.slice(2))).toEqual([0, 1]); // missing -> median -> 0, indicator 1
  });
  it("fits on training rows only: test rows do not move the statistics", () => {
    const a = fitPreprocessor({ x: ["1", "2", "3", "1000000"] }, {}, [0, 1, 2]);
    const b = fitPreprocessor({ x: ["1", "2", "3", "-5"] }, {}, [0, 1, 2]);
    expect(a).toEqual(b);
  });
  it("pools rare levels in (other) and sends unseen levels there", () => {
    const pre = fitPreprocessor({ c: ["a", "a", "a", "b", "b", "b", "z"] }, { minLevelCount: 2 });
    expect(pre.outputNames).toEqual(["c=a", "c=b", "c=(other)"]);
    expect(Array.from(transform(pre, { c: ["never-seen"] }).data)).toEqual([0, 0, 1]);
  });
  it("honours numeric and categorical overrides", () => {
    const pre = fitPreprocessor(
      { zip: ["100", "200", "100", "200"], score: ["1", "x", "3", "4"] },
      { categorical: ["zip"], numeric: ["score"], minLevelCount: 1 },
    );
    expect(pre.outputNames).toEqual(["zip=100", "zip=200", "score", "score__missing"]);
  });
  it("names every column the data lack at transform time", () => {
    const pre = fitPreprocessor(columns, { minLevelCount: 1 });
    try {
      transform(pre, { tenure: ["1"] }, "new.csv");
      throw new Error("expected an InputError");
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).problems.map((p) => p.where)).toEqual(["column contract", "column charges", "column customer"]);
    }
  });
  it("rejects no rows, unequal columns, and all-dropped tables", () => {
    expect(() => fitPreprocessor({ x: ["1"] }, {}, [])).toThrow(RangeError);
    expect(() => fitPreprocessor({ x: ["1", "2"], y: ["1"] })).toThrow(/has 1 rows, expected 2/);
    expect(() => fitPreprocessor({ k: ["same", "same"] })).toThrow(/every column was dropped/);
  });
});

describe("unparsedNumericCells: text in a numeric column is reported, not silently imputed", () => {
  const pre = fitPreprocessor({ age: ["41", "35", "", "52", "29"], city: ["A", "B", "A", "B", "A"] }, { minLevelCount: 1 });
  it("lists the column, the count and the data rows of cells that are neither numbers nor missing tokens", () => {
    expect(unparsedNumericCells(pre, { age: ["41", "abc", "", "NA", "1,200", "x"], city: ["A", "B", "A", "B", "A", "B"] })).toEqual([
      { column: "age", count: 2, rows: [2, 6], examples: ["abc", "x"] },
    ]);
  });
  it("is empty for clean data and ignores categorical columns", () => {
    expect(unparsedNumericCells(pre, { age: ["41", " 7 ", "n/a"], city: ["123", "zz", ""] })).toEqual([]);
  });
});

describe("numbers too large for a model are bad input, never Infinity in the matrix", () => {
  it("parseNumberCell reads 1e400 as Infinity (so it is not mistaken for a missing cell)", () => {
    expect(parseNumberCell("1e400")).toBe(Infinity);
    expect(parseNumberCell("-1e400")).toBe(-Infinity);
  });
  it("fitPreprocessor rejects 1e400 in any row of a numeric column, naming the source, column and data row (it used to exit 1)", () => {
    const age = Array.from({ length: 20 }, (_, i) => String(30 + i));
    age[16] = "1e400";
    let caught: unknown;
    try {
      fitPreprocessor({ age, city: age.map((_, i) => (i % 2 === 0 ? "A" : "B")) }, { source: "train.csv" }, [0, 1, 2, 3]); // row 17 is not a training row: still checked
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).problems).toEqual([
      {
        where: "column age, data row 17",
        message: '"1e400" is too large for a number (beyond ±3.4e38, the largest a model holds): correct the cell, or blank it to treat it as missing',
      },
    ]);
    expect((caught as InputError).source).toBe("train.csv");
  });
  it("transform rejects 1e400 and -Infinity when scoring (it used to give probability 1.0), and 3.5e38 (beyond float32)", () => {
    const pre = fitPreprocessor({ age: ["30", "40", "50", "60"] });
    expect(() => transform(pre, { age: ["41", "1e400"] }, "new.csv")).toThrow(/new.csv: column age, data row 2: "1e400" is too large/);
    expect(() => transform(pre, { age: Float64Array.from([-Infinity]) }, "new.csv")).toThrow(/data row 1: "-Infinity" is too large/);
    expect(() => transform(pre, { age: ["3.5e38"] }, "new.csv")).toThrow(/data row 1: "3.5e38" is too large/);
  });
  it("transform rejects a value that is finite but too far from the training values to standardise in float32", () => {
    const pre = fitPreprocessor({ x: ["1", "1", "1", "1.0000001"] }); // sd about 4.3e-8
    expect(() => transform(pre, { x: ["3e38"] }, "new.csv")).toThrow(/new.csv: column x, data row 1: 3e\+38 is too far from the training values/);
  });
});

describe("unseen category levels", () => {
  it("are scored as the most frequent training level when the model has no (other) column, not as an all-zero row (that moved a customer low -> medium)", () => {
    const pre = fitPreprocessor({ city: ["A", "A", "A", "B", "B"] }, { minLevelCount: 1 });
    expect(pre.outputNames).toEqual(["city=A", "city=B"]);
    expect(Array.from(transform(pre, { city: ["Paris"] }).data)).toEqual([1, 0]);
    expect(Array.from(transform(pre, { city: ["A"] }).data)).toEqual([1, 0]);
  });
  it("are reported by column, rows, levels and encoding", () => {
    const pre = fitPreprocessor({ city: ["A", "A", "A", "B", "B"], tier: ["x", "x", "x", "y", "z"] }, { minLevelCount: 2 });
    const columns = { city: ["A", "Paris", "Rome", "Paris", ""], tier: ["x", "w", "x", "x", "x"] };
    expect(unseenCategoryLevels(pre, columns)).toEqual([
      {
        column: "city",
        rows: 3,
        levels: [
          { level: "Paris", count: 2 },
          { level: "Rome", count: 1 },
        ],
        distinct: 2,
        scoredAs: "A",
      },
      { column: "tier", rows: 1, levels: [{ level: "w", count: 1 }], distinct: 1, scoredAs: "(other)" },
    ]);
    expect(cellWarnings(pre, columns, "new.csv", "score")).toEqual([
      'new.csv: column city: 3 rows hold levels the model was not trained with (Paris: 2, Rome: 1); scored as the most frequent training level "A"',
      'new.csv: column tier: 1 row holds a level the model was not trained with (w: 1); scored as "(other)", the column of rare levels',
    ]);
    expect(cellWarnings(pre, columns, "train.csv", "train")).toEqual([]);
  });
  it("cellWarnings names text in numeric columns for training too", () => {
    const pre = fitPreprocessor({ age: ["41", "35", "x", "52"] }, { numeric: ["age"] });
    expect(cellWarnings(pre, { age: ["41", "35", "x", "52"] }, "train.csv", "train")).toEqual([
      'train.csv: column age: 1 value is not a number (data row 3: "x"); treated as missing (imputed with the training median)',
    ]);
  });
});

describe("NoUsableFeaturesError", () => {
  it("is thrown (a RangeError) when every column is dropped, with each column's reason", () => {
    let caught: unknown;
    try {
      fitPreprocessor({ blank: ["", "", ""], same: ["A", "A", "A"] });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(NoUsableFeaturesError);
    expect(caught).toBeInstanceOf(RangeError);
    expect((caught as NoUsableFeaturesError).dropped.map((d) => d.name)).toEqual(["blank", "same"]);
  });
});
