import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { auditRules } from "../../../src/plan/audit/auditRules";
import { findingIds, severities } from "../../../src/plan/Finding";
import { auditPlan } from "../../../src/plan/audit";
import { corrected, seed } from "./seedVariant";

describe("auditRules, the audit's table of rules", () => {
  it("has 30 uniquely named rules raising every FindingId exactly once, in the table's order", () => {
    expect(auditRules).toHaveLength(30);
    expect(new Set(auditRules.map((r) => r.name)).size).toBe(30);
    expect(auditRules.flatMap((r) => r.ids)).toEqual([...findingIds]);
    for (const rule of auditRules) {
      expect(rule.description.length).toBeGreaterThan(20);
      expect(rule.severities.length).toBeGreaterThan(0);
      for (const s of rule.severities) expect(severities).toContain(s);
    }
  });

  it("each rule raises only its own ids and severities on the seed plan (20 findings: 6 errors, 7 warnings, 7 info) and the corrected plan", () => {
    for (const plan of [seed, corrected])
      for (const rule of auditRules)
        for (const f of rule.check(plan)) {
          expect(rule.ids).toContain(f.id);
          expect(rule.severities).toContain(f.severity);
        }
    expect(auditRules.flatMap((r) => r.check(seed))).toHaveLength(20);
  });

  it("auditPlan is the table's findings, errors first, then warnings, then info, each in rule order", () => {
    const all = auditRules.flatMap((r) => r.check(seed));
    const bySeverity = severities.flatMap((s) => all.filter((f) => f.severity === s));
    expect(auditPlan(seed)).toEqual(bySeverity);
    expect(auditPlan(seed).map((f) => f.id)).toEqual([
      "cost.annual.product",
      "cost.tier.missing",
      "cost.firstYear.recomputed",
      "headline.roi",
      "headline.payback",
      "rollout.scope",
      "rollout.budget",
      "rollout.coverage",
      "model.ltv",
      "model.payback",
      "model.tierProbabilities",
      "model.lowTierSaveRate",
      "timing.reference",
      "benefit.referralValue",
      "benefit.roi",
      "benefit.payback",
      "model.saveRatesUnused",
      "model.npsUnused",
      "stopLoss.gap",
      "ceo.returnPerYuan",
    ]);
  });

  it("is listed rule by rule, in order and with its severities, in docs/programme.md under 'Audit rules'", () => {
    const docs = fs.readFileSync("docs/programme.md", "utf8");
    const section = docs.slice(docs.indexOf("## Audit rules"));
    const rows = section.split("\n").filter((l) => l.startsWith("| `"));
    expect(rows.map((l) => /^\| `([^`]+)`/.exec(l)?.[1])).toEqual(auditRules.map((r) => r.name));
    rows.forEach((row, i) => {
      const rule = auditRules[i]!;
      expect(row).toContain(`| ${rule.description} | ${rule.severities.join(", ")} |`);
    });
  });
});
