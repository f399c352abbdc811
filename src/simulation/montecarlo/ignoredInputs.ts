import { createBlockContext, type DesignOptions } from "./blockRunner";
import type { UncertainPlan } from "../inputs/uncertainPlan";

/**
 * The plan's uncertain inputs that the chosen model does not read, each in
 * a sentence (e.g. the as-stated model ignores the tiers' save rates; the
 * programme model ignores the stated tier cost lines, paying per contact).
 *
 * @example
 * ignoredInputWarnings(seedUncertain, { seed: 1, model: "as-stated" })[0] // "$.tiers[0].saveRate is uncertain but the as-stated model does not use it: ..."
 */
export function ignoredInputWarnings(plan: UncertainPlan, design: DesignOptions): string[] {
  const ctx = createBlockContext(plan, design);
  const model = design.model ?? plan.assumptions.model;
  const why =
    model === "as-stated"
      ? "the as-stated model takes retained customers as customers × (churnBefore − churnAfter) and ignores save rates, timing, the model's AUC and capacity (use the programme model)"
      : "the programme model pays for contacts as they are made and derives churn after the programme from its saves";
  return plan.inputs.flatMap((input, j) =>
    ctx.inputSlots[j]! < 0 && input.distribution.dist !== "fixed" ? [`${input.path} is uncertain but the ${model} model does not use it: ${why}`] : [],
  );
}
