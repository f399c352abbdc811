/**
 * Names of numeric-looking columns that are probably identifiers: every
 * value is a whole number written without decimals, and no two rows share
 * one (RowNumber, CustomerId). Text identifiers are already dropped by the
 * preprocessing; numeric ones would be used as features, so the command line
 * warns about them instead of guessing.
 *
 * @param columns - raw CSV columns as text, by name.
 * @param minRows - tables shorter than this are not judged (default 50).
 * @returns the column names, in the order given.
 * @example
 * identifierLikeColumns({ RowNumber: ["1", "2", "3"], Age: ["40", "40", "31"] }, 3) // ["RowNumber"]
 */
export function identifierLikeColumns(columns: Readonly<Record<string, readonly string[]>>, minRows = 50): string[] {
  const found: string[] = [];
  for (const [name, values] of Object.entries(columns)) {
    if (values.length < minRows) continue;
    const seen = new Set<string>();
    let identifier = true;
    for (const raw of values) {
      const value = raw.trim();
      if (!/^\d+$/.test(value) || seen.has(value)) {
        identifier = false;
        break;
      }
      seen.add(value);
    }
    if (identifier) found.push(name);
  }
  return found;
}
