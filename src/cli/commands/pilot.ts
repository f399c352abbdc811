import { Command } from "commander";
import { formatWan } from "../../charts/format";
import { InputError, type InputProblem } from "../../io/InputError";
import { loadDesign } from "../../simulation/design/designSchema";
import { designPilot, type PilotCandidate, type PilotDesignResult, type PilotOptions } from "../../simulation/design/pilotDesign";
import { loadUncertainPlan } from "../../simulation/inputs/uncertainPlan";
import { action, printJson } from "../run";
import { numberFlag } from "./designFlags";

/** Raw flags of `churnlab pilot`. */
export interface PilotFlags {
  design?: string;
  tiers?: string;
  customers?: string;
  maxFalseGo?: string;
  maxFalseStop?: string;
  seed?: string;
  json?: boolean;
}

/**
 * Validates the flags of `churnlab pilot` (the design file is read later, with the plan), collecting every problem.
 *
 * @throws InputError("command line", problems)
 * @example
 * pilotOptions({ maxFalseGo: "0.05", tiers: "very-high,high" }) // { maxFalseGo: 0.05, tiers: ["very-high", "high"] }
 */
export function pilotOptions(flags: PilotFlags): PilotOptions {
  const problems: InputProblem[] = [];
  const o: PilotOptions = {};
  const go = numberFlag(problems, "--max-false-go", flags.maxFalseGo, 0.0001, 0.5);
  const stop = numberFlag(problems, "--max-false-stop", flags.maxFalseStop, 0.0001, 0.5);
  const customers = numberFlag(problems, "--customers", flags.customers, 1000, 10_000_000, true);
  const seed = numberFlag(problems, "--seed", flags.seed, -(2 ** 31), 2 ** 31 - 1, true);
  if (go !== undefined) o.maxFalseGo = go;
  if (stop !== undefined) o.maxFalseStop = stop;
  if (customers !== undefined) o.customers = customers;
  if (seed !== undefined) o.seed = seed;
  if (flags.tiers !== undefined) {
    const tiers = flags.tiers
      .split(",")
      .map((t) => t.trim())
      .filter((t) => t.length > 0);
    if (tiers.length === 0) problems.push({ where: "--tiers", message: `must name at least one tier id, got "${flags.tiers}"` });
    else o.tiers = tiers;
  }
  if (problems.length > 0) throw new InputError("command line", problems);
  return o;
}

const pct = (x: number, d = 1): string => `${(x * 100).toFixed(d)}%`;

/** A candidate pilot in lines. */
function candidateLines(c: PilotCandidate): string[] {
  return [
    `  ${c.enrolmentWeeks} weeks of enrolment + ${c.followUpWeeks} weeks of follow-up = ${c.durationWeeks} weeks; ` +
      `hold-out at least ${pct(c.holdOut, 0)} of each tier's flagged, at random`,
    ...c.tiers.map(
      (t) =>
        `    ${t.tierId.padEnd(12)} flagged ${Math.round(t.flagged).toString().padStart(6)}: ` +
        `contacted ${String(t.treated).padStart(5)}, held out ${String(t.control).padStart(5)}; hold-out churn ${pct(t.controlChurn)}; ` +
        `uplift ${pct(t.uplift.uplift)} (95% ${pct(t.uplift.lower)} … ${pct(t.uplift.upper)})`,
    ),
    `    pooled save rate ${pct(c.saveRate.value)} ± ${pct(c.saveRate.se)} (95% ${pct(c.saveRate.lower)} … ${pct(c.saveRate.upper)})`,
    `    save-rate gate: false go ${pct(c.errors.falseGo, 2)}, false stop ${pct(c.errors.falseStop, 2)}, power ${pct(c.errors.power)}; ` +
      `at the design's own rates P(go) ${pct(c.atExpected.probGo)}, P(redesign) ${pct(c.atExpected.probRedesign)}`,
    `    AUC gate: ${Math.round(c.auc.positives)} churners among ${c.auc.scored.toLocaleString("en-US")} scores, standard error ${c.auc.se.toFixed(4)}: ` +
      `false go ${pct(c.auc.falseGo, 2)}, false pause ${pct(c.auc.falseStop, 2)}`,
    `    expected value of the hold-out's forgone contacts: ${formatWan(c.holdOutCostYuan, "zh", 1)}`,
  ];
}

