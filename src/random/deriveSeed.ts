/**
 * The seed string of a named stream, derived from a master seed and the
 * stream's purpose: record it in results so any stream can be replayed.
 *
 * The seed is `encodeURIComponent(String(masterSeed)) + "/" +
 * encodeURIComponent(name)`: readable for ordinary seeds and names
 * (`42/demand`), and unambiguous because `/` inside either part is escaped,
 * so no two (masterSeed, name) pairs share a seed. A numeric master seed and
 * its decimal string give the same seed (`42` and `"42"`).
 *
 * @param masterSeed the run's master seed: a finite number or a string.
 * @param name the stream's purpose, non-empty (`"population"`, `"trial-costs"`).
 * @throws RangeError when masterSeed is NaN or infinite, or name is empty.
 * @example
 * deriveSeed(42, "demand");      // "42/demand"
 * deriveSeed("run 7", "a/b");    // "run%207/a%2Fb"
 */
export function deriveSeed(masterSeed: number | string, name: string): string {
  if (typeof masterSeed === "number" && !Number.isFinite(masterSeed)) {
    throw new RangeError(`deriveSeed: masterSeed must be finite, got ${masterSeed}`);
  }
  if (typeof name !== "string" || name.length === 0) {
    throw new RangeError("deriveSeed: name must be a non-empty string");
  }
  return `${encodeURIComponent(String(masterSeed))}/${encodeURIComponent(name)}`;
}
