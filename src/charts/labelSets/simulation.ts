import type { LabelSet } from "./LabelSet";

/**
 * Labels of the simulation domain's charts and pages. Ids start with `simulation.`.
 * Owned by the simulation layer's helper: add entries here, both languages, `{name}` placeholders identical in zh and en.
 */
export const simulationLabels = {
} as const satisfies LabelSet;
