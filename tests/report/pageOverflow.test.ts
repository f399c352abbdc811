import { describe, expect, it } from "vitest";
import { overflowProblems } from "../../src/report/pageOverflow";
import { buildCeoPage } from "../../src/report/buildCeoPage";
import { seedInputs } from "./fixtures";

describe("overflowProblems: why a CEO page does not fit one A4 page, as plan fields", () => {
  it("names each plan text over two lines, longest first, with a length that would fit", async () => {
    const inputs = await seedInputs(4000, 1, undefined, false);
    const fields = [
      { field: "$.name", characters: 300, lines: 3 },
      { field: "$.tiers[0].intervention", characters: 90, lines: 1 },
      { field: "$.rollout[1].name", characters: 1200, lines: 12 },
    ];
    expect(overflowProblems(fields, inputs, 2)).toEqual([
      {
        where: "$.rollout[1].name",
        message: "1,200 characters take 12 lines on the CEO page, which must fit one A4 page (it prints on 2): shorten this text to about 200 characters",
      },
      {
        where: "$.name",
        message: "300 characters take 3 lines on the CEO page, which must fit one A4 page (it prints on 2): shorten this text to about 200 characters",
      },
    ]);
  });
  it("names the tiers when there are more than the page holds and no text is long", async () => {
    const inputs = await seedInputs(4000, 1, undefined, false);
    const tiers = Array.from({ length: 7 }, (_, i) => ({ ...inputs.plan.tiers[0]!, id: `t${i}` }));
    expect(overflowProblems([], { ...inputs, plan: { ...inputs.plan, tiers } }, 2)).toEqual([
      { where: "$.tiers", message: "7 tiers do not fit on the one-page CEO summary (it prints on 2 pages; room for 4)" },
    ]);
    expect(overflowProblems([], inputs, 2)).toEqual([]);
  });
  it("buildCeoPage marks every plan text it draws with its JSON path", async () => {
    const html = buildCeoPage(await seedInputs(4000, 1, undefined, false), "zh");
    const fields = [...html.matchAll(/data-field="([^"]+)"/g)].map((m) => m[1]);
    expect(fields).toContain("$.name");
    expect(fields).toContain("$.tiers[0].interventionZh");
    expect(fields).toContain("$.tiers[3].nameZh");
    expect(fields).toContain("$.rollout[0].nameZh");
    expect(fields.every((f) => !f!.includes("[-1]"))).toBe(true);
  });
});
