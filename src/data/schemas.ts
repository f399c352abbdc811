import type { TableSchema } from "./schema";

/** Vehicle segments, cheapest first. */
export const segments = ["economy", "midsize", "premium"] as const;
/** A vehicle segment. */
export type Segment = (typeof segments)[number];

/** Kinds of workshop visit. */
export const visitTypes = ["maintenance", "repair", "warranty", "accident"] as const;
/** A kind of workshop visit. */
export type VisitType = (typeof visitTypes)[number];

/**
 * Waits (hours) above which a visit counts as a bad experience, per visit type in
 * {@link visitTypes} order: maintenance 6 h, repair 48 h, warranty 48 h, accident 240 h.
 */
export const longWaitHours: readonly number[] = [6, 48, 48, 240];

/** Complaint categories of a satisfaction survey. */
export const complaintCategories = ["waiting_time", "price", "repair_quality", "staff", "parts_availability", "distance"] as const;
/** A complaint category. */
export type ComplaintCategory = (typeof complaintCategories)[number];

/**
 * Customers (one row per customer): where they are, their vehicle, and a price-sensitivity proxy.
 * Source: the dealer CRM.
 */
export const customersSchema = {
  name: "customers",
  description: "One row per customer (CRM export).",
  key: ["customer_id"],
  columns: [
    { name: "customer_id", kind: "text", unit: "", description: "Customer id, unique." },
    { name: "city", kind: "text", unit: "", description: "City of residence." },
    { name: "outlet_id", kind: "text", unit: "", description: "Nearest outlet (dealer workshop)." },
    { name: "distance_km", kind: "number", unit: "km", min: 0, max: 500, decimals: 1, description: "Road distance from home to the nearest outlet." },
    { name: "vehicle_model", kind: "text", unit: "", description: "Vehicle model." },
    { name: "segment", kind: "category", unit: "", values: segments, description: "Vehicle segment." },
    { name: "vehicle_age_years", kind: "number", unit: "years", min: 0, max: 40, decimals: 1, description: "Vehicle age on the export date (end of history)." },
    { name: "purchase_date", kind: "date", unit: "", description: "Vehicle purchase date (YYYY-MM-DD)." },
    {
      name: "price_sensitivity",
      kind: "number",
      unit: "fraction",
      min: 0,
      max: 1,
      decimals: 3,
      description: "Price-sensitivity proxy 0..1: share of past spend made with a discount or coupon.",
    },
  ],
} as const satisfies TableSchema;

/** Workshop visits (one row per visit). Source: the workshop system (DMS). */
export const visitsSchema = {
  name: "visits",
  description: "One row per workshop visit (DMS export).",
  key: [],
  customerRef: "customer_id",
  columns: [
    { name: "customer_id", kind: "text", unit: "", description: "Customer id (must exist in customers)." },
    { name: "date", kind: "date", unit: "", description: "Visit date (YYYY-MM-DD)." },
    { name: "type", kind: "category", unit: "", values: visitTypes, description: "maintenance, repair, warranty or accident." },
    {
      name: "spend_yuan",
      kind: "number",
      unit: "yuan",
      min: 0,
      max: 1_000_000,
      decimals: 0,
      description: "Amount the customer paid (warranty work is usually 0).",
    },
    { name: "wait_hours", kind: "number", unit: "hours", min: 0, max: 720, decimals: 1, description: "Hours from check-in to hand-back." },
    { name: "outlet_id", kind: "text", unit: "", description: "Outlet where the work was done." },
  ],
} as const satisfies TableSchema;

/** Satisfaction surveys and complaints (one row per answered survey). Source: the CRM. */
export const surveysSchema = {
  name: "surveys",
  description: "One row per answered satisfaction survey or complaint (CRM export).",
  key: [],
  customerRef: "customer_id",
  columns: [
    { name: "customer_id", kind: "text", unit: "", description: "Customer id (must exist in customers)." },
    { name: "date", kind: "date", unit: "", description: "Survey date (YYYY-MM-DD)." },
    { name: "score", kind: "int", unit: "points", min: 0, max: 10, description: "Satisfaction 0 (worst) .. 10 (best)." },
    { name: "complaint", kind: "flag", unit: "", description: "1 when the customer lodged a complaint, else 0." },
    {
      name: "complaint_category",
      kind: "optionalCategory",
      unit: "",
      values: complaintCategories,
      description: "Category of the complaint; empty exactly when complaint is 0.",
    },
  ],
} as const satisfies TableSchema;

