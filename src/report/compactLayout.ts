import type { Figure } from "../charts/Figure";
import type { PlotlyAxis } from "../charts/plotlyTypes";
import { mergeLayout } from "../charts/theme";

/**
 * Fits a chart into a panel of the CEO page: a fixed size in CSS pixels,
 * smaller fonts and margins than the notebook theme, a static plot (no mode
 * bar, no zoom: the page is printed) and no responsive resizing (the size is
 * part of the one-page layout). Pure: returns a new figure.
 *
 * @param figure a figure from a src/charts builder
 * @param width plot width, CSS px (> 0)
 * @param height plot height, CSS px (> 0)
 * @param margin plot margins, CSS px (merged over l 44, r 12, t 30, b 34)
 * @throws RangeError when width or height is not a positive finite number
 * @example
 * compactLayout(histogram({ values: [1, 2], title: "ROI", xTitle: "%", yTitle: "n" }), 400, 230).layout.width // 400
 */
export function compactLayout(figure: Figure, width: number, height: number, margin: Partial<Record<"l" | "r" | "t" | "b", number>> = {}): Figure {
  if (!(Number.isFinite(width) && width > 0 && Number.isFinite(height) && height > 0))
    throw new RangeError(`chart size must be positive, got ${width}×${height}`);
  const layout = mergeLayout(figure.layout, {
    width,
    height,
    autosize: false,
    margin: { l: 44, r: 12, t: 30, b: 34, pad: 0, ...margin },
    font: { size: 10.5 },
    title: { font: { size: 12.5 }, x: 10 / width, xanchor: "left", xref: "container", y: 1 - 6 / height, yanchor: "top", yref: "container" },
  });
  const compactAxis = { title: { font: { size: 10.5 }, standoff: 4 }, tickfont: { size: 10 } };
  for (const axis of ["xaxis", "yaxis"] as const) {
    const current = layout[axis];
    if (current !== undefined) layout[axis] = mergeLayout<PlotlyAxis>(current, compactAxis);
  }
  return { data: figure.data, layout, config: { ...(figure.config ?? {}), staticPlot: true, displayModeBar: false, responsive: false } };
}
