import { z } from "zod";
import type { Plan } from "../../plan/index";
import type { QueueRule } from "../population/rolloutScenario";

/**
 * The programme model's own assumptions: everything the plan does not state
 * but the programme needs to be simulated. They sit in the `simulation`
 * section of a plan file (any number may be a distribution there); each has a
 * default with its source ({@link programmeSettingsFor}).
 */
export interface ProgrammeSettings {
  /** Cash margin of one retained customer per year, yuan (default: the plan's LTV × churnBefore, the margin a constant churn implies). */
  annualMarginYuan: number;
  /** AUC of the churn model on 30-day outcomes, 0.5..1 (default the MVP gate's aucMin, else 0.85). */
  modelAuc: number;
  /** Weeks a save keeps a customer after the contact week (default 52: the plan follows a save for a year). */
  protectionWeeks: number;
  /** Weeks after a contact before the customer can be flagged again (default protectionWeeks: one contact per customer per year). */
  cooldownWeeks: number;
  /** Correlation of the save outcomes of two contacts of one customer, 0..1 (default 0: independent). */
  saveCorrelation: number;
  /** Which flags a saturated channel serves first (default "value-first"). */
  queueRule: QueueRule;
  /** Contact no earlier than this many days after the trigger (default 0: as soon as capacity allows). */
  minContactDelayDays: number;
  /** Flags waiting longer than this are dropped unserved, days (default the plan's prediction horizon, 30). */
  maxWaitDays: number;
  /** Years of cash flows in the NPV (default 3); the programme runs on at the last stage's scope after year 1. */
  horizonYears: number;
  /** Annual discount rate of the NPV (`$.simulation.discountRate`, default 8%). */
  discountRate: number;
  /** Contacts per week per tier id at the plan's full scale, overriding the budget-derived capacity. */
  capacityPerWeek: Record<string, number>;
  /** Contacts per week per stage id and tier id (that stage's own scope), overriding everything else. */
  stageCapacityPerWeek: Record<string, Record<string, number>>;
  /** Calls an advisor makes per week: with it, a stage's advisors-tier capacity is advisorsTrained × this (no default: the plan states none). */
  callsPerAdvisorPerWeek: number | undefined;
}

const finite = z.number().refine(Number.isFinite, "must be a finite number");
const weeks = z.number().int("must be a whole number of weeks").min(0, "must be >= 0").max(260, "must be at most 260 weeks (5 years)");
const perWeek = finite.min(0, "must be a number of contacts per week >= 0");

/** The zod shape of the programme settings in a plan's `simulation` section (all optional). */
export const programmeSettingsShape = {
  annualMarginYuan: finite.min(0, "must be an amount in yuan >= 0").optional(),
  modelAuc: finite.min(0.5, "must be an AUC from 0.5 to 1").max(1, "must be an AUC from 0.5 to 1").optional(),
  protectionWeeks: weeks.min(1, "must be at least 1 week").optional(),
  cooldownWeeks: weeks.optional(),
  saveCorrelation: finite.min(0, "must be a correlation from 0 to 1").max(1, "must be a correlation from 0 to 1").optional(),
  queueRule: z.enum(["value-first", "oldest-first", "newest-first"]).optional(),
  minContactDelayDays: finite.min(0, "must be a number of days >= 0").max(365, "must be at most 365 days").optional(),
  maxWaitDays: finite.min(0, "must be a number of days >= 0").max(365, "must be at most 365 days").optional(),
  horizonYears: z.number().int("must be a whole number of years").min(1, "must be 1 to 5 years").max(5, "must be 1 to 5 years").optional(),
  capacityPerWeek: z.record(z.string(), perWeek).optional(),
  stageCapacityPerWeek: z.record(z.string(), z.record(z.string(), perWeek)).optional(),
  callsPerAdvisorPerWeek: finite.min(0.1, "must be a number of calls per week >= 0.1").optional(),
};

/** What a plan file's `simulation` section may say about the programme (after validation). */
export type ProgrammeSettingsInput = Partial<{ [K in keyof typeof programmeSettingsShape]: z.infer<(typeof programmeSettingsShape)[K]> }>;

/** One assumption with its value and where it comes from, for display. */
export interface AssumptionSource {
  /** JSON path of the setting in a plan file, e.g. "$.simulation.annualMarginYuan". */
  path: string;
  value: number | string;
  source: string;
}

/**
 * The programme settings of a plan: the file's `simulation` values, else the
 * defaults, each with its source.
 *
 * @example
 * programmeSettingsFor(seedPlan, {}).settings.annualMarginYuan // 4000 × 0.18 = 720
 */
export function programmeSettingsFor(
  plan: Plan,
  input: ProgrammeSettingsInput & { discountRate?: number | undefined },
): { settings: ProgrammeSettings; sources: AssumptionSource[] } {
  const settings = settingsOf(plan, input);
  return { settings, sources: assumptionSources(plan, input, settings) };
}

