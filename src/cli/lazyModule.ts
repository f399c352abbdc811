/**
 * Loads a module of `src/` when it is first needed. The `churnlab` command runs
 * the TypeScript sources through tsx's CommonJS hook (`bin/churnlab.js`),
 * which `require` goes through but Node's own `import()` does not: there an
 * extensionless `import("./x")` of a `.ts` file fails with
 * ERR_MODULE_NOT_FOUND. Under that hook the module is required; elsewhere
 * (vitest, bundles) it is imported. Pass both forms of the same specifier.
 *
 * @example
 * const { chartCommand } = await lazyModule(() => require("./commands/chart"), () => import("./commands/chart"));
 */
export async function lazyModule<T>(viaRequire: () => T, viaImport: () => Promise<T>): Promise<T> {
  const tsxHooked = typeof require === "function" && require.extensions?.[".ts"] !== undefined;
  return tsxHooked ? viaRequire() : viaImport();
}
