import type { LabelSet } from "./LabelSet";

/**
 * Labels of the report domain's charts and pages. Ids start with `report.`.
 * Owned by the report layer's helper: add entries here, both languages, `{name}` placeholders identical in zh and en.
 */
export const reportLabels = {
} as const satisfies LabelSet;
