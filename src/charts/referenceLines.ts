import type { PlotlyAnnotation, PlotlyLine, PlotlyShape } from "./plotlyTypes";
import { semanticColors } from "./theme";

/** A vertical or horizontal reference line (a target, a stop-loss line, the plan's stated figure). */
export interface ReferenceLine {
  /** "x" draws a vertical line at `value` on the x axis; "y" a horizontal one. */
  axis: "x" | "y";
  /** Position in the axis' data units. */
  value: number;
  /** Text shown next to the line (from `t(...)`). */
  label: string;
  /** Line colour (default the theme's reference colour). */
  color?: string;
  /** Plotly dash style (default "dash"). */
  dash?: "solid" | "dot" | "dash" | "longdash" | "dashdot";
}

/**
 * Plotly shapes and annotations drawing reference lines across the plot area,
 * above the data: each line is a coloured line over a white halo (so it
 * stays visible across bars of a similar colour) and a label at its end.
 *
 * @throws RangeError when a value is not finite.
 * @example
 * referenceLineLayout([{ axis: "x", value: 3.5875, label: "方案所述 359%" }]).shapes.length; // 2 (the halo and the line)
 */
export function referenceLineLayout(lines: readonly ReferenceLine[]): { shapes: PlotlyShape[]; annotations: PlotlyAnnotation[] } {
  const shapes: PlotlyShape[] = [];
  const annotations: PlotlyAnnotation[] = [];
  for (const line of lines) {
    if (!Number.isFinite(line.value)) throw new RangeError(`reference line "${line.label}" needs a finite value, got ${line.value}`);
    const color = line.color ?? semanticColors.reference;
    const style: PlotlyLine = { color, width: 2, dash: line.dash ?? "dash" };
    // A white line under the coloured one keeps it visible where it crosses bars or bands of a similar colour.
    const halo: PlotlyLine = { color: haloColor, width: 5, dash: "solid" };
    const across: Omit<PlotlyShape, "type"> =
      line.axis === "x"
        ? { xref: "x", yref: "paper", x0: line.value, x1: line.value, y0: 0, y1: 1 }
        : { xref: "paper", yref: "y", x0: 0, x1: 1, y0: line.value, y1: line.value };
    shapes.push({ type: "line", layer: "above", ...across, line: halo }, { type: "line", layer: "above", ...across, line: style });
    if (line.axis === "x") {
      annotations.push({
        xref: "x",
        yref: "paper",
        x: line.value,
        y: 1,
        yanchor: "bottom",
        xanchor: "left",
        text: line.label,
        showarrow: false,
        font: { color },
        bgcolor: labelBackground,
      });
    } else {
      annotations.push({
        xref: "paper",
        yref: "y",
        x: 1,
        y: line.value,
        xanchor: "right",
        yanchor: "bottom",
        text: line.label,
        showarrow: false,
        font: { color },
        bgcolor: labelBackground,
      });
    }
  }
  return { shapes, annotations };
}

const haloColor = "#FFFFFF";
/** Labels of reference lines sit on a light panel: readable where they cross bars. */
const labelBackground = "rgba(255, 255, 255, 0.85)";

/**
 * Whether a layout shape is the white halo {@link referenceLineLayout} draws
 * under a reference line (to list only the lines themselves).
 *
 * @example
 * referenceLineLayout([{ axis: "y", value: 2, label: "MVP 200%" }]).shapes.filter((s) => !isHalo(s)).length; // 1
 */
export function isHalo(shape: Readonly<PlotlyShape>): boolean {
  return shape.line?.color === haloColor && shape.line.dash === "solid";
}
