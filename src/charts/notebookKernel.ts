/**
 * True inside a tslab notebook kernel that is ready to display: tslab's
 * Jupyter module is loaded and has a display writer. Charts use it to draw
 * in the notebook (else they print a line) and exports to keep one browser
 * for the kernel's lifetime (else each batch launches its own).
 *
 * @example
 * inNotebookKernel(); // false in vitest, tsx scripts and the CLI
 */
export function inNotebookKernel(): boolean {
  const key = Object.keys(require.cache).find((file) => /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(file));
  if (key === undefined) return false;
  const jupyter: unknown = require.cache[key]?.exports;
  return typeof jupyter === "object" && jupyter !== null && "lastWriteDisplayData" in jupyter && jupyter.lastWriteDisplayData != null;
}
