import { z } from "zod";

/*
 * The single definition of a retention plan. Conventions: camelCase keys,
 * money in yuan (never 万元), rates and shares as fractions 0..1, units in
 * names (`budgetYuanPerPerson`, `delayDays`, `monthStart`). Figures the source
 * document states but that could be derived from other fields carry the
 * suffix `Stated` (`oneTimeSubtotalStated`, `roiStated`): they are kept
 * exactly as written so the audit can compare them with their recomputation.
 *
 * Cross-field rules (tier probability bands, rollout months, references to
 * tier ids) are checked in `parsePlan`, not here, so that every problem in a
 * file is reported at once.
 */

/*
 * Upper bounds: every number a plan accepts must be one every command can
 * run with (`churnlab rollout` simulates each customer; sums of money must
 * stay finite), so each kind of number has a generous but finite range.
 */
/** Most customers a plan may have: the largest population churnlab simulates customer by customer (`rollout`, `synth`). */
export const maxPlanCustomers = 5_000_000;
/** Largest amount of money in a plan, yuan (10^12: far above any after-sales budget, far below overflow). */
export const maxPlanYuan = 1e12;
/** Longest span in days a plan may give (horizon, windows, delays): ten years. */
export const maxPlanDays = 3650;
/** Last month a rollout stage may reach: ten years. */
export const maxPlanMonth = 120;
/** Largest stated count (people, customers in a stage). */
export const maxPlanCount = 1e9;

const nonEmptyText = z.string().min(1, "must be a non-empty string");
const yuan = z.number().min(0, "must be an amount in yuan >= 0").max(maxPlanYuan, "must be an amount in yuan of at most 10^12");
const fraction = z.number().min(0, "must be a fraction from 0 to 1 (45% is 0.45)").max(1, "must be a fraction from 0 to 1 (45% is 0.45)");
const count = z.number().int("must be a whole number").min(0, "must be a whole number >= 0").max(maxPlanCount, "must be a whole number of at most 10^9");
const positiveCount = z
  .number()
  .int("must be a whole number")
  .min(1, "must be a whole number >= 1")
  .max(maxPlanCount, "must be a whole number of at most 10^9");
const days = z.number().min(0, "must be a number of days >= 0").max(maxPlanDays, `must be a number of days of at most ${maxPlanDays} (ten years)`);
const month = z
  .number()
  .min(0, "must be a month number >= 0 (month 0 is the start of the programme)")
  .max(maxPlanMonth, `must be a month number of at most ${maxPlanMonth} (ten years)`);
const nonNegative = z.number().min(0, "must be >= 0").max(maxPlanCount, "must be at most 10^9");
const churnBeforeRange = "must be an annual churn rate from 0.01 to 0.95 (1% to 95%): the rollout simulates customers churning at that rate";
/** A stated ratio (ROI, return per yuan): any sign, bounded so that arithmetic on it stays finite. */
const ratio = z.number().min(-1e6, "must be between -10^6 and 10^6").max(1e6, "must be between -10^6 and 10^6");
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be an id of lower-case letters, digits and dashes (e.g. "very-high")');

/** One risk tier: a band of 30-day churn probability, its share of customers, intervention, budget and expected save rate. */
export const tierSchema = z.strictObject({
  /** Stable id used by cost lines and rollout stages, e.g. "very-high". */
  id,
  name: nonEmptyText,
  nameZh: nonEmptyText.optional(),
  /** Lower bound of the tier's band of model probability of churning within `predictionHorizonDays` (exclusive: a customer at exactly the bound belongs to the tier below; the lowest tier includes 0), 0..1. See `tierOf` in src/actions. */
  probabilityMin: fraction,
  /** Upper bound of the band (inclusive), 0..1. The plan's "> 70%" makes 0.70 itself tier 2, matching the "> 0.5" newly-high-risk rule. */
  probabilityMax: fraction,
  /** Share of all customers in the tier as stated ("~3%" is 0.03), above 0: a tier holds customers. */
  shareStated: fraction.refine((x) => x > 0, "must be above 0: every tier holds some customers (leave out a tier that holds none)"),
  /** Number of customers in the tier, when the source states it. */
  countStated: count.optional(),
  intervention: nonEmptyText,
  interventionZh: nonEmptyText.optional(),
  /** Intervention budget per customer in the tier, yuan. */
  budgetYuanPerPerson: yuan,
  /** Expected share of the tier's would-be churners kept by the intervention, 0..1. */
  saveRate: fraction,
  /** Free-text remark on the save rate as the source words it. */
  saveRateNote: nonEmptyText.optional(),
});

