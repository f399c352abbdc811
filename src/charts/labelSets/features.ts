import type { LabelSet } from "./LabelSet";

/**
 * Labels of the features domain's charts and pages. Ids start with `features.`.
 * Owned by the features layer's helper: add entries here, both languages, `{name}` placeholders identical in zh and en.
 */
export const featuresLabels = {} as const satisfies LabelSet;
