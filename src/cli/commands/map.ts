import * as fs from "node:fs";
import * as path from "node:path";
import { Command } from "commander";
import { action, intOption, printJson } from "../run";
import { InputError } from "../../io/InputError";
import { prepareOutputs } from "../../io/outputWriter";
import type { FileContent } from "../../io/writeTransaction";
import { dayToIso } from "../../data/dates";
import { loadExportMapping, mapExport, type MappedExport } from "../../data/mapExport";
import type { ExportMapping } from "../../data/exportMapping";
import { tableCsvFiles } from "../../data/writeCsv";
import type { Table, TableSchema } from "../../data/schema";
import { buildPanel } from "../../features/buildPanel";
import { panelSnapshots, panelTable } from "../../features/panelTable";
import { sha256Hex } from "../../models/modelManifest";
import { formatMapReport } from "./mapReport";

interface MapFlags {
  mapping: string;
  check?: boolean;
  out?: string;
  panel?: boolean;
  every: number;
  horizon: number;
  json?: boolean;
}

const tableFiles = ["customers.csv", "visits.csv", "surveys.csv", "app_activity.csv"];

/** Flag combinations that cannot work, all at once. */
function checkFlags(flags: MapFlags, mapping: ExportMapping): void {
  const problems = [];
  if ((flags.check === true) === (flags.out !== undefined)) {
    problems.push({ where: "--check / --out", message: "give exactly one: --check to report without writing, or --out DIR to write the tables" });
  }
  if (flags.panel === true && flags.out === undefined)
    problems.push({ where: "--panel", message: "needs --out DIR (the panel is written next to the tables)" });
  if (flags.panel === true && mapping.tables.churn === undefined) {
    problems.push({ where: "--panel", message: `needs churn dates: ${flags.mapping} has no $.tables.churn (the label of each snapshot comes from them)` });
  }
  if (problems.length > 0) throw new InputError("command line", problems);
}

/** The panel files: panel.csv (training snapshots with labels) and latest.csv (the snapshot to score), and what they hold. */
function panelFiles(mapped: MappedExport, dir: string, flags: MapFlags): { files: Map<string, FileContent>; summary: Record<string, unknown> } {
  const dataset = mapped.dataset;
  const churn = mapped.churn;
  if (dataset === undefined || churn === undefined || mapped.historyEndDay === null) throw new RangeError("map: panel asked for without tables");
  let snapshots: ReturnType<typeof panelSnapshots>;
  try {
    snapshots = panelSnapshots(dataset, mapped.historyEndDay, flags.every, flags.horizon);
  } catch (err) {
    if (err instanceof RangeError) throw new InputError(flags.mapping, [{ where: "--panel", message: err.message }]);
    throw err;
  }
  const panel = buildPanel(dataset, churn, snapshots.training, { horizonDays: flags.horizon, historyEndDay: mapped.historyEndDay });
  const latest = buildPanel(dataset, churn, [snapshots.scoring], { horizonDays: flags.horizon });
  const ids = dataset.customers.columns.customer_id;
  const files = tableCsvFiles(dir, [panelTable(panel, ids, true), panelTable(latest, ids, false)]);
  const positives = panel.label.reduce((a, b) => a + b, 0);
  const summary = {
    everyWeeks: flags.every,
    horizonDays: flags.horizon,
    snapshots: snapshots.training.length,
    from: dayToIso(snapshots.training[0] as number),
    to: dayToIso(snapshots.training[snapshots.training.length - 1] as number),
    rows: panel.rows,
    positives,
    scoringSnapshot: dayToIso(snapshots.scoring),
    scoringRows: latest.rows,
  };
  return { files, summary };
}