/** One point of the timing A/B test: save rate when contact happens `delayDays` after the trigger. */
export const abTestPointSchema = z.strictObject({
  delayDays: days,
  saveRate: fraction,
  /** Customers in the test arm, when known. */
  n: positiveCount.optional(),
  /** How the source words the point ("within 7 days", "after 21 days"). */
  note: nonEmptyText.optional(),
});

/** Intervention timing: the trigger, the best contact window and the A/B test of delays. */
export const timingSchema = z.strictObject({
  /** Probability above which a customer becomes "newly high risk" (this week > p, last week <= p). */
  triggerProbability: fraction,
  /** How often everyone is scored, days (weekly = 7), at least 1. */
  scoringIntervalDays: days.min(1, "must be a number of days >= 1 (weekly scoring is 7)"),
  /** Best contact window after the trigger, [from, to] days. */
  bestWindowDays: z.tuple([days, days]),
  /** The A/B test of contact delays: at least two points, delays increasing (the save-rate curve is interpolated between them). */
  abTest: z.array(abTestPointSchema).min(2, "must list at least two A/B points (delays with their save rates): the timing curve is drawn through them"),
});

/** A one-time cost line, yuan. */
export const oneTimeCostSchema = z.strictObject({
  id,
  label: nonEmptyText,
  labelZh: nonEmptyText.optional(),
  amountYuan: yuan,
  note: nonEmptyText.optional(),
});

/** An annual cost line, yuan; intervention lines name their tier and the stated people × yuan. */
export const annualCostSchema = z.strictObject({
  id,
  label: nonEmptyText,
  labelZh: nonEmptyText.optional(),
  /** The amount as stated, yuan (may disagree with people × yuan: the audit checks). */
  amountYuan: yuan,
  /** The tier this line pays interventions for. */
  tierId: id.optional(),
  /** People the line is stated to cover ("6000 people × 800 yuan"). */
  peopleStated: count.optional(),
  /** Yuan per person as stated in the line. */
  yuanPerPersonStated: yuan.optional(),
  note: nonEmptyText.optional(),
});

/** All costs: one-time and annual lines with the stated subtotals and first-year total, yuan. */
export const costsSchema = z.strictObject({
  oneTime: z.array(oneTimeCostSchema),
  oneTimeSubtotalStated: yuan,
  annual: z.array(annualCostSchema),
  annualSubtotalStated: yuan,
  firstYearTotalStated: yuan,
});

/** The benefit case: churn reduction times lifetime value, plus word-of-mouth referrals, with stated results. */
export const benefitsSchema = z.strictObject({
  /** Annual churn rate before the programme, 0.01..0.95 (the range the rollout's customer dynamics reproduce). */
  churnBefore: fraction.min(0.01, churnBeforeRange).max(0.95, churnBeforeRange),
  /** Annual churn rate the programme is expected to reach, 0..1. */
  churnAfter: fraction,
  /** Customers retained per year as stated. */
  retainedStated: nonNegative,
  /** Remaining lifetime value of a retained customer, yuan (multi-year). */
  ltvYuan: yuan,
  retainedValueStated: yuan,
  /** Net Promoter Score of retained customers before and after, -100..100. */
  npsBefore: z.number().min(-100, "must be an NPS from -100 to 100").max(100, "must be an NPS from -100 to 100"),
  npsAfter: z.number().min(-100, "must be an NPS from -100 to 100").max(100, "must be an NPS from -100 to 100"),
  /** Share of retained customers who refer someone, 0..1. */
  referralRate: fraction,
  /** New customers per referrer. */
  referralsPerReferrer: nonNegative,
  referralCustomersStated: nonNegative,
  /** First-year value of a referred new customer, yuan. */
  newCustomerValueYuan: yuan,
  referralValueStated: yuan,
  totalBenefitStated: yuan,
  /** First-year ROI as stated, a fraction ((benefit − cost) / cost; 359% is 3.59). */
  roiStated: ratio,
  paybackMonthsStated: nonNegative,
});

