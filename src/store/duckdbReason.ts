/**
 * The useful part of a DuckDB error for a user: the lines before its hints,
 * echoed options and SQL, joined with "; " ("Invalid Input Error: CSV Error
 * on Line: 3; Expected Number of Columns: 2 Found: 1").
 *
 * @example
 * duckdbReason(new Error("Invalid Input Error: No magic bytes found at end of file 'x.parquet'\n\nLINE 1: ..."));
 * // "Invalid Input Error: No magic bytes found at end of file 'x.parquet'"
 */
export function duckdbReason(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const kept: string[] = [];
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (t === "" && kept.length > 0) break;
    if (/^(Possible fixes|LINE \d+:|file =)/.test(t)) break;
    if (t !== "" && !/^Original Line:/.test(t)) kept.push(t);
  }
  return kept.join("; ") || text;
}
