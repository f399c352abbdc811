import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { JsonDocument } from "../helpers/jsonDocument";

const root = join(__dirname, "..", "..");

/** The article's plan as JSON (a fresh copy each call). */
export function seedPlanJson(): JsonDocument {
  return JSON.parse(readFileSync(join(root, "data/plans/seed-plan.json"), "utf8"));
}

/** The article's plan with distributions (a fresh copy each call). */
export function seedUncertainJson(): JsonDocument {
  return JSON.parse(readFileSync(join(root, "data/plans/seed-plan-uncertain.json"), "utf8"));
}

/** Path of a repository file. */
export function repoFile(path: string): string {
  return join(root, path);
}

/**
 * 200,000 × (4,000 + 0.15 × 1.2 × 800) = 828,800,000 yuan: the benefit of the
 * seed plan per unit of churn reduction (retained value plus referrals), so
 * net benefit = K × (churnBefore − churnAfter) − cost, linear in the inputs.
 */
export const BENEFIT_PER_CHURN_POINT = 200000 * (4000 + 0.15 * 1.2 * 800);
/** First-year cost of the seed plan as stated, yuan. */
export const SEED_COST = 10_840_000;
