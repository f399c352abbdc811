import type { Figure } from "../../src/charts/Figure";

// Reading a built CEO page the way a reader sees it, without a browser: its text (scripts removed, tags stripped,
// entities decoded, white space collapsed), the text of one section, and the chart specs the page embeds.

const entities: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&#39;": "'" };

/** Visible text of an HTML fragment: scripts, styles and the title removed, tags stripped, entities decoded, white space collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style|title)[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&(lt|gt|amp|quot|#39);/g, (m) => entities[m] ?? m)
    .replace(/\s+/g, " ")
    .trim();
}

/** The HTML of the first element `<tag class="cls…">…</tag>` (no nesting of the same tag inside). */
export function sectionHtml(html: string, tag: "section" | "header" | "footer" | "div", cls: string): string {
  const m = new RegExp(`<${tag} class="${cls}(?: [^"]*)?"[^>]*>([\\s\\S]*?)</${tag}>`).exec(html);
  if (m === null) throw new Error(`no <${tag} class="${cls}"> on the page`);
  return m[1]!;
}

/** The chart specs the page draws, by div id (the JSON in each chart's script). */
export function chartSpecs(html: string): Record<string, Figure> {
  const out: Record<string, Figure> = {};
  for (const m of html.matchAll(/var spec = (\{.*\});\n {2}var el = document\.getElementById\("([^"]+)"\);/g)) out[m[2]!] = JSON.parse(m[1]!) as Figure;
  return out;
}

/**
 * Every number printed in a text, as written: an optional sign, digits with
 * thousands separators and decimals, and a trailing % when there is one
 * ("-95%", "0.02", "2,332", "¥23.38M" gives "23.38"). Digits glued to a
 * letter (P10, A4, SHA-256) are not numbers a reader compares.
 */
export function numbersIn(text: string): string[] {
  return [...text.matchAll(/(?<![\p{L}\d.,-])-?\d[\d,]*(?:\.\d+)?%?/gu)].map((m) => m[0]);
}
