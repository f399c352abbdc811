import type { FigureSpec } from "./Figure";
import { isPlainObject } from "./plainObject";
import type { PlotlyAxis, PlotlyConfig, PlotlyLayout } from "./plotlyTypes";

export { formatWan, formatPercent, formatNumber, tickFormats, yuanToWan, moneyAxis } from "./format";

/**
 * Font stack of every chart: CJK-capable first (Noto Sans CJK SC is installed
 * by `npm run setup` via Debian's fonts-noto-cjk), then common CJK system fonts
 * for readers on macOS/Windows, then Latin fallbacks.
 */
export const fontFamily = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif';

/**
 * Categorical colours for series that are not risk tiers (in order of use).
 * Chosen to stay distinguishable for common colour-vision deficiencies and
 * distinct from {@link tierColors}' red/orange.
 */
export const palette = [
  "#1F4E79", // navy
  "#E69F00", // orange
  "#009E73", // green
  "#8E44AD", // purple
  "#56B4E9", // sky blue
  "#7F8C8D", // grey
  "#CC79A7", // pink
  "#B7950B", // olive
] as const;

/**
 * The palette's colour for the series at `index`, cycling past its end.
 *
 * @example
 * paletteColor(9); // "#E69F00" (the second colour again)
 */
export function paletteColor(index: number): string {
  return palette[index % palette.length] ?? palette[0];
}

/**
 * One colour per risk tier, used by every chart and the CEO page:
 * tier 1 very high (> 70%) .. tier 4 low (< 30%), from the plan's section 5.1.
 *
 * @example
 * tierColors[1]; // "#C0392B"
 */
export const tierColors = {
  1: "#C0392B", // very high: red
  2: "#E67E22", // high: orange
  3: "#D4AC0D", // medium: amber
  4: "#2E86C1", // low: blue
} as const;

/** A risk tier number, 1 (very high) .. 4 (low). */
export type TierNumber = keyof typeof tierColors;

/** The risk tier numbers in order, 1 (very high) .. 4 (low). */
export const tierNumbers: readonly TierNumber[] = [1, 2, 3, 4];

/**
 * The colour of a risk tier.
 *
 * @param tier - 1 (very high) .. 4 (low).
 * @throws RangeError when tier is not 1, 2, 3 or 4.
 * @example
 * tierColor(4); // "#2E86C1"
 */
export function tierColor(tier: number): string {
  if (tier !== 1 && tier !== 2 && tier !== 3 && tier !== 4) throw new RangeError(`tier must be 1..4, got ${tier}`);
  return tierColors[tier];
}

/** Colours with a fixed meaning across charts. */
export const semanticColors = {
  /** The plan's stated figures. */
  stated: "#7F8C8D",
  /** Figures recomputed from drivers or simulated. */
  recomputed: "#1F4E79",
  /** Good outcome / above target. */
  good: "#009E73",
  /** Bad outcome / below a stop-loss line. */
  bad: "#C0392B",
  /** Reference lines (targets, thresholds). */
  reference: "#34495E",
  /** Fill of uncertainty bands (fan charts). */
  band: "rgba(31, 78, 121, 0.18)",
  /** Fill of the inner band of fan charts. */
  bandInner: "rgba(31, 78, 121, 0.32)",
} as const;

/** Default size (CSS pixels) used when a figure has no layout width/height. */
export const defaultSize = { width: 900, height: 500 } as const;

/** The theme's layout defaults; a figure's own layout values take precedence. */
export const themeLayout: Readonly<PlotlyLayout> = {
  font: { family: fontFamily, size: 14, color: "#2C3E50" },
  title: { font: { size: 18 }, x: 0.02, xanchor: "left" },
  colorway: [...palette],
  paper_bgcolor: "#FFFFFF",
  plot_bgcolor: "#FFFFFF",
  margin: { l: 70, r: 30, t: 70, b: 70 },
  separators: ".,",
  hoverlabel: { font: { family: fontFamily } },
  legend: { orientation: "h", x: 0, xanchor: "left", yref: "container", y: 0, yanchor: "bottom" },
  xaxis: { showgrid: false, gridcolor: "#E5E8E8", linecolor: "#95A5A6", zeroline: false, automargin: true, title: { standoff: 10 } },
  yaxis: { gridcolor: "#E5E8E8", linecolor: "#95A5A6", zeroline: false, automargin: true, title: { standoff: 10 } },
};

