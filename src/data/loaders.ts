import * as path from "node:path";
import { InputError, type InputProblem } from "../io/InputError";
import { loadTable, type DroppedRow, type LoadOptions, type LoadResult } from "./loadTable";
import {
  appActivitySchema,
  churnSchema,
  customersSchema,
  surveysSchema,
  visitsSchema,
  type AppActivityTable,
  type CustomersTable,
  type SurveysTable,
  type VisitsTable,
} from "./schemas";

/**
 * Loads a customers export (CRM), checking ids are unique.
 * @throws InputError listing every problem (see {@link loadTable}).
 * @example
 * loadCustomers("data/sample/customers.csv").table.length; // 3000
 */
export function loadCustomers(file: string, options: LoadOptions = {}): LoadResult<typeof customersSchema> {
  return loadTable(file, customersSchema, options);
}

/**
 * Loads a workshop-visits export (DMS). Pass `customerIds` to reject visits of unknown customers.
 * @throws InputError listing every problem (see {@link loadTable}).
 * @example
 * loadVisits("data/sample/visits.csv", { customerIds: new Set(customers.columns.customer_id) });
 */
export function loadVisits(file: string, options: LoadOptions = {}): LoadResult<typeof visitsSchema> {
  return loadTable(file, visitsSchema, options);
}

/**
 * Loads a satisfaction-survey and complaint export (CRM).
 * @throws InputError listing every problem (see {@link loadTable}).
 * @example
 * loadSurveys("data/sample/surveys.csv").table.columns.score; // Int32Array [...]
 */
export function loadSurveys(file: string, options: LoadOptions = {}): LoadResult<typeof surveysSchema> {
  return loadTable(file, surveysSchema, options);
}

/**
 * Loads a weekly app-activity export, checking (customer_id, week_start) is unique.
 * @throws InputError listing every problem (see {@link loadTable}).
 * @example
 * loadAppActivity("data/sample/app_activity.csv").table.columns.active_days; // Int32Array [...]
 */
export function loadAppActivity(file: string, options: LoadOptions = {}): LoadResult<typeof appActivitySchema> {
  return loadTable(file, appActivitySchema, options);
}

/**
 * Loads the churn table of a real export (customer id, day recorded as lost). Pass `customerIds` to reject unknown customers.
 * @throws InputError listing every problem (see {@link loadTable}).
 * @example
 * loadChurn("out/dms/churn.csv").table.columns.churn_date; // Float64Array [NaN, 20110, ...]
 */
export function loadChurn(file: string, options: LoadOptions = {}): LoadResult<typeof churnSchema> {
  return loadTable(file, churnSchema, options);
}

/** The four source tables of the after-sales data. */
export interface Dataset {
  customers: CustomersTable;
  visits: VisitsTable;
  surveys: SurveysTable;
  appActivity: AppActivityTable;
}

/** Options of {@link loadDataset}. */
export interface LoadDatasetOptions {
  /** Column mappings per table name (customers, visits, surveys, app_activity). */
  mappings?: Readonly<Partial<Record<"customers" | "visits" | "surveys" | "app_activity", Readonly<Record<string, string>>>>>;
  /** Drop bad rows instead of failing (default false); see {@link LoadOptions.dropBadRows}. */
  dropBadRows?: boolean;
}

/** A loaded dataset and what was dropped from each file. */
export interface LoadDatasetResult {
  dataset: Dataset;
  dropped: Record<"customers" | "visits" | "surveys" | "app_activity", DroppedRow[]>;
}

/**
 * Loads `customers.csv`, `visits.csv`, `surveys.csv` and `app_activity.csv`
 * from a folder, checking that every visit, survey and activity row refers
 * to a known customer. Problems of all four files are collected before failing.
 *
 * @param dir - folder holding the four CSV files (e.g. "data/sample").
 * @throws InputError (source = dir) listing every problem of every file, each prefixed with its file name.
 * @example
 * const { dataset } = loadDataset("data/sample");
 * dataset.visits.length; // visits of the committed sample
 */
export function loadDataset(dir: string, options: LoadDatasetOptions = {}): LoadDatasetResult {
  const problems: InputProblem[] = [];
  const common = (name: "customers" | "visits" | "surveys" | "app_activity"): LoadOptions => {
    const mapping = options.mappings?.[name];
    return { ...(mapping === undefined ? {} : { mapping }), ...(options.dropBadRows === undefined ? {} : { dropBadRows: options.dropBadRows }) };
  };
  const attempt = <T>(file: string, load: () => T): T | undefined => {
    try {
      return load();
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      for (const p of err.problems) problems.push({ where: `${file}: ${p.where}`, message: p.message });
      return undefined;
    }
  };
  const file = (name: string): string => path.join(dir, `${name}.csv`);
  const customers = attempt("customers.csv", () => loadCustomers(file("customers"), common("customers")));
  const customerIds = customers === undefined ? undefined : new Set(customers.table.columns.customer_id);
  const withIds = (o: LoadOptions): LoadOptions => (customerIds === undefined ? o : { ...o, customerIds });
  const visits = attempt("visits.csv", () => loadVisits(file("visits"), withIds(common("visits"))));
  const surveys = attempt("surveys.csv", () => loadSurveys(file("surveys"), withIds(common("surveys"))));
  const appActivity = attempt("app_activity.csv", () => loadAppActivity(file("app_activity"), withIds(common("app_activity"))));
  if (customers === undefined || visits === undefined || surveys === undefined || appActivity === undefined || problems.length > 0) {
    throw new InputError(dir, problems);
  }
  return {
    dataset: { customers: customers.table, visits: visits.table, surveys: surveys.table, appActivity: appActivity.table },
    dropped: { customers: customers.dropped, visits: visits.dropped, surveys: surveys.dropped, app_activity: appActivity.dropped },
  };
}
