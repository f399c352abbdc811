import type { Plan } from "../../plan/schema";
import type { InputProblem } from "../../io/InputError";

/**
 * What a plan lacks for the rollout simulation's stage gates: every stage
 * but the last (in month order) ends with a gate, and a gate needs success
 * criteria, the stage's own or those of an earlier stage in the plan's order
 * (as {@link gateCriteriaFor} applies them). One problem per gate without
 * criteria, with the JSON path to add them at, so the command line can
 * refuse such a plan up front (exit 2) instead of failing inside a worker.
 *
 * @param plan a validated plan (the base of an uncertain plan).
 * @returns the problems; empty when every gate has criteria (or the plan has one stage).
 * @example
 * rolloutGateProblems(seedPlan) // []
 * rolloutGateProblems(planWithoutCriteria)[0]
 * // { where: "$.rollout[0].successCriteria", message: "missing: the gate at the end of stage mvp (month 3) needs success criteria ..." }
 */
export function rolloutGateProblems(plan: Plan): InputProblem[] {
  const sorted = plan.rollout.map((stage, index) => ({ stage, index })).sort((a, b) => a.stage.monthStart - b.stage.monthStart);
  const problems: InputProblem[] = [];
  for (const { stage, index } of sorted.slice(0, -1)) {
    const stated = plan.rollout.slice(0, index + 1).some((s) => s.successCriteria !== undefined);
    if (!stated) {
      problems.push({
        where: `$.rollout[${index}].successCriteria`,
        message: `missing: the gate at the end of stage ${stage.id} (month ${stage.monthEnd}) needs success criteria ({"aucMin": …, "saveRateMin": …, "roiMin": …}) on this stage or an earlier one`,
      });
    }
  }
  return problems;
}
