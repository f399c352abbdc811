/** Options of {@link nelderMead}. */
export interface NelderMeadOptions {
  /** Initial simplex step per coordinate (default 0.5, or 10% of |x0| when larger). */
  step?: number;
  /** Stop when the simplex's function values differ by less than this (default 1e-12). */
  tolerance?: number;
  /** Maximum function evaluations (default 2000 × dimension). */
  maxEvaluations?: number;
}

/** The minimum found by {@link nelderMead}. */
export interface NelderMeadResult {
  x: number[];
  value: number;
  evaluations: number;
}

/**
 * Minimises a function of a few parameters by the Nelder–Mead simplex
 * method (Nelder & Mead, Computer Journal 7, 1965; coefficients 1, 2, 0.5,
 * 0.5 as in Lagarias et al., SIAM J. Optim. 9, 1998), restarted once from its
 * own optimum to escape a collapsed simplex. Derivative-free, for the small
 * smooth fits of the decay curve. Non-finite function values count as +∞.
 *
 * @param f the function to minimise.
 * @param x0 starting point (finite).
 * @throws RangeError when x0 is empty or not finite.
 * @example
 * nelderMead(([a, b]) => (a - 1) ** 2 + (b + 2) ** 2, [0, 0]).x; // ≈ [1, -2] (to 1e-6)
 */
export function nelderMead(f: (x: number[]) => number, x0: readonly number[], options: NelderMeadOptions = {}): NelderMeadResult {
  const dim = x0.length;
  if (dim === 0 || x0.some((v) => !Number.isFinite(v))) throw new RangeError("nelderMead: x0 must be a non-empty finite vector");
  const tolerance = options.tolerance ?? 1e-12;
  const maxEvaluations = options.maxEvaluations ?? 2000 * dim;
  let evaluations = 0;
  const value = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const run = (start: readonly number[]): { x: number[]; v: number } => {
    let simplex: Array<{ x: number[]; v: number }> = [{ x: [...start], v: value([...start]) }];
    for (let i = 0; i < dim; i++) {
      const x = [...start];
      const step = options.step ?? Math.max(0.5, 0.1 * Math.abs(x[i] as number));
      x[i] = (x[i] as number) + step;
      simplex.push({ x, v: value(x) });
    }
    while (evaluations < maxEvaluations) {
      simplex.sort((a, b) => a.v - b.v);
      const best = simplex[0]!;
      const worst = simplex[dim]!;
      const second = simplex[dim - 1]!;
      if (Math.abs(worst.v - best.v) <= tolerance * (1 + Math.abs(best.v))) break;
      const centroid = new Array<number>(dim).fill(0);
      for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) centroid[j] = (centroid[j] as number) + (simplex[i]?.x[j] as number) / dim;
      const along = (t: number): number[] => centroid.map((c, j) => c + t * ((worst.x[j] as number) - c));
      const xr = along(-1);
      const vr = value(xr);
      if (vr < best.v) {
        const xe = along(-2);
        const ve = value(xe);
        simplex[dim] = ve < vr ? { x: xe, v: ve } : { x: xr, v: vr };
      } else if (vr < second.v) {
        simplex[dim] = { x: xr, v: vr };
      } else {
        const outside = vr < worst.v;
        const xc = along(outside ? -0.5 : 0.5);
        const vc = value(xc);
        if (vc < (outside ? vr : worst.v)) simplex[dim] = { x: xc, v: vc };
        else {
          simplex = simplex.map((p, i) => {
            if (i === 0) return p;
            const x = p.x.map((xj, j) => (best.x[j] as number) + 0.5 * (xj - (best.x[j] as number)));
            return { x, v: value(x) };
          });
        }
      }
    }
    simplex.sort((a, b) => a.v - b.v);
    return simplex[0]!;
  };
  const first = run(x0);
  const second = run(first.x);
  const best = second.v <= first.v ? second : first;
  return { x: best.x, value: best.v, evaluations };
}