/** sources.json: where the tables came from (each export's SHA-256, rows), for provenance. */
function sourcesJson(mapped: MappedExport, flags: MapFlags, baseDir: string, panel: Record<string, unknown> | null): string {
  const hash = (file: string): string => sha256Hex(fs.readFileSync(path.resolve(baseDir, file)));
  const tables = Object.fromEntries(mapped.reports.map((r) => [r.table, { file: r.file, encoding: r.encoding, sha256: hash(r.file), rows: r.rows }]));
  const doc = {
    format: "churnlab-mapped-export",
    version: 1,
    name: mapped.name,
    mapping: { file: path.basename(flags.mapping), sha256: sha256Hex(fs.readFileSync(flags.mapping)) },
    historyEnd: mapped.historyEndDay === null ? null : dayToIso(mapped.historyEndDay),
    tables,
    panel,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * `churnlab map --mapping FILE (--check | --out DIR [--panel]) [--json]`: reads
 * a dealer group's own exports (DMS repair orders, CRM customers and
 * surveys, app activity, churn dates) through a mapping file (column names,
 * date formats, codes such as 保养 -> maintenance, units, encodings such as
 * GB18030) into churnlab's source tables. `--check` reports which columns are
 * mapped and how, which are missing, and every unparseable or out-of-range
 * cell with its file, line, column and rule, writing nothing (exit 2 when
 * there is any problem). `--out DIR` writes customers.csv, visits.csv,
 * surveys.csv, app_activity.csv, churn.csv and sources.json as one unit, or
 * nothing at all when any row is bad; `--panel` adds panel.csv (training
 * snapshots every `--every` weeks with the `--horizon`-day churn label) and
 * latest.csv (the last complete Monday, to score).
 *
 * @example
 * // churnlab map --mapping data/examples/dms-export-zh/mapping.json --out out/dms --panel
 * // churnlab train --csv out/dms/panel.csv --target churned_30d --id customer_id --snapshot snapshot_date --out out/dms-model
 */
export function mapCommand(): Command {
  return new Command("map")
    .description("Map a dealer group's own exports (DMS, CRM, app) to churnlab's source tables through a mapping file")
    .requiredOption("--mapping <file>", "mapping file (JSON): export files, encodings, columns, date formats, codes, units")
    .option("--check", "report mapped, missing, unparseable and out-of-range columns; write nothing")
    .option("--out <dir>", "write the schema CSVs (and sources.json) into this folder, all or nothing")
    .option("--panel", "also write panel.csv (training snapshots with labels) and latest.csv (the snapshot to score)")
    .option("--every <weeks>", "weeks between training snapshots (with --panel)", intOption("--every", 1, 52), 4)
    .option("--horizon <days>", "churn label window in days (with --panel)", intOption("--horizon", 1, 365), 30)
    .option("--json", "print the report as JSON")
    .action(
      action((flags: MapFlags) => {
        const mapping = loadExportMapping(flags.mapping);
        checkFlags(flags, mapping);
        const baseDir = path.dirname(flags.mapping);
        const exportFiles = Object.values(mapping.tables).flatMap((t) => (t === undefined ? [] : [path.resolve(baseDir, t.file)]));
        const churnFile = mapping.tables.churn === undefined ? [] : ["churn.csv"];
        const outputs = flags.out === undefined ? [] : [...tableFiles, ...churnFile, "sources.json", ...(flags.panel ? ["panel.csv", "latest.csv"] : [])];
        const out =
          flags.out === undefined
            ? undefined
            : prepareOutputs({
                inputs: { "--mapping": flags.mapping, "export files": exportFiles },
                folders: { "--out": flags.out },
                files: { "--out": outputs.map((name) => path.join(flags.out as string, name)) },
              });
        const mapped = mapExport(mapping, baseDir);
        let written: string[] = [];
        let panel: Record<string, unknown> | null = null;
        if (mapped.problems.length === 0 && out !== undefined && flags.out !== undefined && mapped.dataset !== undefined) {
          const tables: Array<Table<TableSchema>> = [mapped.dataset.customers, mapped.dataset.visits, mapped.dataset.surveys, mapped.dataset.appActivity];
          if (mapped.churn !== undefined) tables.push(mapped.churn);
          const files = tableCsvFiles(flags.out, tables);
          if (flags.panel === true) {
            const built = panelFiles(mapped, flags.out, flags);
            for (const [file, content] of built.files) files.set(file, content);
            panel = built.summary;
          }
          files.set(path.join(flags.out, "sources.json"), sourcesJson(mapped, flags, baseDir, panel));
          written = out.write(files);
        }
        if (flags.json) printJson({ mapping: flags.mapping, name: mapped.name, tables: mapped.reports, problems: mapped.problems, panel, written });
        else process.stdout.write(formatMapReport(mapped, flags.mapping, written));
        if (mapped.problems.length > 0) throw new InputError(flags.mapping, mapped.problems);
      }),
    );
}
