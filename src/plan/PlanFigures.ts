/**
 * The first-year figures of a plan, in one of two views (`asStated` or
 * `recomputed`). Money in yuan, customers in people, `roi` as a fraction
 * ((benefit − cost) / cost: 3.5875, not 359), `paybackMonths` in months.
 *
 * Exactly these keys, in this order: they are the JSON contract of
 * `churnlab plan --json`.
 */
export interface PlanFigures {
  /** One-time (set-up) cost, yuan. */
  oneTimeCost: number;
  /** Annual running cost including interventions, yuan. */
  annualCost: number;
  /** oneTimeCost + annualCost, yuan. */
  firstYearCost: number;
  /** Customers retained per year by the lower churn rate, people. */
  retainedCustomers: number;
  /** retainedCustomers × remaining lifetime value, yuan. */
  retainedValue: number;
  /** New customers referred by retained customers, people. */
  referralCustomers: number;
  /** referralCustomers × first-year value of a new customer, yuan. */
  referralValue: number;
  /** retainedValue + referralValue, yuan. */
  totalBenefit: number;
  /** (totalBenefit − firstYearCost) / firstYearCost; NaN when firstYearCost is 0. */
  roi: number;
  /** firstYearCost / (totalBenefit / 12), months; Infinity when totalBenefit is 0. */
  paybackMonths: number;
}

/** The keys of {@link PlanFigures}, in contract order. */
export const planFigureKeys = [
  "oneTimeCost",
  "annualCost",
  "firstYearCost",
  "retainedCustomers",
  "retainedValue",
  "referralCustomers",
  "referralValue",
  "totalBenefit",
  "roi",
  "paybackMonths",
] as const satisfies ReadonlyArray<keyof PlanFigures>;

/**
 * Removes binary floating-point noise from a derived figure (12 significant
 * digits): `200000 * (0.18 - 0.12)` is 12000.000000000002, cleaned 12000.
 *
 * @example
 * cleanFigure(200000 * (0.18 - 0.12)) // 12000
 */
export function cleanFigure(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}

/**
 * Completes the figures from costs and benefit lines: first-year cost, total
 * benefit, ROI = (benefit − cost) / cost and payback = cost / (benefit / 12),
 * the article's formulas (section 6.3); payback is Infinity when the benefit
 * is zero or negative (churn after the programme at or above churn before):
 * such a plan never pays back.
 *
 * @example
 * figuresFrom({ oneTimeCost: 2800000, annualCost: 8040000, retainedCustomers: 12000, retainedValue: 48000000, referralCustomers: 2160, referralValue: 1728000 }).roi // 3.5874538745387452...
 */
export function figuresFrom(lines: Omit<PlanFigures, "firstYearCost" | "totalBenefit" | "roi" | "paybackMonths">): PlanFigures {
  const firstYearCost = cleanFigure(lines.oneTimeCost + lines.annualCost);
  const totalBenefit = cleanFigure(lines.retainedValue + lines.referralValue);
  const roi = firstYearCost === 0 ? Number.NaN : (totalBenefit - firstYearCost) / firstYearCost;
  const paybackMonths = totalBenefit <= 0 ? Number.POSITIVE_INFINITY : firstYearCost / (totalBenefit / 12);
  return {
    oneTimeCost: lines.oneTimeCost,
    annualCost: lines.annualCost,
    firstYearCost,
    retainedCustomers: lines.retainedCustomers,
    retainedValue: lines.retainedValue,
    referralCustomers: lines.referralCustomers,
    referralValue: lines.referralValue,
    totalBenefit,
    roi,
    paybackMonths,
  };
}
