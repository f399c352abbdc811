import { z } from "zod";
import { InputError, type InputProblem } from "../../io/InputError";
import { readJsonFile } from "../../io/readJson";
import type { Plan } from "../../plan/index";
import { checkDesign } from "./designPlan";
import { NO_CHANNEL, type ProgrammeDesign, targetingRules } from "./programmeDesign";

const capacity = z.union([z.number().min(0, "must be a number of contacts a week >= 0"), z.literal("unlimited")]);

/** The zod schema of a design in JSON (as `churnlab optimize` prints it: an unlimited capacity is "unlimited"). */
export const designSchema = z.strictObject({
  channels: z.record(z.string(), z.string()),
  cumulativeShares: z.array(z.number().gt(0, "must be a share above 0").lt(1, "must be a share below 1")),
  capacityPerWeek: z.record(z.string(), capacity),
  stageTiers: z.enum(["plan", "all"]),
  allocation: z.enum(["plan", "direct", ...targetingRules]),
  queueRule: z.enum(["value-first", "oldest-first", "newest-first"]),
  minContactDelayDays: z.number().min(0, "must be a number of days >= 0").max(365, "must be at most 365 days"),
});

/**
 * Validates a design against the schema and the plan (tier ids, channels,
 * cut-offs), collecting every problem with its JSON path. Accepts a design,
 * or the JSON of `churnlab optimize` (its `best.design`).
 *
 * @throws InputError(source, problems)
 * @example
 * parseDesign(JSON.parse(text), "best.json", seedPlan).queueRule // "value-first"
 */
export function parseDesign(json: unknown, source: string, plan: Plan): ProgrammeDesign {
  const best = typeof json === "object" && json !== null && "best" in json ? json.best : undefined;
  const inner = typeof best === "object" && best !== null && "design" in best ? best.design : undefined;
  const prefix = inner !== undefined ? "$.best.design" : "$";
  const parsed = designSchema.safeParse(inner ?? json);
  if (!parsed.success)
    throw new InputError(
      source,
      parsed.error.issues.map((i) => ({
        where: [prefix, ...i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))].join(""),
        message: i.message,
      })),
    );
  const d = parsed.data;
  const design: ProgrammeDesign = {
    ...d,
    capacityPerWeek: Object.fromEntries(Object.entries(d.capacityPerWeek).map(([k, v]) => [k, v === "unlimited" ? Number.POSITIVE_INFINITY : v])),
  };
  const ids = new Set(plan.tiers.map((t) => t.id));
  const problems: InputProblem[] = [];
  for (const [tier, channel] of Object.entries(design.channels)) {
    if (!ids.has(tier)) problems.push({ where: `${prefix}.channels.${tier}`, message: `unknown tier (tiers: ${[...ids].join(", ")})` });
    if (channel !== NO_CHANNEL && !ids.has(channel))
      problems.push({ where: `${prefix}.channels.${tier}`, message: `unknown channel "${channel}" (a tier id or "none")` });
  }
  for (const tier of Object.keys(design.capacityPerWeek))
    if (!ids.has(tier)) problems.push({ where: `${prefix}.capacityPerWeek.${tier}`, message: "unknown tier" });
  if (problems.length === 0) {
    try {
      checkDesign(plan, design);
    } catch (err) {
      problems.push({ where: `${prefix}.cumulativeShares`, message: err instanceof Error ? err.message : String(err) });
    }
  }
  if (problems.length > 0) throw new InputError(source, problems);
  return design;
}

/**
 * Reads and validates a design file ({@link parseDesign}).
 *
 * @throws InputError(file, problems) when unreadable, not JSON or invalid.
 * @example
 * loadDesign("best.json", seedPlan).channels["very-high"] // "medium"
 */
export function loadDesign(file: string, plan: Plan): ProgrammeDesign {
  return parseDesign(readJsonFile(file, { what: "design file" }), file, plan);
}
