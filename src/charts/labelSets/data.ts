import type { LabelSet } from "./LabelSet";

/**
 * Labels of the data domain's charts and pages. Ids start with `data.`.
 * Owned by the data layer's helper: add entries here, both languages, `{name}` placeholders identical in zh and en.
 */
export const dataLabels = {
} as const satisfies LabelSet;
