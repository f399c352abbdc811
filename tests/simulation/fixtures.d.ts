/** The article's plan as JSON (a fresh copy each call). */
export declare function seedPlanJson(): Record<string, any>;
/** The article's plan with distributions (a fresh copy each call). */
export declare function seedUncertainJson(): Record<string, any>;
/** Path of a repository file. */
export declare function repoFile(path: string): string;
/**
 * 200,000 × (4,000 + 0.15 × 1.2 × 800) = 828,800,000 yuan: the benefit of the
 * seed plan per unit of churn reduction (retained value plus referrals), so
 * net benefit = K × (churnBefore − churnAfter) − cost, linear in the inputs.
 */
export declare const BENEFIT_PER_CHURN_POINT: number;
/** First-year cost of the seed plan as stated, yuan. */
export declare const SEED_COST = 10840000;
