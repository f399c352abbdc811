import { describe, expect, it } from "vitest";
import { labels, languages, placeholders, t, type LabelKey } from "../../src/charts/labels";
import { commonLabels } from "../../src/charts/labelSets/common";
import { planLabels } from "../../src/charts/labelSets/plan";
import { dataLabels } from "../../src/charts/labelSets/data";
import { featuresLabels } from "../../src/charts/labelSets/features";
import { modelsLabels } from "../../src/charts/labelSets/models";
import { actionsLabels } from "../../src/charts/labelSets/actions";
import { simulationLabels } from "../../src/charts/labelSets/simulation";
import { reportLabels } from "../../src/charts/labelSets/report";
import { designLabels } from "../../src/charts/labelSets/design";
import type { LabelSet } from "../../src/charts/labelSets/LabelSet";

const domainSections: Record<string, LabelSet> = {
  plan: planLabels,
  data: dataLabels,
  features: featuresLabels,
  models: modelsLabels,
  actions: actionsLabels,
  simulation: simulationLabels,
  report: reportLabels,
  design: designLabels,
};

describe("the label table", () => {
  const keys = Object.keys(labels) as LabelKey[];

  it("has a non-empty zh and en text for every key", () => {
    for (const key of keys) {
      for (const lang of languages) {
        expect(t(key, lang, Object.fromEntries(placeholders(labels[key][lang]).map((p) => [p, "x"]))).trim(), `${key} (${lang})`).not.toBe("");
      }
    }
  });

  it("uses the same {placeholders} in zh and en for every key", () => {
    for (const key of keys) {
      expect(placeholders(labels[key].en).sort(), key).toEqual(placeholders(labels[key].zh).sort());
    }
  });

  it("has no key defined in two sections (a later section would silently override an earlier one)", () => {
    const sections = [commonLabels, ...Object.values(domainSections)];
    const total = sections.reduce((sum, s) => sum + Object.keys(s).length, 0);
    expect(Object.keys(labels).length).toBe(total);
  });

  it("prefixes every domain section's keys with the domain name", () => {
    for (const [domain, section] of Object.entries(domainSections)) {
      for (const key of Object.keys(section)) expect(key.startsWith(`${domain}.`), key).toBe(true);
    }
  });

  it("names the four risk tiers of the plan's section 5.1 in both languages", () => {
    expect([1, 2, 3, 4].map((n) => t(`tier.${n}` as LabelKey, "zh"))).toEqual(["一级 极高风险", "二级 高风险", "三级 中风险", "四级 低风险"]);
    expect(t("tier.1", "en")).toBe("Tier 1 very high");
  });
});

describe("t(key, lang, params)", () => {
  it("defaults to Chinese", () => {
    expect(t("axis.probability")).toBe("概率");
  });

  it("fills {name} placeholders, numbers included", () => {
    expect(t("axis.amountIn", "zh", { unit: "万元" })).toBe("金额（万元）");
    expect(t("legend.band", "en", { low: 5, high: 95 })).toBe("5–95 percentile band");
  });

  it("throws a RangeError when a placeholder has no value", () => {
    expect(() => t("axis.amountIn", "en")).toThrow(RangeError);
    expect(() => t("legend.band", "en", { low: 5 })).toThrow(/\{high\}/);
  });

  it("throws a RangeError for a key unknown at run time", () => {
    expect(() => t("no.such.key" as LabelKey, "zh")).toThrow(RangeError);
  });

  it("rejects an unknown key at compile time", () => {
    // @ts-expect-error -- not a label id
    expect(() => t("tier.5", "zh")).toThrow(RangeError);
  });
});

describe("placeholders(text)", () => {
  it("lists names in order, and nothing for plain text", () => {
    expect(placeholders("{low}–{high} band")).toEqual(["low", "high"]);
    expect(placeholders("")).toEqual([]);
  });
});
