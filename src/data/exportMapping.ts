import { z } from "zod";
import { compileDateFormat } from "./dateFormat";
import { exportEncodings } from "./readCsvText";
import type { ColumnSpec, TableSchema } from "./schema";
import { appActivitySchema, churnSchema, customersSchema, surveysSchema, visitsSchema } from "./schemas";

/** The tables an export mapping fills, by name: the four sources and the churn dates (optional). */
export const mappedSchemas = {
  customers: customersSchema,
  visits: visitsSchema,
  surveys: surveysSchema,
  app_activity: appActivitySchema,
  churn: churnSchema,
} as const;
/** A table an export mapping fills. */
export type MappedTableName = keyof typeof mappedSchemas;

/**
 * Units an export may use for each schema unit, with the factor that converts
 * a value in that unit to the schema's (e.g. minutes -> hours: 1/60). The
 * schema's own unit always has factor 1.
 */
export const unitFactors: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  yuan: { yuan: 1, 元: 1, fen: 0.01, "thousand yuan": 1000, 千元: 1000, "wan yuan": 10_000, 万元: 10_000 },
  hours: { hours: 1, 小时: 1, minutes: 1 / 60, 分钟: 1 / 60, days: 24, 天: 24 },
  km: { km: 1, 公里: 1, 千米: 1, m: 0.001, 米: 0.001 },
  years: { years: 1, 年: 1, months: 1 / 12, 月: 1 / 12, days: 1 / 365.25, 天: 1 / 365.25 },
  fraction: { fraction: 1, percent: 0.01, "%": 0.01 },
};

/** How one schema column is read from the export: a source column's name, or the full form. */
const columnSourceSchema = z.union([
  z.string().min(1, "must name a column of the export"),
  z.strictObject({
    /** The export's column. */
    from: z.string().min(1, "must name a column of the export").optional(),
    /** A constant for every row instead (e.g. the outlet of a one-outlet export). */
    value: z.string().optional(),
    /** Date format of the cells, e.g. "YYYY/M/D" (date columns; default YYYY-MM-DD). */
    date: z.string().min(1).optional(),
    /** The export's codes -> the schema's values, e.g. { "保养": "maintenance" }. */
    codes: z.record(z.string(), z.string()).optional(),
    /** Unit of the export's numbers, e.g. "minutes" for wait_hours (number columns; see unitFactors). */
    unit: z.string().min(1).optional(),
    /** Thousands separator to remove from numbers ("1,234.5"). */
    thousands: z.enum([",", " ", "'"]).optional(),
    /** Numbers written with a decimal comma ("12,5"). */
    decimalComma: z.boolean().optional(),
    /** Cells meaning "no value" (besides the empty cell), e.g. ["-", "无"]. */
    empty: z.array(z.string()).optional(),
  }),
]);
/** How one schema column is read from an export (see the mapping file's documentation in data/README.md). */
export type ColumnSource = z.infer<typeof columnSourceSchema>;

const tableMappingSchema = z.strictObject({
  /** The export file, relative to the mapping file's folder. */
  file: z.string().min(1, "must name the export file"),
  /** The file's text encoding (default utf-8). */
  encoding: z.enum(exportEncodings, { error: `must be one of: ${exportEncodings.join(", ")}` }).default("utf-8"),
  /** Lines before the header line (a title, an export date), skipped. */
  skipLines: z.number().int().min(0).max(1000).default(0),
  /** Schema column -> how it is read. Every schema column must be listed. */
  columns: z.record(z.string(), columnSourceSchema),
});
/** How one table is read from one export file. */
export type TableMapping = z.infer<typeof tableMappingSchema>;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD");

