/** One label in both languages. Placeholders are written `{name}` and must match in zh and en. */
export interface LabelText {
  zh: string;
  en: string;
}

/** A domain's labels: id -> texts. Ids are prefixed with the domain (`plan.`, `models.`, ...). */
export type LabelSet = Record<string, LabelText>;