/**
 * The pilot as text.
 *
 * @example
 * pilotText(result, "plan.json").split("\n")[0] // "plan.json: a pilot that can measure ..."
 */
export function pilotText(r: PilotDesignResult, source: string): string {
  const v = r.verification;
  return [
    `${source}: a pilot that can measure: ${r.customers.toLocaleString("en-US")} customers, tiers ${r.tiers.join(", ")}`,
    `targets: false go ≤ ${pct(r.maxFalseGo)} (true save rate ${pct(r.badRate)}, gate at ${pct(r.lines.goLine)}), ` +
      `false stop ≤ ${pct(r.maxFalseStop)} (true ${pct(r.goodRate)}, redesign below ${pct(r.lines.stopLine)}); ` +
      `AUC lines ${r.lines.aucGo} / ${r.lines.aucPause}`,
    "",
    r.recommended === undefined
      ? "no candidate meets the targets: a larger pilot city or longer enrolment is needed"
      : "recommended (shortest that meets the targets):",
    ...(r.recommended === undefined ? [] : candidateLines(r.recommended)),
    ...(v === undefined
      ? []
      : [
          `    checked by binomial simulation: false go ${pct(v.falseGo.value, 2)} (±${pct(v.falseGo.se, 2)}), ` +
            `false stop ${pct(v.falseStop.value, 2)} (±${pct(v.falseStop.se, 2)})`,
        ]),
    "",
    "the plan's MVP timing (13 weeks, 13 weeks of follow-up) with a 20% hold-out:",
    ...candidateLines(r.planMvp),
    "",
    ...r.notes.map((n) => `note: ${n}`),
    "",
  ].join("\n");
}

/**
 * `churnlab pilot <plan> [--design FILE] [--tiers IDS] [--customers N] [--max-false-go P] [--max-false-stop P] [--json]`:
 * the MVP with a randomised hold-out per tier: the enrolment, follow-up and
 * hold-out that keep the gate's false-go and false-stop rates within their
 * limits, the uplift estimates with their intervals, and the error rates
 * checked by binomial simulation. `--design` takes a design JSON (or the
 * output of `churnlab optimize --json`: its best design).
 *
 * @example
 * // churnlab pilot data/plans/seed-plan-uncertain.json --json
 */
export function pilotCommand(): Command {
  return new Command("pilot")
    .description("Design an MVP that can measure: randomised hold-out per tier, sample size and duration for the gate's false-go and false-stop rates")
    .argument("<plan>", "plan JSON (e.g. data/plans/seed-plan-uncertain.json)")
    .option("--design <file>", "a programme design (JSON; or churnlab optimize --json output: its best design); default the plan's")
    .option("--tiers <ids>", "tiers in the pilot, comma-separated (default the design's first stage's)")
    .option("--customers <n>", "customers in the pilot city (default the plan's first stage's)")
    .option("--max-false-go <p>", "highest acceptable false-go rate", "0.05")
    .option("--max-false-stop <p>", "highest acceptable false-stop rate", "0.10")
    .option("-s, --seed <n>", "seed of the binomial check", "1")
    .option("--json", "print JSON")
    .action(
      action(async (file: string, flags: PilotFlags) => {
        const options = pilotOptions(flags);
        const plan = loadUncertainPlan(file);
        if (flags.design !== undefined) options.design = loadDesign(flags.design, plan.base);
        const unknown = (options.tiers ?? []).filter((id) => !plan.base.tiers.some((t) => t.id === id));
        if (unknown.length > 0)
          throw new InputError("command line", [
            { where: "--tiers", message: `unknown tier ${unknown.join(", ")} (tiers: ${plan.base.tiers.map((t) => t.id).join(", ")})` },
          ]);
        const result = designPilot(plan, options);
        if (flags.json) printJson({ ...result, candidates: undefined, candidateCount: result.candidates.length });
        else process.stdout.write(pilotText(result, file));
      }),
    );
}
