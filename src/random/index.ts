/*
 * src/random: seeded generators with named streams, samplers, CDFs and
 * quantiles. Every stochastic function takes its RandomSource as the first
 * argument; nothing here calls Math.random.
 */
export type { RandomSource } from "./RandomSource";
export { deriveSeed } from "./deriveSeed";
export { createStream, createStreamFromSeed, createStreams } from "./createStream";
export { FastRng } from "./FastRng";
export { sfc32Fill, sfc32NextUint32, sfc32NextUniform, sfc32StateFromSeed } from "./sfc32";
export { sampleUniform, uniformQuantile } from "./uniform";
export { normalCdf, normalQuantile, sampleNormal, standardNormalCdf, standardNormalQuantile } from "./normal";
export { lognormalCdf, lognormalFromMeanSd, lognormalQuantile, sampleLognormal } from "./lognormal";
export { gammaCdf, gammaQuantile, sampleGamma } from "./gamma";
export { betaCdf, betaQuantile, sampleBeta } from "./beta";
export { betaFromMeanConcentration, sampleBetaMeanConcentration } from "./betaMeanConcentration";
export { binomialCdf, binomialQuantile, sampleBinomial } from "./binomial";
export { poissonCdf, poissonQuantile, samplePoisson } from "./poisson";
export { sampleTriangular, triangularCdf, triangularQuantile } from "./triangular";
export { pertCdf, pertQuantile, pertShapes, samplePert } from "./pert";
export { logGamma, regularizedIncompleteBeta, regularizedLowerGamma } from "./specialFunctions";
