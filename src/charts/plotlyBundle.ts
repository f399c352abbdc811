import * as fs from "node:fs";
import type { FigureSpec } from "./Figure";
import type { PlotlyTraceType } from "./plotlyTraceTypes";

/**
 * The plotly.js distributions churnlab ships, smallest first. All are the same
 * plotly.js release (package.json pins them to one version, a test checks it);
 * the partial ones hold only some trace types, and a page that loads one
 * parses a quarter to a third of the full bundle: a one-off export of a bar or
 * line chart opens its browser page in about a third of the time.
 */
export const plotlyBundles = [
  { name: "basic", file: "plotly.js-basic-dist-min/plotly-basic.min.js", traces: ["bar", "pie", "scatter"] },
  {
    name: "finance",
    file: "plotly.js-finance-dist-min/plotly-finance.min.js",
    traces: ["bar", "candlestick", "funnel", "funnelarea", "histogram", "indicator", "ohlc", "pie", "scatter", "waterfall"],
  },
  {
    name: "cartesian",
    file: "plotly.js-cartesian-dist-min/plotly-cartesian.min.js",
    traces: ["bar", "box", "contour", "heatmap", "histogram", "histogram2d", "histogram2dcontour", "image", "pie", "scatter", "scatterternary", "violin"],
  },
  { name: "full", file: "plotly.js-dist-min/plotly.min.js", traces: "all" },
] as const satisfies readonly { name: string; file: string; traces: readonly PlotlyTraceType[] | "all" }[];

/** A plotly.js distribution by name: "full" draws every trace type. */
export type PlotlyBundleName = (typeof plotlyBundles)[number]["name"];

const sources = new Map<PlotlyBundleName, string>();

/**
 * The path of a plotly.js distribution's minified file in node_modules.
 *
 * @throws Error when the package is not installed (run `npm run setup`).
 */
export function plotlyBundleFile(name: PlotlyBundleName = "full"): string {
  const file = plotlyBundles.find((b) => b.name === name)?.file ?? "plotly.js-dist-min/plotly.min.js";
  try {
    return require.resolve(file);
  } catch {
    throw new Error(`${file.split("/")[0]} is not installed: run \`npm run setup\` (or \`npm install\`)`);
  }
}

/**
 * A minified plotly.js bundle's source (the full one, plotly.js-dist-min, is
 * about 4.6 MB), read once from node_modules and cached for the process. Every
 * page embeds at most one bundle, once.
 *
 * @throws Error when the package is not installed (run `npm run setup`).
 * @example
 * plotlyBundle().startsWith("/**"); // true (the licence banner)
 */
export function plotlyBundle(name: PlotlyBundleName = "full"): string {
  let source = sources.get(name);
  if (source === undefined) {
    source = fs.readFileSync(plotlyBundleFile(name), "utf8");
    sources.set(name, source);
  }
  return source;
}

/**
 * The smallest distribution that draws every trace of the figures (a trace
 * without a `type` is a scatter, as in Plotly); "full" when a trace type is in
 * no partial bundle.
 *
 * @example
 * bundleForFigures([{ data: [{ type: "bar" }], layout: {} }]); // "basic"
 * bundleForFigures([{ data: [{ type: "waterfall" }], layout: {} }]); // "finance"
 * bundleForFigures([{ data: [{ type: "scatter3d" }], layout: {} }]); // "full"
 */
export function bundleForFigures(figures: readonly FigureSpec[]): PlotlyBundleName {
  const types = new Set<string>();
  for (const figure of figures) for (const trace of figure.data) types.add(typeof trace["type"] === "string" ? trace["type"] : "scatter");
  for (const bundle of plotlyBundles) {
    if (bundle.traces === "all") return bundle.name;
    const traces: readonly string[] = bundle.traces;
    if ([...types].every((t) => traces.includes(t))) return bundle.name;
  }
  return "full";
}

/**
 * The version of the bundled plotly.js, from its banner.
 *
 * @example
 * plotlyVersion(); // "3.7.0"
 */
export function plotlyVersion(name: PlotlyBundleName = "full"): string {
  const match = /plotly\.js(?: \(\w+ - minified\))? v(\d+\.\d+\.\d+)/.exec(plotlyBundle(name).slice(0, 300));
  return match?.[1] ?? "unknown";
}

/**
 * An inline `<script>` tag that defines `window.Plotly` from a bundle (the
 * full one unless named), with no network access. The bundle runs with
 * `define`, `module` and `exports` shadowed, so AMD/CommonJS loaders on the
 * page (require.js in Jupyter Notebook 6 and nbconvert's HTML) cannot capture
 * it: it always sets `window.Plotly`.
 *
 * @example
 * plotlyScriptTag().includes("window.Plotly"); // true
 */
export function plotlyScriptTag(name: PlotlyBundleName = "full"): string {
  const source = plotlyBundle(name).replace(/<\/script/gi, "<\\/script");
  return (
    `<script type="text/javascript" data-churnlab="plotly-bundle">` +
    `(function (define, module, exports) {\n${source}\n}).call(window);` +
    `if (!window.Plotly) { console.error("churnlab: plotly bundle did not define window.Plotly"); }` +
    `</script>`
  );
}

/**
 * Which bundle a page inlines with {@link plotlyScriptTag}, if any: each opens
 * with its own banner ("plotly.js (basic - minified) v3.7.0"), a cheap test
 * before the exact tag.
 *
 * @example
 * inlinedBundle(htmlDocument({ title: "x", body: "", bundle: "basic" })); // "basic"
 */
export function inlinedBundle(html: string): PlotlyBundleName | undefined {
  return plotlyBundles.find((b) => html.includes(plotlyBundle(b.name).slice(0, 120)) && html.includes(plotlyScriptTag(b.name)))?.name;
}