/** App activity (one row per customer and week with any activity). Source: the customer app. */
export const appActivitySchema = {
  name: "app_activity",
  description: "One row per customer and week with activity; weeks without a row had no activity (app analytics export).",
  key: ["customer_id", "week_start"],
  customerRef: "customer_id",
  columns: [
    { name: "customer_id", kind: "text", unit: "", description: "Customer id (must exist in customers)." },
    { name: "week_start", kind: "date", unit: "", description: "Monday starting the week (YYYY-MM-DD)." },
    { name: "active_days", kind: "int", unit: "days", min: 0, max: 7, description: "Days of the week with at least one app session." },
    { name: "coupon_redemptions", kind: "int", unit: "count", min: 0, max: 100, description: "Coupons redeemed in the app that week." },
  ],
} as const satisfies TableSchema;

/**
 * Churn as a dealer group records it (one row per customer): the day the CRM
 * marked the customer as lost, empty while still a customer. The label source
 * of the feature panel for real exports (`buildPanel` reads `churn_date` only;
 * synthetic data carry the same column in `truth.csv`). Models never see it.
 */
export const churnSchema = {
  name: "churn",
  description:
    "One row per customer: the day the customer was recorded as lost, empty while still a customer (CRM export). The label source; never a model input.",
  key: ["customer_id"],
  customerRef: "customer_id",
  columns: [
    { name: "customer_id", kind: "text", unit: "", description: "Customer id (must exist in customers)." },
    { name: "churn_date", kind: "optionalDate", unit: "", description: "Day the customer was recorded as lost (YYYY-MM-DD); empty while still a customer." },
  ],
} as const satisfies TableSchema;

/** Ground truth per customer (synthetic data only; models never see it). */
export const truthSchema = {
  name: "truth",
  description: "Ground truth of the synthetic population, one row per customer. Never a model input.",
  key: ["customer_id"],
  customerRef: "customer_id",
  columns: [
    { name: "customer_id", kind: "text", unit: "", description: "Customer id." },
    {
      name: "churn_date",
      kind: "optionalDate",
      unit: "",
      description: "Day the customer left the network; empty when still a customer at the end of history.",
    },
    { name: "frailty", kind: "number", unit: "log hazard", min: -20, max: 20, decimals: 3, description: "Unobserved customer-level log-hazard offset." },
    {
      name: "peak_risk_30d",
      kind: "number",
      unit: "probability",
      min: 0,
      max: 1,
      decimals: 4,
      description: "Highest latent 30-day churn probability over the second year (weeks 53..104) while still a customer.",
    },
  ],
} as const satisfies TableSchema;

/** Latent 30-day churn risk at snapshot Mondays (synthetic data only; models never see it). */
export const truthRiskSchema = {
  name: "truth_risk",
  description: "Latent 30-day churn probability of each active customer at snapshot Mondays. Never a model input.",
  key: ["customer_id", "snapshot_date"],
  customerRef: "customer_id",
  columns: [
    { name: "customer_id", kind: "text", unit: "", description: "Customer id." },
    { name: "snapshot_date", kind: "date", unit: "", description: "Snapshot Monday (YYYY-MM-DD), before that week's events." },
    {
      name: "risk_30d",
      kind: "number",
      unit: "probability",
      min: 0,
      max: 1,
      decimals: 4,
      description: "Probability of churning in the next 30 days (latent hazard held for 30 days).",
    },
  ],
} as const satisfies TableSchema;

/** The customers table. */
export type CustomersTable = import("./schema").Table<typeof customersSchema>;
/** The visits table. */
export type VisitsTable = import("./schema").Table<typeof visitsSchema>;
/** The surveys table. */
export type SurveysTable = import("./schema").Table<typeof surveysSchema>;
/** The app activity table. */
export type AppActivityTable = import("./schema").Table<typeof appActivitySchema>;
/** The churn table of a real export. */
export type ChurnTable = import("./schema").Table<typeof churnSchema>;
/** The ground-truth table. */
export type TruthTable = import("./schema").Table<typeof truthSchema>;
/** The latent-risk snapshots table. */
export type TruthRiskTable = import("./schema").Table<typeof truthRiskSchema>;

/** Every source table's schema, in load order (customers first: the others refer to it). */
export const sourceSchemas = [customersSchema, visitsSchema, surveysSchema, appActivitySchema] as const;
/** Ground-truth schemas (synthetic data only). */
export const truthSchemas = [truthSchema, truthRiskSchema] as const;
