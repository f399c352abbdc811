import * as fs from "node:fs";

let cachedBundle: string | undefined;

/**
 * The minified plotly.js bundle's source (plotly.js-dist-min, about 4.6 MB),
 * read once from node_modules and cached for the process. Every page embeds
 * it at most once.
 *
 * @throws Error when plotly.js-dist-min is not installed (run `npm run setup`).
 * @example
 * plotlyBundle().startsWith("/**"); // true (the licence banner)
 */
export function plotlyBundle(): string {
  if (cachedBundle === undefined) {
    let file: string;
    try {
      file = require.resolve("plotly.js-dist-min/plotly.min.js");
    } catch {
      throw new Error("plotly.js-dist-min is not installed: run `npm run setup` (or `npm install`)");
    }
    cachedBundle = fs.readFileSync(file, "utf8");
  }
  return cachedBundle;
}

/**
 * The version of the bundled plotly.js, from its banner.
 *
 * @example
 * plotlyVersion(); // "3.7.0"
 */
export function plotlyVersion(): string {
  const match = /plotly\.js v(\d+\.\d+\.\d+)/.exec(plotlyBundle().slice(0, 200));
  return match?.[1] ?? "unknown";
}

/**
 * An inline `<script>` tag that defines `window.Plotly` from the bundle, with
 * no network access. The bundle runs with `define`, `module` and `exports`
 * shadowed, so AMD/CommonJS loaders on the page (require.js in Jupyter
 * Notebook 6 and nbconvert's HTML) cannot capture it: it always sets
 * `window.Plotly`.
 *
 * @example
 * plotlyScriptTag().includes("window.Plotly"); // true
 */
export function plotlyScriptTag(): string {
  const source = plotlyBundle().replace(/<\/script/gi, "<\\/script");
  return (
    `<script type="text/javascript" data-churnlab="plotly-bundle">` +
    `(function (define, module, exports) {\n${source}\n}).call(window);` +
    `if (!window.Plotly) { console.error("churnlab: plotly bundle did not define window.Plotly"); }` +
    `</script>`
  );
}
