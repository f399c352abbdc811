import { Command } from "commander";
import { InputError, type InputProblem } from "../../io/InputError";
import { optimizeProgramme, type OptimizedDesignJson, type OptimizeOptions, type OptimizeResult } from "../../simulation/design/optimizeProgramme";
import { loadUncertainPlan } from "../../simulation/inputs/uncertainPlan";
import { capacitySourceText } from "../../simulation/design/programmeDesign";
import { action, printJson } from "../run";
import { choiceFlag, numberFlag } from "./designFlags";
import { wanAmount } from "../../io/numberText";

/** Raw flags of `churnlab optimize` (strings, as commander hands them over). */
export interface OptimizeFlags {
  budget?: string;
  seed?: string;
  objective?: string;
  trials?: string;
  searchTrials?: string;
  minGate?: string;
  staffMultiple?: string;
  crossChannel?: string;
  panel?: string;
  workers?: string;
  json?: boolean;
}

/**
 * Validates the flags of `churnlab optimize`, collecting every problem.
 *
 * @throws InputError("command line", problems)
 * @example
 * optimizeOptions({ budget: "8000000", objective: "cash" }) // { budgetYuan: 8000000, objective: "cash" }
 */
export function optimizeOptions(flags: OptimizeFlags): OptimizeOptions {
  const problems: InputProblem[] = [];
  const o: OptimizeOptions = {};
  const set = <K extends keyof OptimizeOptions>(key: K, v: OptimizeOptions[K] | undefined): void => {
    if (v !== undefined) o[key] = v;
  };
  set("budgetYuan", numberFlag(problems, "--budget", flags.budget, 0, 1e12));
  set("seed", numberFlag(problems, "--seed", flags.seed, -(2 ** 31), 2 ** 31 - 1, true));
  set("objective", choiceFlag(problems, "--objective", flags.objective, ["npv", "cash"] as const));
  set("trials", numberFlag(problems, "--trials", flags.trials, 1000, 1_000_000, true));
  set("searchTrials", numberFlag(problems, "--search-trials", flags.searchTrials, 500, 1_000_000, true));
  set("minProbMvpPass", numberFlag(problems, "--min-gate", flags.minGate, 0, 1));
  set("staffMultiple", numberFlag(problems, "--staff-multiple", flags.staffMultiple, 0, 100));
  set("workers", numberFlag(problems, "--workers", flags.workers, 0, 64, true));
  const cross = numberFlag(problems, "--cross-channel", flags.crossChannel, 0, 1);
  if (cross !== undefined) o.assumptions = { crossChannelFactor: cross };
  const panel = numberFlag(problems, "--panel", flags.panel, 10_000, 400_000, true);
  if (panel !== undefined) o.modelOptions = { panelCustomers: panel };
  if (problems.length > 0) throw new InputError("command line", problems);
  return o;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const wan = (x: number): string => (Number.isFinite(x) ? `${wanAmount(x, Math.abs(x) < 1e6 ? 1 : 0, "fixed")}万` : "–");
const signed = (x: number): string => `${x >= 0 ? "+" : ""}${wan(x)}`;
const channels = (d: OptimizedDesignJson["design"]): string =>
  Object.entries(d.channels)
    .map(([tier, c]) => `${tier} → ${c}`)
    .join(", ");

/** One design's description in lines. */
function designLines(d: OptimizedDesignJson["design"]): string[] {
  const cap = Object.entries(d.capacityPerWeek)
    .filter(([tier]) => d.channels[tier] !== "none")
    .map(([tier, c]) => `${tier} ${typeof c === "number" ? c.toFixed(1) : c}`)
    .join(", ");
  const stages = d.stageTiers === "all" ? "every tier with a channel" : "the plan's tiers";
  const how = capacitySourceText(d.allocation);
  return [
    `  channels (tier → the tier whose intervention it gets): ${channels(d)}`,
    `  tier cut-offs (top-k% by rank): ${d.cumulativeShares.map(pct).join(" / ")}; stages contact ${stages}`,
    `  capacity a week at full scale: ${cap || "none"} (${how}); queue ${d.queueRule}; contact after at least ${d.minContactDelayDays} days`,
  ];
}

/**
 * The result as text: plan against best, the best design, the bridge, the frontier and the notes.
 *
 * @example
 * optimizeText(result, "seed-plan-uncertain.json").split("\n")[0] // "seed-plan-uncertain.json: design search, ..."
 */
export function optimizeText(r: OptimizeResult, source: string): string {
  const row = (label: string, a: string, b: string): string => `${label.padEnd(30)}${a.padStart(20)}${b.padStart(20)}`;
  const c = r.constraints;
  const objective = r.objective === "npv" ? "3-year NPV" : "first-year net cash";
  const staffing = c.staffing.map((s) => `${s.channel} ≤ ${s.maxPerWeek.toFixed(1)} contacts a week`).join(", ");
  const gate = (x: number): string => `${x >= 0 ? "+" : "−"}${pct(Math.abs(x))}`;
  const lines = [
    `${source}: design search, objective expected ${objective}, ${r.trials.toLocaleString("en-US")} draws (seed ${r.seed}); ` +
      `${r.search.evaluated} designs in ${r.search.passes} passes`,
    `constraints: first-year cost ≤ ${wan(c.budgetYuan)}, P(MVP gate) ≥ ${pct(c.minProbMvpPass)}, ${staffing}`,
    "",
    row("", "plan's design", "best design"),
    row("expected NPV", `${wan(r.plan.npv.mean)} (±${wan(r.plan.npv.se)})`, `${wan(r.best.npv.mean)} (±${wan(r.best.npv.se)})`),
    row("NPV P5 … P95", `${wan(r.plan.npvQuantiles.p5)} … ${wan(r.plan.npvQuantiles.p95)}`, `${wan(r.best.npvQuantiles.p5)} … ${wan(r.best.npvQuantiles.p95)}`),
    row("P(NPV > 0)", pct(r.plan.probNpvPositive.value), pct(r.best.probNpvPositive.value)),
    row("first-year net cash", wan(r.plan.cashNet.mean), wan(r.best.cashNet.mean)),
    row("first-year cost", wan(r.plan.firstYearCost.mean), wan(r.best.firstYearCost.mean)),
    row("customers kept (end of year 1)", r.plan.retained.mean.toFixed(0), r.best.retained.mean.toFixed(0)),
    row("first-year ROI (lifetime value)", pct(r.plan.roi.mean), pct(r.best.roi.mean)),
    row("MVP save rate (true)", pct(r.plan.mvpSaveRate.mean), pct(r.best.mvpSaveRate.mean)),
    row("P(MVP gate)", `${pct(r.plan.probMvpGate)} (±${pct(r.plan.probMvpGateSe)})`, `${pct(r.best.probMvpGate)} (±${pct(r.best.probMvpGateSe)})`),
    row("meets the constraints", r.plan.feasible ? "yes" : "no", r.best.feasible ? "yes" : "no"),
    ...[...r.plan.violations.map((v) => `  plan: ${v}`), ...r.best.violations.map((v) => `  best: ${v}`)],
    "",
    "best design:",
    ...designLines(r.best.design),
    "",
    "why it beats the plan's design (one change at a time, same draws; NPV change ± standard error, P(MVP gate) change):",
    ...r.bridge.map((s) => `  ${s.change.padEnd(78)} ${signed(s.npv.mean).padStart(10)} (±${wan(s.npv.se)})  ${gate(s.probMvpGate.mean)}`),
    `  ${"total (best − plan)".padEnd(78)} ${signed(r.difference.npv.mean).padStart(10)} ` +
      `(±${wan(r.difference.npv.se)})  ${gate(r.difference.probMvpGate.mean)}`,
    "",
    "efficient frontier (expected first-year cost → customers kept at the end of year 1, expected NPV):",
    ...r.frontier.map((p) => `  ${wan(p.cost).padStart(8)} → ${p.retained.toFixed(0).padStart(6)}   NPV ${wan(p.npv)}`),
    "",
    ...r.notes.map((n) => `note: ${n}`),
    "",
  ];
  return lines.join("\n");
}

/**
 * `churnlab optimize <plan> [--budget YUAN] [--seed S] [--objective npv|cash] [--json] ...`:
 * searches programme designs (channels per tier, cut-offs, capacity,
 * targeting, queue rule, delay) for the highest expected 3-year NPV (or
 * first-year net cash) under the budget, P(MVP gate) and staffing, every
 * design on the same draws. JSON: `{"plan": {"npv": {"mean", "se"},
 * "probMvpGate", ...}, "best": {"npv", "probMvpGate", "design", ...},
 * "frontier": [{"cost", "retained", ...}], "bridge": [...], ...}`, money in
 * yuan. Progress lines go to stderr.
 *
 * @example
 * // churnlab optimize data/plans/seed-plan-uncertain.json --seed 1 --json
 */
export function optimizeCommand(): Command {
  return new Command("optimize")
    .description("Search programme designs for the highest expected NPV under the budget, the MVP gate and staffing (same draws for every design)")
    .argument("<plan>", "plan JSON with distributions (e.g. data/plans/seed-plan-uncertain.json)")
    .option("--budget <yuan>", "first-year budget, yuan (default: the plan's stated first-year total)")
    .option("-s, --seed <n>", "seed of the draws (integer; same seed, same result)", "1")
    .option("--objective <name>", "npv (expected 3-year NPV) or cash (expected first-year net cash)", "npv")
    .option("-n, --trials <n>", "draws of the final comparison, 1000..1000000", "20000")
    .option("--search-trials <n>", "draws per design during the search (the first of the same draws), 500..1000000", "4000")
    .option("--min-gate <p>", "minimum P(the design truly passes the MVP gate), 0..1", "0")
    .option("--staff-multiple <x>", "visit and advisor channels at most this multiple of the plan's capacity", "2")
    .option("--cross-channel <f>", "share of its effect a channel keeps on riskier customers than its own tier's, 0..1", "0.5")
    .option("--panel <n>", "customers of the simulated panel, 10000..400000", "50000")
    .option("-w, --workers <n>", "worker threads building design models, 0..64 (the result does not depend on it)")
    .option("--json", "print JSON (money in yuan)")
    .action(
      action(async (file: string, flags: OptimizeFlags) => {
        const options = optimizeOptions(flags);
        const plan = loadUncertainPlan(file);
        for (const w of plan.assumptions.warnings) process.stderr.write(`warning: ${w}\n`);
        const result = await optimizeProgramme(plan, { ...options, onProgress: (m) => process.stderr.write(`${m}\n`) });
        if (flags.json) printJson(result);
        else process.stdout.write(optimizeText(result, file));
      }),
    );
}
