import { z } from "zod";
import type { FigureSpec } from "./Figure";
import { isNumberArrayView } from "./plainObject";
import { plotlyTraceTypes } from "./plotlyTraceTypes";
import { InputError, type InputProblem } from "../io/InputError";
import { writeFileAtomic } from "../io/writeFileAtomic";
import { parseJsonText, readJsonFile } from "../io/readJson";

const knownTypes: ReadonlySet<string> = new Set(plotlyTraceTypes);

/** A trace: any Plotly attributes, with a `type` Plotly knows (default "scatter" when absent). */
const traceSchema = z.record(z.string(), z.unknown()).superRefine((trace, ctx) => {
  const type = trace["type"];
  if (type === undefined || (typeof type === "string" && knownTypes.has(type))) return;
  ctx.addIssue({
    code: "custom",
    path: ["type"],
    message: `unknown trace type ${JSON.stringify(type)}: Plotly would draw it as a line chart; use one of ${plotlyTraceTypes.join(", ")}`,
  });
});

/** The figure's size in CSS px, when it sets one: what export accepts (50..10000). */
const sizeSchema = z
  .number({ error: (issue) => (issue.code === "invalid_type" ? "must be a number of CSS pixels" : undefined) })
  .int("must be a whole number of CSS pixels")
  .min(50, "must be at least 50 CSS pixels")
  .max(10_000, "must be at most 10000 CSS pixels")
  .optional();

/**
 * Zod schema of a saved figure file: `{ data: [...traces], layout: {...}, config?: {...} }`.
 * Each trace's `type` must be a Plotly trace type ({@link plotlyTraceTypes});
 * `layout.width` and `layout.height`, when set, whole CSS pixels 50..10000.
 */
export const figureSchema = z.object({
  data: z.array(traceSchema),
  layout: z.looseObject({ width: sizeSchema, height: sizeSchema }),
  config: z.record(z.string(), z.unknown()).optional(),
});

/**
 * Serialises a figure as JSON (typed arrays become arrays, NaN/±Infinity become null).
 *
 * @example
 * figureToJson({ data: [], layout: {} }); // '{"data":[],"layout":{}}'
 */
export function figureToJson(figure: FigureSpec): string {
  return JSON.stringify(figure, (_key, v: unknown) => (isNumberArrayView(v) ? Array.from(v) : v));
}

/**
 * Saves a figure as JSON (atomically), for `churnlab chart` or later export.
 *
 * @example
 * saveFigure(figure, "out/roi.figure.json");
 */
export function saveFigure(figure: FigureSpec, filePath: string): void {
  writeFileAtomic(filePath, `${figureToJson(figure)}\n`);
}

/**
 * Parses and validates a saved figure.
 *
 * @param text - the file's content.
 * @param source - the file name, for messages.
 * @throws InputError listing every problem (invalid JSON; data not an array of objects; layout not an object; ...) with its JSON path.
 * @example
 * parseFigure('{"data":[],"layout":{}}', "f.json"); // { data: [], layout: {} }
 */
export function parseFigure(text: string, source: string): FigureSpec {
  return figureFromJson(parseJsonText(text, source), source);
}

function figureFromJson(raw: unknown, source: string): FigureSpec {
  const result = figureSchema.safeParse(raw);
  if (!result.success) {
    const problems: InputProblem[] = result.error.issues.map((issue) => ({ where: jsonPath(issue.path), message: issue.message }));
    throw new InputError(source, problems);
  }
  const { data, layout, config } = result.data;
  return config === undefined ? { data, layout } : { data, layout, config };
}

/**
 * Reads and validates a saved figure file.
 *
 * @throws InputError when the file cannot be read (see `readJsonFile`: size and depth limits, duplicate keys, UTF-8) or is not a valid figure.
 */
export function loadFigure(filePath: string): FigureSpec {
  return figureFromJson(readJsonFile(filePath, { what: "figure file" }), filePath);
}

function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : `${acc}.${String(key)}`), "$");
}
