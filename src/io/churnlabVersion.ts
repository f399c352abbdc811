/**
 * The churnlab version from package.json (the one reader of it: the CLI's
 * `--version`, model folders' metadata and the CEO page's footer).
 *
 * @example
 * churnlabVersion() // "0.1.0"
 */
export function churnlabVersion(): string {
  return (require("../../package.json") as { version: string }).version;
}
