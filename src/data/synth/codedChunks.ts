import {
  appActivitySchema,
  complaintCategories,
  customersSchema,
  segments,
  surveysSchema,
  truthRiskSchema,
  truthSchema,
  visitTypes,
  visitsSchema,
} from "../schemas";
import type { TableSchema, ColumnValues } from "../schema";
import { cities, vehicleModels } from "./network";
import type { SynthRun } from "./synthRun";

/**
 * How a coded column turns into its table value: a customer number (0-based,
 * written `C0000001`...), a code into a list of texts, a day number, an
 * optional day number (NaN = empty), or the number itself.
 */
export type ColumnCode =
  | { kind: "customerId" }
  | { kind: "lookup"; values: readonly string[] }
  | { kind: "date" }
  | { kind: "optionalDate" }
  | { kind: "value" };

/** Rows of one generated table as codes, one typed array per schema column (schema order). */
export interface CodedChunk {
  schema: TableSchema;
  length: number;
  values: Array<Int32Array | Float64Array>;
}

/** Outlet ids of the network, in outlet-code order ("SH01", ...). */
export const outletNames: readonly string[] = cities.flatMap(([, code, count]) =>
  Array.from({ length: count }, (_, k) => `${code}${String(k + 1).padStart(2, "0")}`),
);
const cityNames = cities.map((c) => c[0]);
/** Vehicle model of code segment * 2 + model. */
const modelNames = vehicleModels.flat();
const categoryCodes = ["", ...complaintCategories];

/**
 * The code of every column of the six generated tables (by table name, schema column order).
 *
 * @example
 * columnCodes.visits[2]; // { kind: "lookup", values: ["maintenance", "repair", "warranty", "accident"] }
 */
export const columnCodes: Readonly<Record<string, readonly ColumnCode[]>> = {
  customers: [
    { kind: "customerId" },
    { kind: "lookup", values: cityNames },
    { kind: "lookup", values: outletNames },
    { kind: "value" },
    { kind: "lookup", values: modelNames },
    { kind: "lookup", values: segments },
    { kind: "value" },
    { kind: "date" },
    { kind: "value" },
  ],
  visits: [
    { kind: "customerId" },
    { kind: "date" },
    { kind: "lookup", values: visitTypes },
    { kind: "value" },
    { kind: "value" },
    { kind: "lookup", values: outletNames },
  ],
  surveys: [{ kind: "customerId" }, { kind: "date" }, { kind: "value" }, { kind: "value" }, { kind: "lookup", values: categoryCodes }],
  app_activity: [{ kind: "customerId" }, { kind: "date" }, { kind: "value" }, { kind: "value" }],
  truth: [{ kind: "customerId" }, { kind: "optionalDate" }, { kind: "value" }, { kind: "value" }],
  truth_risk: [{ kind: "customerId" }, { kind: "date" }, { kind: "value" }],
};

const offset = (local: Int32Array, first: number): Int32Array => (first === 0 ? local : local.map((i) => i + first));

/**
 * The customers and truth tables of a simulated block (static traits as
 * exported at the end of history, churn day, frailty, peak risk), coded;
 * customer numbers start at `first`.
 *
 * @example
 * blockCustomerChunks(run, 0)[0].length; // run.state.n
 */
export function blockCustomerChunks(run: SynthRun, first: number): [customers: CodedChunk, truth: CodedChunk] {
  const st = run.state;
  const n = st.n;
  const exportAge = (run.settings.weeks * 7) / 365.25;
  const ids = Int32Array.from({ length: n }, (_, i) => first + i);
  const customers: CodedChunk = {
    schema: customersSchema,
    length: n,
    values: [
      ids,
      Int32Array.from(st.city),
      Int32Array.from(st.homeOutlet),
      Float64Array.from(st.distance, (d) => Math.round(d * 10) / 10),
      Int32Array.from(st.model, (m, i) => 2 * (st.segment[i] ?? 0) + m),
      Int32Array.from(st.segment),
      Float64Array.from(st.ageAtStart, (a) => Math.round((a + exportAge) * 10) / 10),
      Int32Array.from(st.ageAtStart, (a) => run.settings.startDay - Math.round(a * 365.25)),
      Float64Array.from(st.price, (p) => Math.round(p * 1000) / 1000),
    ],
  };
  const truth: CodedChunk = {
    schema: truthSchema,
    length: n,
    values: [ids, Float64Array.from(st.churnDay), Float64Array.from(st.frailty, (f) => Math.round(f * 1000) / 1000), Float64Array.from(st.peakRisk)],
  };
  return [customers, truth];
}

