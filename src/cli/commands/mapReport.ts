import { dayToIso } from "../../data/dates";
import type { MappedExport, MappedTableReport } from "../../data/mapExport";

const count = (n: number): string => n.toLocaleString("en-US");

/** One table's lines: file, rows, each column with its source and conversions, the columns left aside. */
function tableLines(report: MappedTableReport): string[] {
  const width = Math.max(...report.columns.map((c) => c.column.length));
  const head = `${report.table} <- ${report.file} (${report.encoding}): ${count(report.rows)} rows, ${count(report.kept)} good`;
  const columns = report.columns.map((c) => {
    const source = c.from === null ? "(constant)" : c.from;
    const how = c.how.length > 0 ? `  [${c.how.join("; ")}]` : "";
    const bad = c.problems > 0 ? `  ${count(c.problems)} bad cell${c.problems === 1 ? "" : "s"}` : "";
    return `  ${c.column.padEnd(width)} <- ${source}${how}${bad}`;
  });
  const ignored = report.ignored.length > 0 ? [`  not mapped (ignored): ${report.ignored.join(", ")}`] : [];
  return [head, ...columns, ...ignored];
}

/**
 * The report `churnlab map` prints: per table the export file, its rows, each
 * schema column with the export column it reads and the conversions, the
 * cells that broke a rule, the export's columns left aside; then the
 * history and a one-line verdict. Problems themselves go to stderr.
 *
 * @example
 * formatMapReport(mapped, "mapping.json", ["out/customers.csv"]);
 * // "mapping.json: 某经销商集团 ...\ncustomers <- crm_customers.csv (utf-8): 1,200 rows, 1,200 good\n  customer_id <- 会员编号\n..."
 */
export function formatMapReport(mapped: MappedExport, mappingFile: string, written: readonly string[]): string {
  const lines = [`${mappingFile}: ${mapped.name}`];
  for (const report of mapped.reports) lines.push(...tableLines(report));
  if (mapped.historyEndDay !== null) lines.push(`end of history: ${dayToIso(mapped.historyEndDay)} (exclusive)`);
  if (mapped.problems.length > 0) {
    const files = new Set(mapped.problems.map((p) => p.where.split(":")[0]));
    lines.push(`${count(mapped.problems.length)} problem${mapped.problems.length === 1 ? "" : "s"} in ${[...files].join(", ")} (on stderr): nothing written`);
  } else if (written.length > 0) lines.push(`wrote ${written.join(", ")}`);
  else lines.push("no problems: every row maps to the schemas");
  return `${lines.join("\n")}\n`;
}
