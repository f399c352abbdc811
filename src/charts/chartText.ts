import type { Figure } from "./Figure";
import type { Lang } from "./labels";

/** The texts a figure builder takes besides its data: the language of its labels and, optionally, its own title. */
export interface ChartText {
  /** "zh" (default) or "en". */
  lang?: Lang;
  /** A title replacing the builder's default title (e.g. to name the scenario a chart shows). */
  title?: string;
}

/**
 * The language and title a builder was given: builders accept either a
 * language alone (`"en"`) or `{ lang, title }`.
 *
 * @example
 * chartText("en");                            // { lang: "en", title: undefined }
 * chartText({ title: "Qini, plan's world" }); // { lang: "zh", title: "Qini, plan's world" }
 */
export function chartText(text: Lang | ChartText | undefined): { lang: Lang; title: string | undefined } {
  if (text === undefined || typeof text === "string") return { lang: text ?? "zh", title: undefined };
  return { lang: text.lang ?? "zh", title: text.title };
}

/**
 * The figure with its title text replaced when a title is given (the title's
 * other settings, such as font and position, are kept). Pure.
 *
 * @example
 * withTitle(figure, "ROI, bottom-up").layout.title; // { text: "ROI, bottom-up", ... }
 */
export function withTitle(figure: Figure, title: string | undefined): Figure {
  if (title === undefined) return figure;
  return { ...figure, layout: { ...figure.layout, title: { ...figure.layout.title, text: title } } };
}
