import type { LabelSet } from "./LabelSet";

/**
 * Labels of the actions domain's charts and pages. Ids start with `actions.`.
 * Owned by the actions layer's helper: add entries here, both languages, `{name}` placeholders identical in zh and en.
 */
export const actionsLabels = {
} as const satisfies LabelSet;
