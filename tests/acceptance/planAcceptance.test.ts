// Item 11 of issue 11: a plan that `churnlab plan` accepts is accepted by every other command. Plans are the
// article's plan with a few numbers moved to the edges of what the schema allows, or lists cut short.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { planCommand } from "../../src/cli/commands/plan";
import { rolloutCommand } from "../../src/cli/commands/rollout";
import { sensitivityCommand } from "../../src/cli/commands/sensitivity";
import { simulateCommand } from "../../src/cli/commands/simulate";
import { weeklyCommand } from "../../src/cli/commands/weekly";
import { collectCeoInputs } from "../../src/report/collectCeoInputs";
import { buildCeoPage } from "../../src/report/buildCeoPage";
import { rolloutGateProblems } from "../../src/simulation/rollout/rolloutGateProblems";
import { parsePlan } from "../../src/plan/parsePlan";
import { runCommand } from "../helpers/captureOutput";
import { seedPlanJson } from "../simulation/fixtures";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-plan-accept-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Json = Record<string, unknown> | unknown[];
const seed = seedPlanJson();

/** Paths of every number and every list in the seed plan. */
function paths(
  value: unknown,
  at: Array<string | number> = [],
  out = { numbers: [] as Array<Array<string | number>>, lists: [] as Array<Array<string | number>> },
) {
  if (Array.isArray(value)) {
    out.lists.push(at);
    value.forEach((v, i) => {
      paths(v, [...at, i], out);
    });
  } else if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  else if (typeof value === "number") out.numbers.push(at);
  return out;
}
const { numbers, lists } = paths(seed);

/** Values at the edges of the schema's ranges (fractions, days, months, money, counts), and just past them. */
const edges = [0, 1e-9, 0.01, 0.5, 0.95, 1, 2, 7, 30, 120, 365, 3650, 5_000_000, 1e9, 1e12, 1e15, -1];

const at = (path: Array<string | number>): number => path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], seed) as number;

/** One change: a number set to an edge value or scaled (which keeps more plans valid), or a list cut to its first 0-2 items. */
const mutation = fc.oneof(
  fc.record({ path: fc.constantFrom(...numbers), value: fc.constantFrom(...edges) }),
  fc.constantFrom(...numbers).chain((path) => fc.constantFrom(0, 0.1, 0.5, 0.9, 1.1, 2, 10).map((k) => ({ path, value: at(path) * k }))),
  fc.record({ path: fc.constantFrom(...lists), keep: fc.nat({ max: 2 }) }),
);

function apply(plan: Record<string, unknown>, m: { path: Array<string | number>; value?: number; keep?: number }): void {
  let node = plan as Json | undefined;
  for (const key of m.path.slice(0, -1))
    node = typeof node === "object" && node !== null ? ((node as Record<string | number, Json>)[key as string] as Json | undefined) : undefined;
  // An earlier change may have removed the place (a list cut short): nothing to change then.
  if (typeof node !== "object" || node === null) return;
  const last = m.path[m.path.length - 1] as string;
  const parent = node as Record<string, unknown>;
  if (m.value !== undefined) parent[last] = m.value;
  else if (Array.isArray(parent[last])) parent[last] = (parent[last] as unknown[]).slice(0, m.keep);
}

const accepted = (json: unknown): boolean => {
  try {
    parsePlan(json, "x");
    return true;
  } catch {
    return false;
  }
};

describe("a plan that `churnlab plan` accepts, every command accepts", () => {
  it("simulate, sensitivity, rollout, weekly and the CEO page's inputs run on every accepted edge plan (never exit 1)", async () => {
    const scores = path.join(dir, "s2.csv");
    const previous = path.join(dir, "s1.csv");
    fs.writeFileSync(scores, "customer_id,probability\nc1,0.96\nc2,0.51\nc3,0.2\n");
    fs.writeFileSync(previous, "customer_id,probability\nc1,0.2\nc2,0.2\nc3,0.2\n");
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const json = structuredClone(seed);
        for (const m of mutations) apply(json, m);
        if (!accepted(json)) return;
        checked += 1;
        const file = path.join(dir, `plan-${checked}.json`);
        fs.writeFileSync(file, JSON.stringify(json));
        const label = JSON.stringify(mutations);
        expect((await runCommand(planCommand, [file, "--json"])).exitCode, label).toBe(0);
        expect((await runCommand(simulateCommand, [file, "--trials", "400", "--workers", "0"])).stdout, label).not.toMatch(/NaN/);
        expect((await runCommand(sensitivityCommand, [file, "--trials", "100", "--sobol-samples", "64"])).exitCode, label).toBe(0);
        const weekly = await runCommand(weeklyCommand, [
          "--scores",
          scores,
          "--previous",
          previous,
          "--week",
          "2025-01-13",
          "--out",
          path.join(dir, `crm-${checked}`),
          "--plan",
          file,
        ]);
        expect(weekly.exitCode, `${label}\n${weekly.stderr}`).toBe(0);
        // The rollout refuses (exit 2) only a plan whose stage gates have no success criteria; the report skips its rollout then.
        const gated = rolloutGateProblems(parsePlan(json, file)).length === 0;
        const rollout = await runCommand(rolloutCommand, [file, "--trials", "1", "--customers", "1000", "--workers", "0", "--replicates", "1", "--json"]);
        expect(rollout.exitCode, `${label}\n${rollout.stderr}`).toBe(gated ? 0 : 2);
        const inputs = await collectCeoInputs(file, { trials: 400, seed: 1, workers: 0, rollout: false });
        // The page's words (the inlined plotly bundle aside) hold no NaN or undefined.
        for (const lang of ["zh", "en"] as const)
          expect(buildCeoPage(inputs, lang).replace(/<script[\s\S]*?<\/script>/g, ""), label).not.toMatch(/NaN|undefined/);
      }),
      { seed: Number(process.env["CHURNLAB_FUZZ_SEED"] ?? 20_251_124), numRuns: 20 * Number(process.env["CHURNLAB_FUZZ_SCALE"] ?? 1), endOnFailure: true },
    );
    // About a third of the random plans are valid: each of those went through every command.
    expect(checked).toBeGreaterThan(4);
  }, 1_800_000);

  it("the two plans of the issue are refused by `plan` itself, naming the field", async () => {
    const empty = { ...seed, timing: { ...(seed["timing"] as object), abTest: [] } };
    const huge = { ...seed, customers: 1e15 };
    for (const [json, where] of [
      [empty, "$.timing.abTest"],
      [huge, "$.customers"],
    ] as const) {
      const file = path.join(dir, `issue-${where}.json`);
      fs.writeFileSync(file, JSON.stringify(json));
      const r = await runCommand(planCommand, [file]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain(`${file}: ${where}: must`);
    }
  });
});
