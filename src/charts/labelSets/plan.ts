import type { LabelSet } from "./LabelSet";

/**
 * Labels of the plan domain's charts and pages. Ids start with `plan.`.
 * Owned by the plan layer's helper: add entries here, both languages, `{name}` placeholders identical in zh and en.
 */
export const planLabels = {
} as const satisfies LabelSet;
