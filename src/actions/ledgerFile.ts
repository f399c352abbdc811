import * as fs from "node:fs";
import { z } from "zod";
import { readJsonFile } from "../io/readJson";
import { InputError } from "../io/InputError";
import { isoToDay } from "../data/dates";
import type { Ledger, QueueEntry } from "./queueTypes";
import { csvField } from "../data/writeCsv";

const isoDate = z.string().refine((s) => !Number.isNaN(isoToDay(s)), "must be a date YYYY-MM-DD");

const queueEntrySchema = z.strictObject({
  week: isoDate,
  customerId: z.string().min(1),
  outletId: z.string(),
  probability: z.number().min(0).max(1),
  previousProbability: z.number().min(0).max(1).nullable(),
  tierNumber: z.number().int().min(1),
  tierId: z.string(),
  action: z.string(),
  budgetYuan: z.number().min(0),
  reason: z.enum(["crossed", "first-seen", "carried-over"]),
  firstDetected: isoDate,
  goldenWindowStart: isoDate,
  goldenWindowEnd: isoDate,
  advisorId: z.string(),
  status: z.enum(["assigned", "unassigned", "overflow"]),
  overflowReason: z.string(),
});

/**
 * The ledger file's schema (zod): `{ version: 1, weeks: [{ week, entries: QueueEntry[], expired: string[] }] }`, weeks strictly increasing.
 *
 * @example
 * ledgerSchema.safeParse({ version: 1, weeks: [] }).success; // true
 */
const ledgerSchema = z
  .strictObject({
    version: z.literal(1),
    weeks: z.array(z.strictObject({ week: isoDate, entries: z.array(queueEntrySchema), expired: z.array(z.string()) })),
  })
  .superRefine((ledger, ctx) => {
    ledger.weeks.forEach((w, i) => {
      const prev = ledger.weeks[i - 1];
      if (prev !== undefined && !(prev.week < w.week))
        ctx.addIssue({ code: "custom", path: ["weeks", i, "week"], message: `weeks must be in increasing order, ${w.week} follows ${prev.week}` });
    });
  });

/** File name of the ledger inside the output folder: "queue-ledger.json". */
export const ledgerFileName = "queue-ledger.json";

/**
 * Reads the queue ledger from a file; a missing file is an empty ledger
 * (the first run).
 *
 * @throws InputError(file, problems) when the file is not valid JSON or not a ledger (each problem with its JSON path).
 * @example
 * loadLedger("out/queue-ledger.json").weeks.length; // 0 on the first run
 */
export function loadLedger(file: string): Ledger {
  if (!fs.existsSync(file)) return { version: 1, weeks: [] };
  const json = readJsonFile(file, { what: "queue ledger" });
  const parsed = ledgerSchema.safeParse(json);
  if (!parsed.success) {
    throw new InputError(
      file,
      parsed.error.issues.map((i) => ({ where: `$${i.path.map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`)).join("")}`, message: i.message })),
    );
  }
  return parsed.data as Ledger;
}

/**
 * The queue CSV's columns, in order (snake_case, for CRM import).
 *
 * @example
 * queueCsvColumns[1]; // "customer_id"
 */
const queueCsvColumns = [
  "week",
  "customer_id",
  "outlet_id",
  "probability",
  "previous_probability",
  "tier",
  "tier_id",
  "action",
  "budget_yuan",
  "reason",
  "first_detected",
  "golden_window_start",
  "golden_window_end",
  "advisor_id",
  "status",
  "overflow_reason",
] as const;

/**
 * The queue as CSV text for the CRM: header {@link queueCsvColumns}, one row
 * per entry in priority order, `\n` line ends, probabilities to 4 decimals,
 * empty cells for missing values. Deterministic.
 *
 * @example
 * queueToCsv([]); // "week,customer_id,outlet_id,probability,...,overflow_reason\n"
 */
export function queueToCsv(queue: readonly QueueEntry[]): string {
  const lines = [queueCsvColumns.join(",")];
  const p4 = (x: number): string => String(Math.round(x * 1e4) / 1e4);
  for (const e of queue) {
    lines.push(
      [
        e.week,
        e.customerId,
        e.outletId,
        p4(e.probability),
        e.previousProbability === null ? "" : p4(e.previousProbability),
        String(e.tierNumber),
        e.tierId,
        e.action,
        String(e.budgetYuan),
        e.reason,
        e.firstDetected,
        e.goldenWindowStart,
        e.goldenWindowEnd,
        e.advisorId,
        e.status,
        e.overflowReason,
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}
