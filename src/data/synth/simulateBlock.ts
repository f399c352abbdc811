import type { SynthRun } from "./synthRun";
import { simulateWeek } from "./weeklyStep";

/**
 * Runs a block through burn-in and the history, calling `afterWeek(w)` after
 * each recorded week w = 0 .. weeks-1 (to drain the event buffers or report progress).
 *
 * @example
 * simulateBlock(createRun(settings, 1000, null)); // events in run.events, churn in run.state.churnDay
 */
export function simulateBlock(run: SynthRun, afterWeek?: (w: number) => void): void {
  const burnIn = run.settings.behaviour.burnInWeeks;
  const total = burnIn + run.settings.weeks;
  for (let t = 0; t < total; t++) {
    simulateWeek(run, t);
    if (t >= burnIn) afterWeek?.(t - burnIn);
  }
}
