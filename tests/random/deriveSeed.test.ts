import { describe, expect, test } from "vitest";
import { deriveSeed } from "../../src/random";

describe("deriveSeed", () => {
  test("joins the master seed and the stream name with a slash", () => {
    expect(deriveSeed(42, "demand")).toBe("42/demand");
    expect(deriveSeed("42", "demand")).toBe("42/demand");
  });

  test("escapes separators so no two (seed, name) pairs collide", () => {
    expect(deriveSeed("run 7", "a/b")).toBe("run%207/a%2Fb");
    expect(deriveSeed("1/a", "b")).not.toBe(deriveSeed("1", "a/b"));
  });

  test("rejects NaN or infinite master seeds and empty names", () => {
    expect(() => deriveSeed(Number.NaN, "x")).toThrow(RangeError);
    expect(() => deriveSeed(Infinity, "x")).toThrow(RangeError);
    expect(() => deriveSeed(1, "")).toThrow(RangeError);
  });
});
