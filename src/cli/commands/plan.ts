import { Command } from "commander";
import { action, printJson } from "../run";
import { InputError } from "../../io/InputError";
import { loadUncertainPlan } from "../../simulation/inputs/uncertainPlan";
import { programmeSummary, type ProgrammeSummary } from "../../simulation/programme/programmeSummary";
import { asStated, auditPlan, planFigureKeys, recomputed, type Finding, type Plan, type PlanFigures } from "../../plan/index";
import { wanAmount } from "../../io/numberText";

/** Output languages of `churnlab plan`'s tables. */
export type PlanLang = "en" | "zh";

/** Raw option values of `churnlab plan`. */
interface PlanFlags {
  json?: boolean;
  lang: string;
  programme?: boolean;
}

/** The JSON document `churnlab plan --json` prints. */
export interface PlanReport {
  asStated: PlanFigures;
  recomputed: PlanFigures;
  /**
   * Each with `id` (a `FindingId`), `severity`, `path` (JSON path), `subject` (the cost line, tier, stage or
   * field, with its index), `stated`, `recomputed`, `message`.
   */
  findings: Finding[];
}

const rowLabels: Record<keyof PlanFigures, { en: string; zh: string }> = {
  oneTimeCost: { en: "One-time cost (万元)", zh: "一次性投入(万元)" },
  annualCost: { en: "Annual cost (万元)", zh: "年度费用(万元)" },
  firstYearCost: { en: "First-year cost (万元)", zh: "首年总投资(万元)" },
  retainedCustomers: { en: "Retained customers", zh: "挽回客户(人)" },
  retainedValue: { en: "Retained value (万元)", zh: "挽回价值(万元)" },
  referralCustomers: { en: "Referred customers", zh: "推荐新客户(人)" },
  referralValue: { en: "Referral value (万元)", zh: "口碑价值(万元)" },
  totalBenefit: { en: "Total benefit (万元)", zh: "总收益(万元)" },
  roi: { en: "ROI", zh: "首年ROI" },
  paybackMonths: { en: "Payback (months)", zh: "投资回收期(月)" },
};

const text = {
  figures: { en: "Figure", zh: "指标" },
  asStated: { en: "as stated", zh: "原文" },
  recomputed: { en: "recomputed", zh: "重新计算" },
  findings: { en: "Findings", zh: "审计发现" },
  counts: { en: "{e} errors, {w} warnings, {i} info", zh: "错误 {e} 项,警告 {w} 项,提示 {i} 项" },
  note: { en: "", zh: "(审计说明为英文)" },
} as const;

/**
 * Rounds the ROI and payback of a view to 4 decimals, as the plan states its
 * headline figures (roi 3.5875, payback 2.6158); money and counts are unchanged.
 * Non-finite values (no cost, no benefit) become null in JSON.
 *
 * @example
 * roundedFigures(asStated(seedPlan)).roi // 3.5875
 */
export function roundedFigures(figures: PlanFigures): PlanFigures {
  const round4 = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : x);
  return { ...figures, roi: round4(figures.roi), paybackMonths: round4(figures.paybackMonths) };
}

/**
 * The report `churnlab plan` prints: both views (ROI and payback to 4
 * decimals) and the audit findings.
 *
 * @example
 * planReport(loadPlan("data/plans/seed-plan.json")).asStated.firstYearCost // 10840000
 */
export function planReport(plan: Plan): PlanReport {
  return { asStated: roundedFigures(asStated(plan)), recomputed: roundedFigures(recomputed(plan)), findings: auditPlan(plan) };
}

/** Display width of a string in a terminal: CJK and full-width characters count 2. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}
const padEnd = (s: string, w: number): string => s + " ".repeat(Math.max(0, w - displayWidth(s)));
const padStart = (s: string, w: number): string => " ".repeat(Math.max(0, w - displayWidth(s))) + s;

function cell(key: keyof PlanFigures, value: number): string {
  if (!Number.isFinite(value)) return "—";
  if (key === "roi") return `${(value * 100).toFixed(2)}%`;
  if (key === "paybackMonths") return value.toFixed(2);
  if (key === "retainedCustomers" || key === "referralCustomers") return value.toLocaleString("en-US", { maximumFractionDigits: 1 });
  return (value / 10000).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 2 });
}

/**
 * Renders the report as plain-text tables: the two views side by side
 * (money in 万元, ROI in %) and the findings, errors first.
 *
 * @param lang "en" (default) or "zh" for the table labels; finding messages are English
 * @example
 * formatPlanReport("seed-plan.json", planReport(seedPlan), "en") // "Plan: ...\nFigure  as stated  recomputed\n..."
 */
export function formatPlanReport(title: string, report: PlanReport, lang: PlanLang = "en"): string {
  const header = [text.figures[lang], text.asStated[lang], text.recomputed[lang]];
  const rows = planFigureKeys.map((key) => [rowLabels[key][lang], cell(key, report.asStated[key]), cell(key, report.recomputed[key])]);
  const widths = header.map((h, j) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[j] ?? ""))));
  const line = (r: readonly string[]): string => r.map((c, j) => (j === 0 ? padEnd(c, widths[0] ?? 0) : padStart(c, widths[j] ?? 0))).join("   ");
  const rule = widths.map((w) => "-".repeat(w)).join("   ");
  const count = (s: Finding["severity"]): number => report.findings.filter((f) => f.severity === s).length;
  const counts = text.counts[lang]
    .replace("{e}", String(count("error")))
    .replace("{w}", String(count("warning")))
    .replace("{i}", String(count("info")));
  const out: string[] = [title, "", line(header), rule, ...rows.map(line), "", `${text.findings[lang]}: ${counts}${text.note[lang]}`];
  for (const f of report.findings) {
    out.push("", `[${f.severity}] ${f.id}  ${f.path}`, ...wrap(f.message, 96).map((l) => `  ${l}`));
  }
  return `${out.join("\n")}\n`;
}

