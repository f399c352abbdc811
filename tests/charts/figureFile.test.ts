import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { figureToJson, loadFigure, parseFigure, saveFigure } from "../../src/charts/figureFile";
import { InputError } from "../../src/io/InputError";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-charts-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error("expected an InputError");
}

describe("saveFigure / loadFigure", () => {
  it("round-trips a figure, typed arrays becoming arrays", () => {
    const file = path.join(dir, "sub/roi.figure.json");
    saveFigure({ data: [{ type: "scatter", y: new Float64Array([1, 2]) }], layout: { title: { text: "投资回报" } }, config: { displaylogo: false } }, file);
    expect(loadFigure(file)).toEqual({ data: [{ type: "scatter", y: [1, 2] }], layout: { title: { text: "投资回报" } }, config: { displaylogo: false } });
  });

  it("reports a missing file as bad input", () => {
    const err = inputError(() => loadFigure(path.join(dir, "nope.json")));
    expect(err.problems).toEqual([{ where: "$", message: "cannot read the figure file: no such file" }]);
  });
});

describe("parseFigure(text, source)", () => {
  it("reports invalid JSON at $", () => {
    const err = inputError(() => parseFigure("{", "f.json"));
    expect(err.source).toBe("f.json");
    expect(err.problems[0]?.where).toBe("$");
    expect(err.problems[0]?.message).toMatch(/^not valid JSON/);
  });

  it("reports every problem with its JSON path", () => {
    const err = inputError(() => parseFigure(JSON.stringify({ data: [{ type: "bar" }, 3], layout: [], config: "x" }), "f.json"));
    expect(err.problems.map((p) => p.where).sort()).toEqual(["$.config", "$.data[1]", "$.layout"]);
  });

  it("reports missing data and layout", () => {
    const err = inputError(() => parseFigure("{}", "f.json"));
    expect(err.problems.map((p) => p.where).sort()).toEqual(["$.data", "$.layout"]);
  });

  it("accepts a figure without config", () => {
    expect(parseFigure('{"data":[],"layout":{}}', "f.json")).toEqual({ data: [], layout: {} });
    expect(figureToJson({ data: [], layout: {} })).toBe('{"data":[],"layout":{}}');
  });
});
