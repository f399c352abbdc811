import type { FigureSpec } from "./Figure";
import { isPlainObject, titleTextOf } from "./plainObject";

/** Trace types drawn without cartesian axes (no axis titles needed). */
const axisFreeTypes = new Set([
  "pie",
  "sunburst",
  "treemap",
  "icicle",
  "funnelarea",
  "indicator",
  "table",
  "sankey",
  "parcoords",
  "parcats",
  "scatterpolar",
  "barpolar",
  "scattergeo",
  "choropleth",
]);

/**
 * Checks the house rules every chart must meet and lists what is missing:
 * a title; at least one trace; an axis title on every cartesian axis a trace
 * uses (`xaxis`, `yaxis2`, ...). Use in builders' tests:
 * `expect(figureProblems(fig)).toEqual([])`.
 *
 * @returns plain-word problems, empty when the figure is fine.
 * @example
 * figureProblems({ data: [{ type: "bar", x: [1], y: [2] }], layout: {} });
 * // ["no title", "xaxis has no title", "yaxis has no title"]
 */
export function figureProblems(figure: FigureSpec): string[] {
  const problems: string[] = [];
  if (!titleText(figure.layout["title"])) problems.push("no title");
  if (figure.data.length === 0) problems.push("no traces");
  const axes = new Set<string>();
  for (const trace of figure.data) {
    const type = typeof trace["type"] === "string" ? trace["type"] : "scatter";
    if (axisFreeTypes.has(type)) continue;
    axes.add(axisName("x", trace["xaxis"]));
    axes.add(axisName("y", trace["yaxis"]));
  }
  for (const axis of [...axes].sort()) {
    const spec = figure.layout[axis];
    const title = isPlainObject(spec) ? spec["title"] : undefined;
    if (!titleText(title)) problems.push(`${axis} has no title`);
  }
  return problems;
}

/** "x" + undefined -> "xaxis"; "y" + "y2" -> "yaxis2". */
function axisName(letter: "x" | "y", ref: unknown): string {
  const suffix = typeof ref === "string" ? ref.slice(1) : "";
  return `${letter}axis${suffix === "1" ? "" : suffix}`;
}

function titleText(title: unknown): string {
  return titleTextOf(title)?.trim() ?? "";
}
