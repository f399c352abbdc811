import seedrandom from "seedrandom";
import type { RandomSource } from "./RandomSource";
import { deriveSeed } from "./deriveSeed";

/**
 * A named, reproducible stream of uniforms on (0, 1) ⊂ [0, 1): the same
 * (masterSeed, name) always gives the same sequence, and streams with
 * different names are statistically independent.
 *
 * The generator is seedrandom's `xor4096`, Brent's xorgens
 * ("Some long-period random number generators using shifts and xors",
 * 2010): period 2^4096 - 2^32 (seedrandom README), passes TestU01 BigCrush (Brent), and
 * built for Monte Carlo. Its string seeding mixes every character of the
 * seed through 32 + max(128, length) xorshift rounds and 512 warm-up steps,
 * so seeds differing in one character give unrelated states; the huge period
 * makes overlap between named streams negligible. (`alea`, the other
 * candidate, has a 2^116 period and 32-bit outputs.) Each draw is the
 * generator's 53-bit `double()`: full double resolution and never exactly 0.
 *
 * For hot loops drawing millions of uniforms, use {@link FastRng} (several times
 * faster in hot loops, 32-bit resolution); this stream is for everything else.
 *
 * @param masterSeed the run's master seed (finite number or string).
 * @param name the stream's purpose (non-empty); see {@link deriveSeed}.
 * @throws RangeError when masterSeed is NaN/infinite or name is empty.
 * @example
 * const rng = createStream(42, "demand");
 * rng(); // 0.5774608649259968 (pinned in tests/random/createStream.test.ts)
 */
export function createStream(masterSeed: number | string, name: string): RandomSource {
  return createStreamFromSeed(deriveSeed(masterSeed, name));
}

/**
 * Several named streams from one master seed, as an object keyed by name.
 *
 * @param masterSeed the run's master seed (finite number or string).
 * @param names the streams' purposes (non-empty, distinct).
 * @throws RangeError as {@link createStream}, or when a name repeats.
 * @example
 * const { costs, saves } = createStreams(42, ["costs", "saves"] as const);
 * costs() === createStream(42, "costs")(); // true
 */
export function createStreams<const Name extends string>(masterSeed: number | string, names: readonly Name[]): Record<Name, RandomSource> {
  const streams = {} as Record<Name, RandomSource>;
  for (const name of names) {
    if (Object.hasOwn(streams, name)) {
      throw new RangeError(`createStreams: stream name "${name}" repeats`);
    }
    streams[name] = createStream(masterSeed, name);
  }
  return streams;
}

/**
 * The stream for a recorded seed string (from {@link deriveSeed}, e.g. read
 * back from a result file): `createStreamFromSeed(deriveSeed(m, n))` gives the
 * same sequence as `createStream(m, n)`.
 *
 * @param seed the recorded seed string, non-empty.
 * @throws RangeError when seed is empty.
 * @example
 * createStreamFromSeed("42/demand")(); // 0.5774608649259968, as createStream(42, "demand")()
 */
export function createStreamFromSeed(seed: string): RandomSource {
  if (typeof seed !== "string" || seed.length === 0) throw new RangeError("createStreamFromSeed: seed must be a non-empty string");
  return seedrandom.xor4096(seed).double;
}
