/**
 * Area under the ROC curve of scores against 0/1 labels, computed by sorting
 * positives and negatives apart (LSD radix sort on the bit patterns) and counting, for
 * each positive, the negatives below it plus half those tied with it: the
 * Mann–Whitney U statistic (Hanley & McNeil 1982), U / (n1·n0).
 *
 * Gives exactly (bit for bit) what `rocAuc` from src/models/metrics returns
 * for finite scores: U is a sum of halves below 2^53, exact in binary64, and
 * both divide it by n1·n0. It skips the mid-rank vector and the comparator
 * sort: about 10 times faster on the rollout's gate samples (10^5..10^6 scores).
 *
 * @param scores finite scores, higher = more likely positive (NaN is not checked: callers drop it).
 * @param labels 0/1, same length (any non-1 counts as negative).
 * @returns AUC in [0, 1]; NaN when either class is absent (including empty input).
 * @throws RangeError on a length mismatch.
 * @example
 * gateAuc(Float64Array.from([0.1, 0.4, 0.35, 0.8]), Uint8Array.from([0, 0, 1, 1])) // 0.75
 */
export function gateAuc(scores: Float64Array, labels: Uint8Array): number {
  const n = scores.length;
  if (labels.length !== n) throw new RangeError(`gateAuc: ${n} scores but ${labels.length} labels`);
  let positives = 0;
  for (let i = 0; i < n; i += 1) if (labels[i] === 1) positives += 1;
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  const pos = new Float64Array(positives);
  const neg = new Float64Array(negatives);
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i += 1) {
    if (labels[i] === 1) pos[a++] = scores[i]!;
    else neg[b++] = scores[i]!;
  }
  sortFinite(pos);
  sortFinite(neg);
  // Two pointers: below = negatives strictly below pos[i], upTo = negatives <= pos[i] (-0 and +0 tie, as in rocAuc).
  let u = 0;
  let below = 0;
  let upTo = 0;
  for (let i = 0; i < positives; i += 1) {
    const s = pos[i]!;
    while (below < negatives && neg[below]! < s) below += 1;
    if (upTo < below) upTo = below;
    while (upTo < negatives && neg[upTo]! <= s) upTo += 1;
    u += below + (upTo - below) / 2;
  }
  return u / (positives * negatives);
}

const RADIX_MIN = 512;

/**
 * Sorts finite doubles ascending in place: LSD radix sort, four 16-bit
 * digits of the IEEE-754 bit pattern (constant digits skipped), then the
 * negatives (which sort last and reversed as unsigned patterns) moved to the
 * front in reverse. Small arrays use the native sort. Assumes little-endian
 * words (x86, ARM) and no NaN.
 */
function sortFinite(values: Float64Array): void {
  const n = values.length;
  if (n < RADIX_MIN) {
    values.sort();
    return;
  }
  const counts = new Uint32Array(4 * 65536);
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  for (let i = 0; i < n; i += 1) {
    const lo = words[2 * i]!;
    const hi = words[2 * i + 1]!;
    counts[lo & 0xffff]! += 1;
    counts[65536 + (lo >>> 16)]! += 1;
    counts[131072 + (hi & 0xffff)]! += 1;
    counts[196608 + (hi >>> 16)]! += 1;
  }
  let src: Float64Array = values;
  let dst: Float64Array = new Float64Array(n);
  for (let d = 0; d < 4; d += 1) {
    const base = d * 65536;
    const word = d >> 1;
    const shift = (d & 1) * 16;
    const srcWords = new Uint32Array(src.buffer, src.byteOffset, 2 * n);
    if (counts[base + ((srcWords[word]! >>> shift) & 0xffff)] === n) continue; // one value of this digit: the pass would not move anything
    let sum = 0;
    for (let b = base; b < base + 65536; b += 1) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i += 1) {
      const b = base + ((srcWords[2 * i + word]! >>> shift) & 0xffff);
      dst[counts[b]!] = src[i]!;
      counts[b]! += 1;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  // Negatives (sign bit set) form the tail in increasing magnitude: reverse them to the front.
  const srcWords = new Uint32Array(src.buffer, src.byteOffset, 2 * n);
  let firstNegative = n;
  while (firstNegative > 0 && srcWords[2 * (firstNegative - 1) + 1]! >= 0x80000000) firstNegative -= 1;
  const negatives = n - firstNegative;
  if (src === values) {
    if (negatives === 0) return;
    dst.set(values);
    src = dst;
  }
  for (let i = 0; i < negatives; i += 1) values[i] = src[n - 1 - i]!;
  values.set(src.subarray(0, firstNegative), negatives);
}