/** The first gate's success criteria (stages by start month), if any stage states them. */
function firstGateCriteria(plan: Plan) {
  return [...plan.rollout].sort((x, y) => x.monthStart - y.monthStart).find((s) => s.successCriteria !== undefined)?.successCriteria;
}

/** The settings: each the plan file's value, else its default. */
function settingsOf(plan: Plan, input: ProgrammeSettingsInput & { discountRate?: number | undefined }): ProgrammeSettings {
  const b = plan.benefits;
  const gate = firstGateCriteria(plan);
  const protectionWeeks = input.protectionWeeks ?? 52;
  const settings: ProgrammeSettings = {
    annualMarginYuan: input.annualMarginYuan ?? b.ltvYuan * b.churnBefore,
    modelAuc: input.modelAuc ?? gate?.aucMin ?? 0.85,
    protectionWeeks,
    cooldownWeeks: input.cooldownWeeks ?? protectionWeeks,
    saveCorrelation: input.saveCorrelation ?? 0,
    queueRule: input.queueRule ?? "value-first",
    minContactDelayDays: input.minContactDelayDays ?? 0,
    maxWaitDays: input.maxWaitDays ?? plan.predictionHorizonDays,
    horizonYears: input.horizonYears ?? 3,
    discountRate: input.discountRate ?? 0.08,
    capacityPerWeek: { ...(input.capacityPerWeek ?? {}) },
    stageCapacityPerWeek: structuredClone(input.stageCapacityPerWeek ?? {}),
    callsPerAdvisorPerWeek: input.callsPerAdvisorPerWeek,
  };
  return settings;
}

/** Each setting with its value and source: "the plan file" when given there, else why the default. */
function assumptionSources(plan: Plan, input: ProgrammeSettingsInput & { discountRate?: number | undefined }, settings: ProgrammeSettings): AssumptionSource[] {
  const b = plan.benefits;
  const gate = firstGateCriteria(plan);
  const protectionWeeks = settings.protectionWeeks;
  const given = (key: keyof ProgrammeSettingsInput): boolean => input[key] !== undefined;
  const src = (key: keyof ProgrammeSettingsInput, fallback: string): string => (given(key) ? "the plan file" : fallback);
  const sources: AssumptionSource[] = [
    {
      path: "$.simulation.annualMarginYuan",
      value: settings.annualMarginYuan,
      source: src(
        "annualMarginYuan",
        `not stated by the plan: the margin its lifetime value implies under a constant churn rate, LTV × churn = ${b.ltvYuan} × ${b.churnBefore}`,
      ),
    },
    {
      path: "$.simulation.modelAuc",
      value: settings.modelAuc,
      source: src("modelAuc", gate?.aucMin !== undefined ? `the plan's MVP success line (AUC > ${gate.aucMin})` : "a typical churn model"),
    },
    {
      path: "$.simulation.protectionWeeks",
      value: protectionWeeks,
      source: src("protectionWeeks", "the plan values a save over its first year: a save keeps the customer 52 weeks"),
    },
    {
      path: "$.simulation.cooldownWeeks",
      value: settings.cooldownWeeks,
      source: src("cooldownWeeks", "one contact per customer while a save protects them (the plan budgets each tier's customers once a year)"),
    },
    { path: "$.simulation.saveCorrelation", value: settings.saveCorrelation, source: src("saveCorrelation", "independent outcomes per contact") },
    {
      path: "$.simulation.queueRule",
      value: settings.queueRule,
      source: src(
        "queueRule",
        "highest expected saves per contact first: the flag's chance to churn within the protection × the save probability at its delay",
      ),
    },
    {
      path: "$.simulation.minContactDelayDays",
      value: settings.minContactDelayDays,
      source: src("minContactDelayDays", "contact as soon as capacity allows (the plan's best window starts at 7 days)"),
    },
    {
      path: "$.simulation.maxWaitDays",
      value: settings.maxWaitDays,
      source: src("maxWaitDays", `the plan's prediction horizon (${plan.predictionHorizonDays} days) and its last A/B delay`),
    },
    {
      path: "$.simulation.horizonYears",
      value: settings.horizonYears,
      source: src("horizonYears", "3-year NPV; after year 1 the programme runs at its last stage's scope"),
    },
    {
      path: "$.simulation.discountRate",
      value: settings.discountRate,
      source: input.discountRate !== undefined ? "the plan file" : "cost of capital of a dealer group (8%)",
    },
  ];
  if (settings.callsPerAdvisorPerWeek !== undefined)
    sources.push({ path: "$.simulation.callsPerAdvisorPerWeek", value: settings.callsPerAdvisorPerWeek, source: "the plan file" });
  return sources;
}