/** Problems of one table mapping against its schema (as zod issues at `path`). */
function tableMappingIssues(schema: TableSchema, mapping: TableMapping, ctx: z.RefinementCtx, path: Array<string | number>): void {
  const issue = (at: Array<string | number>, message: string): void => ctx.addIssue({ code: "custom", path: [...path, ...at], message });
  const names = schema.columns.map((c) => c.name);
  for (const name of Object.keys(mapping.columns)) {
    if (!names.includes(name)) issue(["columns", name], `${schema.name} has no column "${name}"; its columns are ${names.join(", ")}`);
  }
  for (const spec of schema.columns) {
    const source = mapping.columns[spec.name];
    if (source === undefined) issue(["columns"], `must map ${schema.name}.${spec.name} (${spec.description})`);
    else if (typeof source !== "string") for (const [at, message] of columnSourceProblems(spec, source)) issue(["columns", spec.name, ...at], message);
  }
}

/** Rules of one column's full form against its column spec: [path, message] pairs. */
function columnSourceProblems(spec: ColumnSpec, source: Exclude<ColumnSource, string>): Array<[string[], string]> {
  const out: Array<[string[], string]> = [];
  if ((source.from === undefined) === (source.value === undefined)) out.push([[], 'must give either "from" (a column of the export) or "value" (a constant)']);
  const isDate = spec.kind === "date" || spec.kind === "optionalDate";
  const isNumber = spec.kind === "number" || spec.kind === "int";
  if (source.date !== undefined) {
    if (!isDate) out.push([["date"], `only date columns take a date format; ${spec.name} is ${spec.kind}`]);
    else {
      try {
        compileDateFormat(source.date);
      } catch (err) {
        out.push([["date"], err instanceof Error ? err.message : String(err)]);
      }
    }
  }
  if ((source.unit !== undefined || source.thousands !== undefined || source.decimalComma !== undefined) && !isNumber) {
    out.push([[], `unit, thousands and decimalComma apply to number columns; ${spec.name} is ${spec.kind}`]);
  }
  if (source.unit !== undefined && isNumber) {
    const known = unitFactors[spec.unit] ?? { [spec.unit]: 1 };
    if (known[source.unit] === undefined)
      out.push([["unit"], `${spec.name} is in ${spec.unit || "plain numbers"}; the export's unit must be one of: ${Object.keys(known).join(", ")}`]);
  }
  if (source.codes !== undefined && spec.values !== undefined) {
    for (const [code, value] of Object.entries(source.codes)) {
      if (!spec.values.includes(value)) out.push([["codes", code], `maps to "${value}", which is not a value of ${spec.name} (${spec.values.join(", ")})`]);
    }
  }
  if (source.codes !== undefined && spec.kind === "flag") {
    for (const [code, value] of Object.entries(source.codes))
      if (value !== "0" && value !== "1") out.push([["codes", code], `maps to "${value}"; ${spec.name} is a flag (0 or 1)`]);
  }
  return out;
}

/**
 * The schema (zod) of a mapping file: how a dealer group's own exports (DMS
 * repair orders, CRM customers and surveys, app activity, churn dates) map
 * to churnlab's source tables. Per table: the file (relative to the mapping
 * file), its encoding, lines to skip above the header, and for every schema
 * column the export's column with its date format, code translations
 * (保养 -> maintenance), unit (minutes -> hours) and number style. Every
 * problem is reported with its JSON path.
 *
 * @example
 * exportMappingSchema.safeParse(readJsonFile("data/examples/dms-export-zh/mapping.json")).success; // true
 */
export const exportMappingSchema = z
  .strictObject({
    $comment: z.string().optional(),
    /** What the exports are, for reports. */
    name: z.string().min(1, "must name the exports"),
    /** First day after the exports end (exclusive end of history, YYYY-MM-DD); default: the day after the last event. */
    historyEnd: isoDay.optional(),
    tables: z.strictObject({
      customers: tableMappingSchema,
      visits: tableMappingSchema,
      surveys: tableMappingSchema,
      app_activity: tableMappingSchema,
      churn: tableMappingSchema.optional(),
    }),
  })
  .superRefine((mapping, ctx) => {
    for (const name of Object.keys(mappedSchemas) as MappedTableName[]) {
      const table = mapping.tables[name];
      if (table !== undefined) tableMappingIssues(mappedSchemas[name], table, ctx, ["tables", name]);
    }
  });

/** A validated export mapping. */
export type ExportMapping = z.infer<typeof exportMappingSchema>;
