import { describe, expect, it } from "vitest";
import { identifierLikeColumns } from "../../src/models/identifierLikeColumns";

const rows = (f: (i: number) => string, n = 60): string[] => Array.from({ length: n }, (_, i) => f(i));

describe("identifierLikeColumns", () => {
  it("flags whole-number columns with a distinct value in every row (RowNumber, CustomerId)", () => {
    const columns = {
      RowNumber: rows((i) => String(i + 1)),
      CustomerId: rows((i) => String(15634602 + 7 * i)),
      Age: rows((i) => String(20 + (i % 40))),
      Balance: rows((i) => (1000.5 + i).toFixed(2)),
      Surname: rows((i) => `name${i}`),
    };
    expect(identifierLikeColumns(columns)).toEqual(["RowNumber", "CustomerId"]);
  });

  it("does not flag a column with a blank or a repeated value", () => {
    expect(identifierLikeColumns({ a: rows((i) => (i === 5 ? "" : String(i))) })).toEqual([]);
    expect(identifierLikeColumns({ b: rows((i) => String(i === 7 ? 3 : i)) })).toEqual([]);
  });

  it("does not judge tables shorter than minRows", () => {
    expect(identifierLikeColumns({ id: ["1", "2", "3"] })).toEqual([]);
    expect(identifierLikeColumns({ id: ["1", "2", "3"] }, 3)).toEqual(["id"]);
  });
});