/** The theme's config defaults (no Plotly logo, responsive in notebooks). */
export const themeConfig: Readonly<PlotlyConfig> = {
  displaylogo: false,
  responsive: true,
};

/**
 * A themed layout with a title and axis titles — the start of every builder.
 *
 * @param title - chart title (from `t(...)`).
 * @param xTitle - x-axis title, with its unit, e.g. "金额（万元）".
 * @param yTitle - y-axis title, with its unit.
 * @param extra - further layout keys, deep-merged over the result.
 * @returns a Plotly layout (Plotly v3 object titles).
 * @example
 * baseLayout("首年成本", "项目", "金额（万元）").title; // { text: "首年成本", font: { size: 18 }, x: 0.02, xanchor: "left" }
 */
export function baseLayout(title: string, xTitle: string, yTitle: string, extra: PlotlyLayout = {}): PlotlyLayout {
  const layout = mergeLayout(themeLayout, {
    title: { text: title },
    xaxis: { title: { text: xTitle } },
    yaxis: { title: { text: yTitle } },
  });
  return mergeLayout(layout, extra);
}

/**
 * {@link deepMerge} of two layouts, or two axes (`over` wins). Every layout
 * field is optional at every depth, so merging two layouts gives a layout.
 *
 * @example
 * mergeLayout({ xaxis: { tickformat: ".0%" } }, { xaxis: { title: { text: "ROI" } } }).xaxis; // { tickformat: ".0%", title: { text: "ROI" } }
 */
export function mergeLayout<T extends PlotlyLayout | PlotlyAxis>(base: Readonly<T>, over: Readonly<T>): T {
  // The one cast of the theme: deepMerge works on plain records; the merge of two layouts is a layout (see above).
  return deepMerge(base, over) as T;
}

/**
 * Applies the theme to any figure: theme defaults under the figure's own
 * layout and config (the figure wins). Pure: returns a new figure; applying it
 * twice gives the same result as once. Legacy string titles (`title: "ROI"`)
 * become Plotly v3 objects (`title: { text: "ROI" }`).
 *
 * @example
 * applyTheme({ data: [], layout: { title: { text: "ROI" } } }).layout.font; // { family: fontFamily, size: 14, color: "#2C3E50" }
 */
export function applyTheme(figure: FigureSpec): FigureSpec {
  const themed: FigureSpec = {
    data: figure.data,
    layout: deepMerge(withAxisDefaults(figure.layout), normalizeTitles(figure.layout)),
    config: deepMerge(themeConfig, figure.config ?? {}),
  };
  return themed;
}

/**
 * The theme's layout with its x and y axis defaults also under every further
 * axis the figure uses (`yaxis2`, `xaxis3`, ...): a right-hand axis then gets
 * automargin too, so its tick labels and title push the margin out instead of
 * running over each other or off the figure.
 */
function withAxisDefaults(layout: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...themeLayout };
  for (const key of Object.keys(layout)) {
    const axis = /^([xy])axis\d+$/.exec(key);
    if (axis !== null) out[key] = axis[1] === "x" ? themeLayout.xaxis : themeLayout.yaxis;
  }
  return out;
}

/** Plotly v3 only accepts object titles: turn legacy string titles (layout and axes) into `{ text }`. */
function normalizeTitles(layout: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...layout };
  if (typeof out["title"] === "string") out["title"] = { text: out["title"] };
  for (const [key, value] of Object.entries(out)) {
    if (/^[xy]axis\d*$/.test(key) && isPlainObject(value) && typeof value["title"] === "string") {
      out[key] = { ...value, title: { text: value["title"] } };
    }
  }
  return out;
}

/**
 * Deep-merges plain objects (`over` wins); arrays and other values are replaced, not merged.
 * Neither input is mutated.
 *
 * @example
 * deepMerge({ a: { b: 1, c: 2 } }, { a: { c: 3 } }); // { a: { b: 1, c: 3 } }
 */
export function deepMerge(base: Readonly<Record<string, unknown>>, over: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}
