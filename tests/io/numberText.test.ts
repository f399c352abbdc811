import { describe, expect, it } from "vitest";
import { groupDigits, percentText, wanAmount, yuanText } from "../../src/io/numberText";

// Expected texts: the seed plan's figures (data/plans/seed-plan.json) as the audit and the CLI print them.
describe("groupDigits", () => {
  it("groups thousands and trims or keeps decimals", () => {
    expect(groupDigits(1_440_000)).toBe("1,440,000");
    expect(groupDigits(1167.666, 1)).toBe("1,167.7");
    expect(groupDigits(1167.5, 2)).toBe("1,167.5");
    expect(groupDigits(1167.5, 2, "fixed")).toBe("1,167.50");
    expect(groupDigits(-2240.4, 0, "fixed", "")).toBe("-2240");
  });
  it("drops the sign of a value that rounds to zero, keeps NaN and infinities as words, refuses bad digits", () => {
    expect(groupDigits(-0.04, 1)).toBe("0");
    expect(groupDigits(-0.06, 1)).toBe("-0.1");
    expect(groupDigits(Number.NaN)).toBe("NaN");
    expect(groupDigits(Number.NEGATIVE_INFINITY)).toBe("-Infinity");
    expect(() => groupDigits(1, 11)).toThrow(RangeError);
    expect(() => groupDigits(1, 0.5)).toThrow(RangeError);
  });
  it("rounds the exact binary value as toFixed does (1.005 is 1.00499…)", () => {
    expect(groupDigits(1.005, 2, "fixed")).toBe("1.00");
  });
});

describe("money and percent texts", () => {
  it("wanAmount: yuan in 万, the CLI's 2,412.2万 and 1,084.0", () => {
    expect(wanAmount(24_122_000, 1)).toBe("2,412.2");
    expect(wanAmount(10_840_000, 1, "fixed")).toBe("1,084.0");
    expect(wanAmount(1_728_000, 2)).toBe("172.8");
  });
  it("yuanText: the audit's 4,800,000 yuan (480万)", () => {
    expect(yuanText(4_800_000)).toBe("4,800,000 yuan (480万)");
    expect(yuanText(1_728_000)).toBe("1,728,000 yuan (172.8万)");
  });
  it("percentText: up to one decimal by default", () => {
    expect(percentText(0.035)).toBe("3.5%");
    expect(percentText(0.77)).toBe("77%");
    expect(percentText(3.5875, 2)).toBe("358.75%");
  });
});