function wrap(s: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of s.split(" ")) {
    if (current !== "" && displayWidth(current) + 1 + displayWidth(word) > width) {
      lines.push(current);
      current = word;
    } else current = current === "" ? word : `${current} ${word}`;
  }
  if (current !== "") lines.push(current);
  return lines;
}

/**
 * Loads a plan for `churnlab plan` with the command line's one plan loader
 * (`loadUncertainPlan`): a plain plan as it is, an uncertain plan (full form
 * or overlay) at its base values.
 *
 * @throws InputError naming the file and each JSON path.
 * @example
 * loadPlanForAudit("data/plans/seed-plan-uncertain.json").uncertain // true
 */
export function loadPlanForAudit(file: string): { plan: Plan; uncertain: boolean } {
  const loaded = loadUncertainPlan(file);
  return { plan: loaded.base, uncertain: loaded.uncertain };
}

/** The line that points from the plan's arithmetic to the reconciled figures. */
function reconcileHint(file: string): string {
  return `These are the plan's own figures. The programme model (newly high-risk customers through capacity-limited channels, saves that last a year, cash as well as lifetime value) reconciles them: churnlab plan ${file} --programme, or churnlab bridge ${file} for the step-by-step bridge.`;
}

/**
 * The programme model's view as text (money in 万元).
 *
 * @example
 * formatProgrammeSummary(programmeSummary(plan)).startsWith("\nProgramme model") // true
 */
export function formatProgrammeSummary(p: ProgrammeSummary): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const wan = (x: number): string => wanAmount(x, 1);
  const n = (x: number): string => Math.round(x).toLocaleString("en-US");
  const lines = [
    "",
    "Programme model at base values (see churnlab bridge for the steps from the stated ROI, with uncertainty)",
    `  first-year ROI on lifetime value ${pct(p.roi)}, in cash ${pct(p.cashRoi)}; ${p.npvYears}-year NPV ${wan(p.npv)}万; payback ${p.paybackMonths === null ? `not within ${p.npvYears} years` : `${p.paybackMonths.toFixed(1)} months`}`,
    `  first-year cost ${wan(p.firstYearCost)}万; customers kept at the end of year 1: ${n(p.retainedCustomers)}`,
    "  tier          contacts y1   flags/yr   lost/yr   expired/yr   delay (d)",
    ...p.tiers.map(
      (t) =>
        `  ${t.tierId.padEnd(12)} ${n(t.contactsYear1).padStart(12)} ${n(t.flagsPerYear).padStart(10)} ${n(t.lostPerYear).padStart(9)} ${n(t.expiredPerYear).padStart(12)} ${t.meanDelayDays.toFixed(1).padStart(11)}`,
    ),
    "  capacity (contacts a week) by stage and tier, and where it comes from:",
    ...p.capacities.map((c) => `    ${c.stageId} / ${c.tierId}: ${Number.isFinite(c.perWeek) ? c.perWeek.toFixed(1) : "no limit"} (${c.source})`),
    "  assumptions the plan does not state:",
    ...p.assumptions.map((a) => `    ${a.path} = ${a.value} (${a.source})`),
    "",
  ];
  return lines.join("\n");
}

/**
 * `churnlab plan <file> [--json] [--lang en|zh] [--programme]`: loads and validates a plan,
 * prints its first-year figures as stated and recomputed (tables in 万元, or
 * JSON `{ asStated, recomputed, findings }` with money in yuan and roi as a
 * fraction) and the audit findings. An uncertain plan (numbers given as
 * distributions) is shown at its base values, with a note on stderr. A bad
 * plan file exits 2 with one line per problem on stderr and nothing on stdout.
 *
 * @example
 * // churnlab plan data/plans/seed-plan.json --json
 */
export function planCommand(): Command {
  return new Command("plan")
    .description("Reproduce a retention plan's first-year figures (as stated and recomputed from their drivers) and audit them")
    .argument("<file>", "plan JSON file, e.g. data/plans/seed-plan.json (schema: src/plan/schema.ts); an uncertain plan is shown at its base values")
    .option("--json", "print JSON { asStated, recomputed, findings } (money in yuan, roi as a fraction; roi and paybackMonths to 4 decimals) instead of tables")
    .option("--lang <lang>", "language of the tables' labels: en or zh (finding messages are English)", "en")
    .option(
      "--programme",
      "also the programme model's view at base values: first-year ROI on lifetime value and in cash, 3-year NPV, contacts and capacity per tier (JSON: `programme`)",
    )
    .action(
      action((file: string, flags: PlanFlags) => {
        const lang = flags.lang.toLowerCase();
        if (lang !== "en" && lang !== "zh") throw new InputError("command line", [{ where: "--lang", message: `must be en or zh, got "${flags.lang}"` }]);
        const loaded = loadUncertainPlan(file);
        const { base: plan, uncertain } = loaded;
        if (uncertain)
          process.stderr.write(`note: ${file} is an uncertain plan: its figures are shown at each distribution's base value (churnlab simulate draws them)\n`);
        const report = planReport(plan);
        const programme = flags.programme === true ? programmeSummary(loaded) : undefined;
        if (flags.json) printJson(programme === undefined ? report : { ...report, programme });
        else {
          process.stdout.write(formatPlanReport(`${lang === "zh" ? "计划" : "Plan"}: ${plan.name} (${file})`, report, lang));
          process.stdout.write(programme === undefined ? `\n${reconcileHint(file)}\n` : formatProgrammeSummary(programme));
        }
      }),
    );
}
