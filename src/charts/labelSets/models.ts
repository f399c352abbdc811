import type { LabelSet } from "./LabelSet";

/**
 * Labels of the models domain's charts and pages. Ids start with `models.`.
 * Owned by the models layer's helper: add entries here, both languages, `{name}` placeholders identical in zh and en.
 */
export const modelsLabels = {
} as const satisfies LabelSet;
