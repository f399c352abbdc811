import seedrandom from "seedrandom";
import { describe, expect, test } from "vitest";
import { createStream, createStreamFromSeed, createStreams, deriveSeed } from "../../src/random";

describe("createStream", () => {
  test("pins the first values for seed 42, stream 'demand'", () => {
    const rng = createStream(42, "demand");
    // Pinned when written (seedrandom 3.0.5, xor4096.double seeded "42/demand").
    expect([rng(), rng(), rng()]).toEqual([0.5774608649259968, 0.0984979306961341, 0.22320640591921537]);
  });

  test("is seedrandom's xor4096 double() seeded with deriveSeed", () => {
    const reference = seedrandom.xor4096("42/demand").double;
    const rng = createStream(42, "demand");
    for (let i = 0; i < 100; i++) expect(rng()).toBe(reference());
  });

  test("the same seed and name give the same sequence", () => {
    const a = createStream("plan-2026", "costs");
    const b = createStream("plan-2026", "costs");
    for (let i = 0; i < 1000; i++) expect(a()).toBe(b());
  });

  test("different names or seeds give different, uncorrelated sequences", () => {
    const n = 20_000;
    const a = createStream(42, "costs");
    const b = createStream(42, "saves");
    const c = createStream(43, "costs");
    let sab = 0;
    let sac = 0;
    let equal = 0;
    for (let i = 0; i < n; i++) {
      const x = a() - 0.5;
      const y = b() - 0.5;
      const z = c() - 0.5;
      if (x === y || x === z) equal++;
      sab += x * y;
      sac += x * z;
    }
    // Correlation of independent uniforms: mean 0, sd 1/sqrt(n); 12 * (sum/n) estimates it.
    expect(equal).toBe(0);
    expect(Math.abs((12 * sab) / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs((12 * sac) / n)).toBeLessThan(4 / Math.sqrt(n));
  });

  test("draws lie in (0, 1)", () => {
    const rng = createStream(0, "range");
    for (let i = 0; i < 10_000; i++) {
      const u = rng();
      expect(u > 0 && u < 1).toBe(true);
    }
  });
});

describe("createStreams", () => {
  test("gives each name the stream createStream would", () => {
    const streams = createStreams(42, ["costs", "saves"] as const);
    expect(streams.costs()).toBe(createStream(42, "costs")());
    expect(streams.saves()).toBe(createStream(42, "saves")());
  });

  test("rejects a repeated name", () => {
    expect(() => createStreams(42, ["a", "a"])).toThrow(RangeError);
  });

  test("an empty list gives no streams", () => {
    expect(createStreams(42, [])).toEqual({});
  });
});

describe("createStreamFromSeed", () => {
  test("replays a stream from its recorded seed string", () => {
    const recorded = deriveSeed(42, "demand");
    const replay = createStreamFromSeed(recorded);
    const original = createStream(42, "demand");
    for (let i = 0; i < 100; i++) expect(replay()).toBe(original());
  });

  test("rejects an empty seed", () => {
    expect(() => createStreamFromSeed("")).toThrow(RangeError);
  });
});
