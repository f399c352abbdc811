/** A MIME bundle: content per MIME type, e.g. `{ "text/html": "<table>…</table>", "text/plain": "…" }`. */
export type MimeBundle = Readonly<Record<string, string>>;

/** Turns a value into rich output, or returns undefined to leave it to the next formatter (or to plain printing). */
export type DisplayFormatter = (value: unknown) => MimeBundle | undefined;

/** The kernel-wide formatter list read by the project's tslab patch (patches/tslab+…+003+rich-display-of-the-last-expression.patch). */
const formattersKey = Symbol.for("Jupyter.display.formatters");

interface NamedFormatter extends DisplayFormatter {
  formatterName?: string;
}

/**
 * Registers how a kind of value is shown when it is a notebook cell's last
 * expression, like IPython's `for_type` formatters: the project's tslab patch
 * asks each registered formatter in turn before printing the value as text.
 * Registering again under the same name replaces the earlier formatter, so a
 * module loaded twice (e.g. from src/ and lib/) does not stack copies.
 *
 * @param name - a unique name, e.g. "churnlab:dataframe".
 * @param formatter - returns a MIME bundle for the values it handles, undefined for others; it must not throw.
 * @example
 * registerDisplayFormatter("churnlab:dataframe", (v) => (isDataFrameLike(v) ? { "text/html": tableHtml(v) } : undefined));
 */
export function registerDisplayFormatter(name: string, formatter: DisplayFormatter): void {
  const holder = globalThis as unknown as Record<symbol, NamedFormatter[] | undefined>;
  holder[formattersKey] ??= [];
  const list = holder[formattersKey];
  const named: NamedFormatter = (value) => formatter(value);
  named.formatterName = name;
  const at = list.findIndex((f) => f.formatterName === name);
  if (at >= 0) list[at] = named;
  else list.push(named);
}

/**
 * The MIME bundle the registered formatters give for a value (the first that
 * answers), or undefined: what a notebook shows for it as a cell's last value.
 *
 * @example
 * richBundle(toDataFrame(visits))?.["text/html"]?.startsWith("<table"); // true (churnlab's charts module registered the DataFrame formatter)
 */
export function richBundle(value: unknown): MimeBundle | undefined {
  const list = (globalThis as unknown as Record<symbol, NamedFormatter[] | undefined>)[formattersKey] ?? [];
  for (const formatter of list) {
    const bundle = formatter(value);
    if (bundle !== undefined) return bundle;
  }
  return undefined;
}
