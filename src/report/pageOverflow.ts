/// <reference lib="dom" />
import type { Browser } from "playwright-core";
import { InputError, type InputProblem } from "../io/InputError";
import type { CeoPageInputs } from "./CeoPageInputs";

/** A plan text as drawn on the CEO page: its JSON path, length and the lines it takes. */
export interface DrawnField {
  field: string;
  characters: number;
  lines: number;
}

/** Lines a plan text may take before it counts as the reason a page overflows. */
const maxFieldLines = 2;

/** Tiers and rollout stages the page's panels hold on one A4 sheet (more push it onto a second page). */
const roomFor = { tiers: 4, stages: 4 } as const;

/**
 * Measures every plan text on the CEO page (elements marked `data-field` by
 * `buildCeoPage`) as Chromium draws it on an A4-wide page.
 *
 * @param browser an open browser
 * @param html the page
 * @param size the page size in CSS px (A4: 794 × 1123)
 * @returns one entry per marked text, in page order
 */
async function measureFields(browser: Browser, html: string, size: { width: number; height: number }): Promise<DrawnField[]> {
  // The texts' lines depend on the page's widths and fonts, not on the charts: measure without the inlined plotly bundle
  // (11 MB of script to parse) and without waiting for charts to draw.
  const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
  try {
    await page.setContent(html.replace(/<script\b[\s\S]*?<\/script>/g, ""), { waitUntil: "load", timeout: 120_000 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>("[data-field]")).map((el) => {
        const style = getComputedStyle(el);
        const lineHeight = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.2;
        return {
          field: el.dataset["field"] ?? "$",
          characters: (el.textContent ?? "").length,
          lines: Math.round(el.getBoundingClientRect().height / lineHeight),
        };
      }),
    );
  } finally {
    await page.close();
  }
}

/**
 * Why a CEO page does not fit on one A4 page, as problems of the plan file:
 * each plan text that takes more than {@link maxFieldLines} lines (longest
 * first), else too many tiers or rollout stages for the page's panels.
 * Empty when the plan holds no such cause (then the layout itself is at fault).
 *
 * @param fields the page's plan texts as drawn ({@link measureFields})
 * @param inputs the page's inputs
 * @param pages the number of pages the page printed on
 * @example
 * overflowProblems([{ field: "$.name", characters: 2100, lines: 24 }], inputs, 2)
 * // [{ where: "$.name", message: "2,100 characters take 24 lines on the CEO page, which must fit one A4 page (it prints on 2):
 * //   shorten this text to about 170 characters" }]
 */
export function overflowProblems(fields: readonly DrawnField[], inputs: CeoPageInputs, pages: number): InputProblem[] {
  const long = fields.filter((f) => f.lines > maxFieldLines).sort((a, b) => b.lines - a.lines);
  const problems: InputProblem[] = long.map((f) => {
    const fit = Math.max(20, Math.floor(((f.characters / f.lines) * maxFieldLines) / 10) * 10);
    return {
      where: f.field,
      message:
        `${f.characters.toLocaleString("en-US")} characters take ${f.lines} lines on the CEO page, which must fit one A4 page ` +
        `(it prints on ${pages}): shorten this text to about ${fit} characters`,
    };
  });
  if (problems.length > 0) return problems;
  const { tiers, rollout } = inputs.plan;
  if (tiers.length > roomFor.tiers)
    problems.push({
      where: "$.tiers",
      message: `${tiers.length} tiers do not fit on the one-page CEO summary (it prints on ${pages} pages; room for ${roomFor.tiers})`,
    });
  if (rollout.length > roomFor.stages)
    problems.push({
      where: "$.rollout",
      message: `${rollout.length} rollout stages do not fit on the one-page CEO summary (it prints on ${pages} pages; room for ${roomFor.stages})`,
    });
  return problems;
}

/**
 * The error for a CEO page that prints on more than one page: an
 * InputError naming the plan's fields at fault (CLI exit 2), or a plain
 * Error when the plan holds no such cause.
 *
 * @throws never; returns the error to throw
 */
export async function pageOverflowError(
  browser: Browser,
  html: string,
  size: { width: number; height: number },
  inputs: CeoPageInputs,
  pages: number,
): Promise<Error> {
  const problems = overflowProblems(await measureFields(browser, html, size), inputs, pages);
  if (problems.length > 0) return new InputError(inputs.planFile.name, problems);
  return new Error(`the CEO page does not fit on one A4 page: it prints on ${pages} pages`);
}