/**
 * The events recorded since the buffers were last cleared, coded, in the
 * order they were generated; customer numbers start at `first`.
 *
 * @example
 * blockEventChunks(run, 0).map((c) => c.schema.name); // ["visits", "surveys", "app_activity", "truth_risk"]
 */
export function blockEventChunks(run: SynthRun, first: number): CodedChunk[] {
  const { visits: v, surveys: s, app: a, risk: r } = run.events;
  return [
    {
      schema: visitsSchema,
      length: v.day.length,
      values: [offset(v.customer.view(), first), v.day.view(), v.type.view(), v.spend.view(), v.wait.view(), v.outlet.view()],
    },
    {
      schema: surveysSchema,
      length: s.day.length,
      values: [offset(s.customer.view(), first), s.day.view(), s.score.view(), Int32Array.from(s.category.view(), (c) => (c > 0 ? 1 : 0)), s.category.view()],
    },
    { schema: appActivitySchema, length: a.week.length, values: [offset(a.customer.view(), first), a.week.view(), a.active.view(), a.coupons.view()] },
    { schema: truthRiskSchema, length: r.day.length, values: [offset(r.customer.view(), first), r.day.view(), r.risk.view()] },
  ];
}

/**
 * Digits of the customer numbers of a population of `customers` (at least 7: `C0000001`).
 *
 * @example
 * customerIdWidth(12_000_000); // 8
 */
export function customerIdWidth(customers: number): number {
  return Math.max(7, String(customers).length);
}

/**
 * Customer ids of customer numbers first .. first+count-1: `C` and the number plus one, zero-padded to `width` digits.
 *
 * @example
 * customerIds(0, 2, 7); // ["C0000001", "C0000002"]
 */
export function customerIds(first: number, count: number, width: number): string[] {
  return Array.from({ length: count }, (_, i) => `C${String(first + i + 1).padStart(width, "0")}`);
}

/**
 * A coded chunk as a table of the schema's in-memory kinds (ids and lookups
 * as text, dates as day numbers), ready for `writeCsvChunks` or the tests.
 *
 * @param ids ids of the customers numbered first, first+1, ... (see {@link customerIds}); shared by every row, not copied.
 * @param first number of the customer `ids[0]`.
 * @example
 * decodeChunk(chunk, customerIds(0, 3000, 7), 0).columns.customer_id[0]; // "C0000001"
 */
export function decodeChunk(chunk: CodedChunk, ids: readonly string[], first: number): import("../schema").Table {
  const codes = columnCodes[chunk.schema.name];
  if (codes === undefined) throw new RangeError(`decodeChunk: no codes for table ${chunk.schema.name}`);
  const columns: Record<string, ColumnValues> = {};
  chunk.schema.columns.forEach((spec, c) => {
    const values = chunk.values[c]!;
    const code = codes[c]!;
    if (code.kind === "customerId") columns[spec.name] = Array.from(values, (g) => ids[g - first] ?? "");
    else if (code.kind === "lookup") columns[spec.name] = Array.from(values, (k) => code.values[k] ?? "");
    else if (spec.kind === "flag") columns[spec.name] = Uint8Array.from(values);
    else columns[spec.name] = values;
  });
  return { schema: chunk.schema, length: chunk.length, columns };
}
