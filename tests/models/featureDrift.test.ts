import { describe, expect, it } from "vitest";
import { driftAccumulator, featureDrift, featureProfiles, type FeatureProfile } from "../../src/models/featureDrift";
import { fitPreprocessor } from "../../src/models/preprocess";

describe("featureDrift (population stability index)", () => {
  it("is Σ (a − e)·ln(a/e) over the bins: 0.3·ln 1.6 + 0.3·ln 2.5 = 0.4159 for 50/50 -> 80/20", () => {
    const profile: FeatureProfile = { name: "x", kind: "numeric", edges: [0], shares: [0.5, 0.5, 0] };
    const x = [...Array(8).fill("-1"), ...Array(2).fill("1")] as string[];
    const [d] = featureDrift([profile], { x });
    expect(d?.psi).toBeCloseTo(0.3 * Math.log(1.6) + 0.3 * Math.log(2.5), 12);
    expect(d?.band).toBe("major");
  });

  it("puts 0.1 <= PSI < 0.25 in the moderate band and skips columns the table lacks", () => {
    const profile: FeatureProfile = { name: "c", kind: "categorical", levels: ["a", "b"], shares: [0.5, 0.5, 0, 0] };
    const c = [...Array(66).fill("a"), ...Array(34).fill("b")] as string[]; // 0.16·ln(1.32) + 0.16·ln(1/0.68) = 0.1061
    expect(featureDrift([profile, { ...profile, name: "absent" }], { c })).toEqual([
      { feature: "c", psi: expect.closeTo(0.16 * Math.log(1.32) - 0.16 * Math.log(0.68), 10), band: "moderate" },
    ]);
  });

  it("summed over batches of 3, 4 and 3 rows, gives the whole table's indices exactly", () => {
    const numeric: FeatureProfile = { name: "x", kind: "numeric", edges: [0], shares: [0.5, 0.5, 0] };
    const levels: FeatureProfile = { name: "c", kind: "categorical", levels: ["a", "b"], shares: [0.5, 0.5, 0, 0] };
    const x = ["-1", "1", "-1", "-1", "-1", "", "-1", "-1", "1", "-1"];
    const c = ["a", "a", "b", "a", "z", "a", "", "b", "a", "a"];
    const drift = driftAccumulator([numeric, levels, { ...levels, name: "absent" }]);
    for (const [from, to] of [
      [0, 3],
      [3, 7],
      [7, 10],
    ] as const)
      drift.add({ x: x.slice(from, to), c: c.slice(from, to) });
    expect(drift.rows()).toBe(10);
    expect(drift.result()).toEqual(featureDrift([numeric, levels], { x, c }));
    // x: 7 below the edge, 2 above, 1 missing against 0.5 / 0.5 / 0 (floored at 0.0001)
    expect(drift.result().find((d) => d.feature === "x")?.psi).toBeCloseTo(0.2 * Math.log(1.4) + 0.3 * Math.log(2.5) + 0.0999 * Math.log(1000), 12);
  });

  it("profiles the training rows only: deciles of numbers, levels with (other) and missing last", () => {
    const columns = {
      n: Array.from({ length: 200 }, (_, i) => String(i % 100)),
      c: Array.from({ length: 200 }, (_, i) => (i < 100 ? (i % 4 === 0 ? "b" : "a") : i % 2 ? "z" : "")),
    };
    const rows = Int32Array.from({ length: 100 }, (_, i) => i);
    const [n, c] = featureProfiles(fitPreprocessor(columns, {}, rows), columns, rows);
    expect(n).toMatchObject({ kind: "numeric", edges: [9, 19, 29, 39, 49, 59, 69, 79, 89] });
    expect(n?.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(n?.shares.at(-1)).toBe(0);
    expect(c).toEqual({ name: "c", kind: "categorical", levels: ["a", "b"], shares: [0.75, 0.25, 0, 0] });
    // the unseen half of the table: every numeric bin as in training, the category all "z" (other) or missing
    const unseen = Int32Array.from({ length: 100 }, (_, i) => i + 100);
    const drift = featureDrift([n as FeatureProfile, c as FeatureProfile], {
      n: unseen.map((r) => Number(columns.n[r])) as unknown as number[],
      c: Array.from(unseen, (r) => columns.c[r] as string),
    });
    expect(drift.find((d) => d.feature === "n")?.psi).toBeCloseTo(0, 12);
    expect(drift.find((d) => d.feature === "c")?.band).toBe("major");
  });
});
