// Generic checks over every figure builder (tests/charts/figureGallery.ts):
// each exported builder has a gallery entry, takes a title, and meets the
// house rules (a title, axis titles) in both languages.
import { describe, expect, it } from "vitest";
import * as charts from "../../src/charts";
import * as report from "../../src/report";
import { figureProblems } from "../../src/charts/figureProblems";
import { builderNames, figureGallery } from "./figureGallery";

const titleText = (figure: { layout: Record<string, unknown> }): unknown => (figure.layout["title"] as { text?: unknown } | undefined)?.text;

describe("the figure gallery", () => {
  it("has an entry for every builder src/charts and src/report export (a new builder must join it)", () => {
    const exported = [...builderNames(charts as Record<string, unknown>), ...builderNames(report as Record<string, unknown>)].sort();
    expect(figureGallery.map((e) => e.builder).sort()).toEqual(exported);
  });

  for (const entry of figureGallery) {
    if (entry.noTitle === undefined) {
      it(`${entry.builder} meets the house rules (a title, axis titles) in zh and en`, async () => {
        for (const lang of ["zh", "en"] as const) expect(figureProblems(await entry.build(lang)), lang).toEqual([]);
      });

      it(`${entry.builder} takes a title`, async () => {
        const own = await entry.build("en");
        const custom = await entry.build("en", "Qini, plan's world · 计划情形");
        expect(titleText(custom)).toBe("Qini, plan's world · 计划情形");
        // Only the title changes: the figure is otherwise the builder's own.
        expect({ ...custom.layout, title: undefined }).toEqual({ ...own.layout, title: undefined });
        expect(custom.data).toEqual(own.data);
      });
    }
  }
});
