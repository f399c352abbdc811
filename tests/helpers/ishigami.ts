/**
 * The Ishigami test function (a test of `sobolIndices`, not a model of the programme) f = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁ with
 * x_i = −π + 2π u_i, a = 7, b = 0.1. Known indices: S₁ = 0.3139, S₂ = 0.4424,
 * S₃ = 0; ST₁ = 0.5576, ST₂ = 0.4424, ST₃ = 0.2437 (Ishigami & Homma 1990;
 * Saltelli et al. 2008, Global Sensitivity Analysis: The Primer, §4.7).
 *
 * @example
 * ishigami(Float64Array.from([0.75, 0.75, 0.5])) // 1 + 7 = 8 (x = π/2, π/2, 0)
 */
export function ishigami(u: ArrayLike<number>, a = 7, b = 0.1): number {
  const x1 = -Math.PI + 2 * Math.PI * (u[0] as number);
  const x2 = -Math.PI + 2 * Math.PI * (u[1] as number);
  const x3 = -Math.PI + 2 * Math.PI * (u[2] as number);
  return Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
}
