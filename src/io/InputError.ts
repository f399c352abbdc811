/**
 * One problem found in external input: where it is and what rule it breaks.
 *
 * `where` is a JSON path (`$.tiers[1].budgetYuan`), a CSV location
 * (`line 12, column spend_yuan`) or a CLI flag (`--trials`).
 */
export interface InputProblem {
  where: string;
  message: string;
}

/**
 * Bad external input (a plan file, a CSV export, a CLI flag): every problem
 * found, with the source it came from. The CLI prints one line per problem to
 * stderr and exits with code 2; nothing is written.
 *
 * @example
 * throw new InputError("plan.json", [{ where: "$.costs.oneTime[0].amountYuan", message: "must be >= 0, got -5" }]);
 */
export class InputError extends Error {
  readonly source: string;
  readonly problems: readonly InputProblem[];

  constructor(source: string, problems: readonly InputProblem[]) {
    const count = problems.length;
    const head = problems.slice(0, 50).map((p) => `  ${source}: ${p.where}: ${p.message}`);
    const more = count > 50 ? [`  ... and ${count - 50} more problems`] : [];
    super([`${source}: ${count} problem${count === 1 ? "" : "s"}`, ...head, ...more].join("\n"));
    this.name = "InputError";
    this.source = source;
    this.problems = problems;
  }
}
