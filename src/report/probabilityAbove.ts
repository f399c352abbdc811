import { probabilityEstimate, type ProbabilityEstimate } from "../simulation/stats/summaries";

/**
 * The share of a simulated sample strictly above a bar, with its binomial
 * standard error (`probabilityEstimate` in src/simulation): e.g. the share
 * of Monte Carlo trials whose ROI beats the plan's stated 359%. NaN values
 * count as not above; an empty sample gives NaN.
 *
 * @example
 * probabilityAbove([1, 2, 3, 4], 2.5) // { value: 0.5, se: 0.25 }
 */
export function probabilityAbove(sample: ArrayLike<number>, bar: number): ProbabilityEstimate {
  let above = 0;
  for (let i = 0; i < sample.length; i += 1) if (sample[i]! > bar) above += 1;
  return probabilityEstimate(above, sample.length);
}
