// Draws a figure on an export page and measures every text Plotly put in it,
// for the generic layout test (figureLayout.browser.test.ts).
import type { Page } from "playwright-core";
import type { Figure } from "../../src/charts/Figure";
import { applyTheme } from "../../src/charts/theme";
import { jsonForScript } from "../../src/charts/figureHtml";

/** A corner of a text's box, CSS px from the figure's top left. */
type Point = [x: number, y: number];

/** One drawn text: what it says, what it is (Plotly's class), its box's four corners (rotated with the text) and their bounding box, in CSS px from the figure's top left. */
export interface DrawnText {
  text: string;
  kind: string;
  corners: [Point, Point, Point, Point];
  box: [left: number, top: number, right: number, bottom: number];
  /** Drawn inside a subplot (trace text such as bar labels), which Plotly clips to the plot area. */
  inPlot: boolean;
}

/** What {@link drawTexts} measured. */
export interface DrawnFigure {
  width: number;
  height: number;
  texts: DrawnText[];
  /** Plot areas (subplot backgrounds), same coordinates as the texts. */
  plots: Array<[number, number, number, number]>;
}

// In-page code as a string: test transforms may rename helpers the page does not have.
const collect = `async (input) => {
  const el = document.createElement("div");
  el.style.width = input.width + "px";
  el.style.height = input.height + "px";
  document.body.appendChild(el);
  await window.Plotly.newPlot(el, input.spec.data, input.spec.layout, input.spec.config);
  await document.fonts.ready;
  const root = el.getBoundingClientRect();
  const box = (r) => [r.left - root.left, r.top - root.top, r.right - root.left, r.bottom - root.top];
  const kinds = ["gtitle", "xtitle", "ytitle", "y2title", "xtick", "ytick", "y2tick", "legendtext", "annotation", "bartext", "textpoint", "cbtitle", "cbaxis", "hm"];
  const kindOf = (node) => {
    for (let n = node; n && n !== el; n = n.parentElement) {
      const cls = String(n.getAttribute && n.getAttribute("class") || "");
      const hit = kinds.find((k) => cls.split(/\\s+/).some((c) => c === k || c.startsWith(k)));
      if (hit) return hit;
    }
    return "text";
  };
  const texts = [];
  for (const t of el.querySelectorAll("svg text")) {
    const text = (t.textContent || "").trim();
    if (text === "") continue;
    const style = getComputedStyle(t);
    if (style.visibility === "hidden" || Number(style.opacity) === 0 || Number(style.fillOpacity) === 0) continue;
    const r = t.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    // The glyphs' own box, turned with the text (tick labels are often rotated): its four corners on screen.
    const b = t.getBBox();
    const m = t.getScreenCTM();
    const corner = (x, y) => { const p = new DOMPoint(x, y).matrixTransform(m); return [p.x - root.left, p.y - root.top]; };
    const corners = [corner(b.x, b.y), corner(b.x + b.width, b.y), corner(b.x + b.width, b.y + b.height), corner(b.x, b.y + b.height)];
    texts.push({ text, kind: kindOf(t), corners, box: box(r), inPlot: t.closest(".plot") !== null });
  }
  const plots = Array.from(el.querySelectorAll(".bglayer .bg")).map((r) => box(r.getBoundingClientRect()));
  window.Plotly.purge(el);
  el.remove();
  return { width: input.width, height: input.height, texts, plots };
}`;

/**
 * Draws a themed figure at a size on a page with Plotly loaded and returns
 * the box of every visible text.
 *
 * @example
 * const drawn = await drawTexts(page, figure, { width: 900, height: 500 });
 */
export async function drawTexts(page: Page, figure: Figure, size: { width: number; height: number }): Promise<DrawnFigure> {
  const themed = applyTheme(figure);
  const spec = JSON.parse(
    jsonForScript({
      data: themed.data,
      layout: { ...themed.layout, width: size.width, height: size.height },
      config: { ...themed.config, responsive: false, staticPlot: true },
    }),
  ) as unknown;
  return page.evaluate(`(${collect})(${JSON.stringify({ spec, ...size })})`) as Promise<DrawnFigure>;
}

/** Pixels two boxes must share in both directions to count as overlapping (anti-aliasing and font metrics leave a little slack). */
const SLACK = 1.5;

/**
 * How far two convex boxes (corners in order) overlap: the smallest
 * penetration along the boxes' edge normals (separating axis theorem); 0 or
 * less when they do not touch.
 */
function overlapDepth(a: readonly Point[], b: readonly Point[]): number {
  let depth = Number.POSITIVE_INFINITY;
  for (const shape of [a, b]) {
    for (let k = 0; k < shape.length; k++) {
      const [x1, y1] = shape[k] as Point;
      const [x2, y2] = shape[(k + 1) % shape.length] as Point;
      const length = Math.hypot(x2 - x1, y2 - y1);
      if (length === 0) continue;
      const axis: Point = [(y1 - y2) / length, (x2 - x1) / length];
      const project = (points: readonly Point[]) => points.map(([x, y]) => x * axis[0] + y * axis[1]);
      const pa = project(a);
      const pb = project(b);
      depth = Math.min(depth, Math.min(Math.max(...pa), Math.max(...pb)) - Math.max(Math.min(...pa), Math.min(...pb)));
    }
  }
  return depth;
}

/**
 * Every pair of texts drawn over each other, and every text cut by the
 * figure's edge or (for trace texts) by the plot area, in plain words.
 *
 * @example
 * layoutProblems(drawn); // [] when the figure reads cleanly
 */
export function layoutProblems(drawn: DrawnFigure): string[] {
  const problems: string[] = [];
  const name = (t: DrawnText) => `${t.kind} "${t.text.slice(0, 40)}"`;
  const { texts } = drawn;
  for (let i = 0; i < texts.length; i++) {
    const a = texts[i] as DrawnText;
    for (let j = i + 1; j < texts.length; j++) {
      const b = texts[j] as DrawnText;
      const depth = overlapDepth(a.corners, b.corners);
      if (depth > SLACK) problems.push(`${name(a)} overlaps ${name(b)} by ${depth.toFixed(0)} px`);
    }
    const [left, top, right, bottom] = a.box;
    if (left < -SLACK || top < -SLACK || right > drawn.width + SLACK || bottom > drawn.height + SLACK) {
      problems.push(`${name(a)} is clipped by the figure's edge (box ${a.box.map((v) => v.toFixed(0)).join(", ")} in ${drawn.width}×${drawn.height})`);
    }
    if (a.inPlot && drawn.plots.length > 0) {
      const inside = drawn.plots.some(([l, t, r, b]) => left >= l - SLACK && top >= t - SLACK && right <= r + SLACK && bottom <= b + SLACK);
      if (!inside) problems.push(`${name(a)} is clipped by the plot area`);
    }
  }
  return problems;
}
