import type { AuditRule } from "./AuditRule";
import {
  benefitPaybackRule,
  benefitRoiRule,
  referralCustomersRule,
  referralValueRule,
  retainedRule,
  retainedValueRule,
  totalBenefitRule,
} from "./rules/benefits";
import { annualLineTierRule, annualProductRule, firstYearRecomputedRule, tierMissingRule } from "./rules/costLines";
import { annualSubtotalRule, firstYearTotalRule, oneTimeSubtotalRule } from "./rules/costSums";
import { ceoReturnRule, stopLossGapRule } from "./rules/decision";
import { headlinePaybackRule, headlineRoiRule } from "./rules/headline";
import { lowTierSaveRateRule, ltvRule, npsUnusedRule, paybackRampRule, saveRatesUnusedRule, tierProbabilitiesRule, timingReferenceRule } from "./rules/model";
import { rolloutBudgetRule, rolloutCoverageRule, rolloutScopeRule } from "./rules/rollout";
import { tierCountRule, tierSharesRule } from "./rules/tiers";

/**
 * The plan audit's rules, in the order `auditPlan` runs them (findings of one severity keep this order).
 * Listed with what each checks and its severities in docs/programme.md, "Audit rules".
 *
 * | rule | checks |
 * |---|---|
 * | `cost.oneTime.subtotal`, `cost.annual.subtotal`, `cost.firstYear.total` | stated sums vs their items |
 * | `cost.annual.product` | each annual line's people × yuan per person vs its amount |
 * | `cost.annual.tier` (ids `cost.annual.people`, `cost.annual.budget`) | a tier line's people and yuan vs the tier's count and budget |
 * | `cost.tier.missing` | a budgeted tier that no annual cost line pays for |
 * | `cost.firstYear.recomputed` | stated first-year total vs the total recomputed from the drivers |
 * | `tiers.shares`, `tiers.count` | tier shares sum to 100%; stated tier counts vs customers × share |
 * | `benefit.*` (7) | each stated benefit figure vs its formula (info within its rounding, error beyond) |
 * | `headline.roi`, `headline.payback` | stated ROI and payback vs the recomputed view |
 * | `rollout.budget`, `rollout.scope`, `rollout.coverage` | stage budgets, stage intervention counts, customer-months reached |
 * | `model.ltv`, `model.payback`, `model.tierProbabilities`, `model.lowTierSaveRate` | modelling issues a CFO would raise |
 * | `model.saveRatesUnused`, `timing.reference`, `model.npsUnused` | figures no result uses; the delay the save rates assume |
 * | `stopLoss.gap`, `ceo.returnPerYuan` | undecided zones between success and stop-loss; the CEO page's return per yuan |
 *
 * @example
 * auditRules.map((rule) => rule.name).slice(0, 3) // ["cost.oneTime.subtotal", "cost.annual.subtotal", "cost.firstYear.total"]
 */
export const auditRules: readonly AuditRule[] = [
  oneTimeSubtotalRule,
  annualSubtotalRule,
  firstYearTotalRule,
  annualProductRule,
  annualLineTierRule,
  tierMissingRule,
  firstYearRecomputedRule,
  tierSharesRule,
  tierCountRule,
  retainedRule,
  retainedValueRule,
  referralCustomersRule,
  referralValueRule,
  totalBenefitRule,
  benefitRoiRule,
  benefitPaybackRule,
  headlineRoiRule,
  headlinePaybackRule,
  rolloutBudgetRule,
  rolloutScopeRule,
  rolloutCoverageRule,
  ltvRule,
  paybackRampRule,
  tierProbabilitiesRule,
  lowTierSaveRateRule,
  saveRatesUnusedRule,
  timingReferenceRule,
  npsUnusedRule,
  stopLossGapRule,
  ceoReturnRule,
];
