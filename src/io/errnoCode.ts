/**
 * The `code` of a Node.js system error ("ENOENT", "EEXIST", ...), or
 * undefined when the thrown value has none: the one place a caught `unknown`
 * is read as an `ErrnoException`.
 *
 * @example
 * try { fs.readFileSync("missing"); } catch (err) { errnoCode(err); } // "ENOENT"
 * errnoCode(new Error("plain")); // undefined
 */
export function errnoCode(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null || !("code" in err)) return undefined;
  return typeof err.code === "string" ? err.code : undefined;
}
