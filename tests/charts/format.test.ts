import { describe, expect, it } from "vitest";
import { formatNumber, formatPercent, formatWan, moneyAxis, tickFormats, yuanToWan } from "../../src/charts/format";

// Article figures (plan README, section 6): first-year cost 1,084万 = 10,840,000 yuan;
// total benefit 4,973万 (49,728,000 yuan); ROI 359% (3.5875); 200,000 customers.
describe("formatWan(yuan, lang)", () => {
  it("shows the article's first-year cost as 1,084 万元 (zh) and ¥10.84M (en)", () => {
    expect(formatWan(10_840_000)).toBe("1,084 万元");
    expect(formatWan(10_840_000, "en")).toBe("¥10.84M");
  });

  it("rounds the total benefit 49,728,000 yuan to the article's 4,973 万元", () => {
    expect(formatWan(49_728_000, "zh")).toBe("4,973 万元");
    expect(formatWan(49_728_000, "zh", 1)).toBe("4,972.8 万元");
  });

  it("keeps the sign of losses", () => {
    expect(formatWan(-2_800_000)).toBe("-280 万元");
    expect(formatWan(-2_800_000, "en")).toBe("-¥2.80M");
  });

  it("shows zero, and a dash for NaN and infinities", () => {
    expect(formatWan(0)).toBe("0 万元");
    expect(formatWan(Number.NaN)).toBe("–");
    expect(formatWan(Number.POSITIVE_INFINITY, "en")).toBe("–");
  });

  it("does not print -0 for tiny negatives", () => {
    expect(formatWan(-1)).toBe("0 万元");
  });

  it("rejects a bad number of digits", () => {
    expect(() => formatWan(1, "zh", -1)).toThrow(RangeError);
    expect(() => formatWan(1, "zh", 1.5)).toThrow(RangeError);
  });
});

describe("formatPercent(fraction, digits)", () => {
  it("shows the article's ROI 3.5875 as 359%", () => {
    expect(formatPercent(3.5875)).toBe("359%");
    expect(formatPercent(3.5875, 2)).toBe("358.75%");
  });

  it("shows rates with decimals and groups large percentages", () => {
    expect(formatPercent(0.125, 1)).toBe("12.5%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(123.4)).toBe("12,340%");
    expect(formatPercent(Number.NaN)).toBe("–");
  });
});

describe("formatNumber, yuanToWan, moneyAxis, tickFormats", () => {
  it("groups thousands", () => {
    expect(formatNumber(200_000)).toBe("200,000");
    expect(formatNumber(2160.456, 1)).toBe("2,160.5");
    expect(formatNumber(-12_000)).toBe("-12,000");
  });

  it("converts yuan to 万元 (1 万元 = 10,000 yuan)", () => {
    expect(yuanToWan(10_840_000)).toBe(1084);
  });

  it("plots money in 万元 in Chinese and in millions in English", () => {
    expect(moneyAxis("zh")).toEqual({ divisor: 10_000, unit: "万元" });
    expect(moneyAxis("en")).toEqual({ divisor: 1_000_000, unit: "M yuan" });
  });

  it("provides d3-format strings", () => {
    expect(tickFormats.percent).toBe(".0%");
    expect(tickFormats.thousands).toBe(",.0f");
  });
});
