interface ContinuousReference {
    cdf(x: number, ...params: number[]): number;
    inv(p: number, ...params: number[]): number;
}
interface DiscreteReference {
    pdf(k: number, ...params: number[]): number;
    cdf(k: number, ...params: number[]): number;
}
interface JStatSubset {
    gammaln(x: number): number;
    normal: ContinuousReference;
    lognormal: ContinuousReference;
    gamma: ContinuousReference;
    beta: ContinuousReference;
    uniform: ContinuousReference;
    triangular: ContinuousReference;
    chisquare: ContinuousReference;
    binomial: DiscreteReference;
    poisson: DiscreteReference;
}
/** jStat 1.9.6, the reference implementation of CDFs and pmfs. */
export declare const jStat: JStatSubset;
/** n draws from a sampler. */
export declare function draws(n: number, sample: () => number): Float64Array;
/** Sample mean and variance, with the standard errors of both (the latter from the 4th central moment). */
export declare function moments(xs: Float64Array): {
    mean: number;
    variance: number;
    meanSe: number;
    varianceSe: number;
};
/**
 * Kolmogorov–Smirnov statistic D_n = sup |F_n(x) - F(x)| for a continuous CDF
 * (Kolmogorov 1933).
 */
export declare function ksStatistic(xs: Float64Array, cdf: (x: number) => number): number;
/** The asymptotic 1% critical value of D_n: K_{0.99} / sqrt(n), K_{0.99} = 1.6276 (Kolmogorov distribution). */
export declare function ksCritical1Percent(n: number): number;
/**
 * Pearson chi-square statistic of integer draws against a pmf, with the
 * upper and lower tails pooled so every cell expects >= 5 draws, and the
 * 1% critical value of chi-square with (cells - 1) degrees of freedom.
 */
export declare function chiSquareTest(xs: Float64Array, pmf: (k: number) => number): {
    statistic: number;
    critical: number;
    cells: number;
};
export {};
