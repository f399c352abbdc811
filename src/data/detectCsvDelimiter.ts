/**
 * The field delimiter of a CSV export, read from its header line: the most
 * frequent of comma, semicolon and tab outside double quotes (comma on a tie
 * or when none occurs). Spreadsheets in locales with a decimal comma export
 * semicolon-separated files, and many tools export tab-separated ones.
 *
 * @example
 * detectCsvDelimiter("id;age;churn\n1;40;0\n") // ";"
 * detectCsvDelimiter("id,\"a;b\",churn\n") // ","
 */
export function detectCsvDelimiter(text: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && (c === "," || c === ";" || c === "\t")) counts[c]++;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","] && counts["\t"] > counts[";"]) return "\t";
  return ",";
}