/** Success criteria of a rollout stage (thresholds to pass). */
export const successCriteriaSchema = z.strictObject({
  aucMin: fraction,
  saveRateMin: fraction,
  /** ROI to exceed, a fraction (200% is 2). */
  roiMin: ratio,
});

/** One rollout stage over months [monthStart, monthEnd) of the programme. */
export const rolloutStageSchema = z.strictObject({
  id,
  name: nonEmptyText,
  nameZh: nonEmptyText.optional(),
  monthStart: month,
  monthEnd: month,
  /** Number of cities, when stated. */
  cities: positiveCount.optional(),
  /** Customers in scope during the stage (the whole base at the final stage). */
  customers: count,
  /** Tier ids the stage intervenes on. */
  interveneTiers: z.array(id),
  /** People the stage is stated to intervene on, when stated ("~600"). */
  interveneCountStated: count.optional(),
  /** Advisors trained during the stage, when stated. */
  advisorsTrained: count.optional(),
  budgetYuan: yuan,
  successCriteria: successCriteriaSchema.optional(),
  actions: z.array(nonEmptyText).optional(),
  note: nonEmptyText.optional(),
});

/** Stop-loss lines and the responses the plan names. */
export const stopLossSchema = z.strictObject({
  /** Pause the rollout if the MVP's AUC is below this, 0..1. */
  aucPause: fraction,
  /** Redesign the interventions if the save rate is below this, 0..1. */
  saveRateRedesign: fraction,
  /** Churners to interview in depth when interventions fail. */
  churnerInterviews: count.optional(),
  /** Number of intervention strategies to A/B test at once, [min, max]. */
  parallelStrategies: z.tuple([positiveCount, positiveCount]).optional(),
});

/** The one-page CEO summary's figures. */
export const ceoPageSchema = z.strictObject({
  /** "Every 1 yuan returns X yuan" as stated. */
  returnPerYuanStated: ratio,
  /** "Risk foreseen N days ahead". */
  leadTimeDays: days,
});

/**
 * THE definition of a retention plan (zod). Money in yuan, rates as fractions.
 * `data/plans/seed-plan.json` is the article's plan in this shape.
 *
 * @example
 * planSchema.safeParse(JSON.parse(fs.readFileSync("data/plans/seed-plan.json", "utf8"))).success // true
 */
export const planSchema = z.strictObject({
  /** Optional pointer to this schema's documentation. */
  $comment: z.string().optional(),
  name: nonEmptyText,
  /** The plan's name in Chinese, for pages in Chinese (the CEO page's subtitle). */
  nameZh: nonEmptyText.optional(),
  source: nonEmptyText.optional(),
  /** Customers in the base (保有客户), 1 to {@link maxPlanCustomers}. */
  customers: positiveCount.max(maxPlanCustomers, "must be a whole number of at most 5,000,000 (the most customers churnlab simulates one by one)"),
  /** Horizon of the model's churn probability, days (the tiers' probabilities are for this horizon), above 0 and at most 365. */
  predictionHorizonDays: z
    .number()
    .positive("must be a number of days > 0")
    .max(365, "must be a number of days of at most 365 (a churn probability within a year)"),
  /** Churn signals the model is said to use. */
  signals: z.array(nonEmptyText).optional(),
  tiers: z.array(tierSchema).min(1, "must list at least one tier"),
  timing: timingSchema,
  costs: costsSchema,
  benefits: benefitsSchema,
  rollout: z.array(rolloutStageSchema).min(1, "must list at least one rollout stage"),
  stopLoss: stopLossSchema,
  ceoPage: ceoPageSchema.optional(),
});

/** A validated retention plan. */
export type Plan = z.infer<typeof planSchema>;
/** One risk tier of a plan. */
export type Tier = z.infer<typeof tierSchema>;
/** One rollout stage of a plan. */
export type RolloutStage = z.infer<typeof rolloutStageSchema>;
/** One annual cost line of a plan. */
export type AnnualCost = z.infer<typeof annualCostSchema>;
/** One one-time cost line of a plan. */
export type OneTimeCost = z.infer<typeof oneTimeCostSchema>;
/** One timing A/B test point. */
export type AbTestPoint = z.infer<typeof abTestPointSchema>;
