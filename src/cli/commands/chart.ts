import { Command } from "commander";
import { action, printJson } from "../run";
import { InputError, type InputProblem } from "../../io/InputError";
import { loadFigure } from "../../charts/figureFile";
import { prepareOutputs } from "../../io/outputWriter";
import { exportFigure, exportFormats, exportSize, exportSizeProblem, formatFromPath, type ExportOptions } from "../../charts/export";
import { isOneOf } from "../isOneOf";

/** Raw option values of `churnlab chart`, as commander hands them over (strings). */
interface ChartFlags {
  out: string;
  format?: string;
  scale?: string;
  width?: string;
  height?: string;
  json?: boolean;
}

/**
 * `churnlab chart <figure.json> --out FILE [--format png|svg|pdf|html] [--scale N] [--width W --height H] [--json]`:
 * exports a saved figure (see `saveFigure`) to PNG, SVG, PDF or self-contained HTML.
 * Bad flags are all reported together (exit 2); nothing is written on failure.
 *
 * @example
 * // churnlab chart out/roi.figure.json --out slides/roi.png --scale 3
 */
export function chartCommand(): Command {
  return new Command("chart")
    .description("Export a saved figure (JSON) to PNG, SVG, PDF or self-contained offline HTML, rendered in headless Chromium")
    .argument("<figure>", "figure JSON file ({ data, layout, config? }), e.g. written by saveFigure()")
    .requiredOption("-o, --out <file>", "output file; its extension gives the format unless --format is set")
    .option("-f, --format <format>", `output format: ${exportFormats.join(", ")} (default: from the --out extension)`)
    .option("-s, --scale <n>", "PNG pixel ratio, > 0 and <= 10 (default 1; 2-3 for slides)")
    .option("-W, --width <px>", "width in CSS pixels, 50-10000 (default: the figure's layout width, else 900)")
    .option("-H, --height <px>", "height in CSS pixels, 50-10000 (default: the figure's layout height, else 500)")
    .option("--json", "print the result as JSON")
    .action(
      action(async (figurePath: string, flags: ChartFlags) => {
        const options = chartOptions(flags);
        // Checked before rendering (which takes seconds): --out must not be the figure file and must be writable.
        prepareOutputs({ inputs: { "<figure>": figurePath }, files: { "--out": flags.out } });
        const figure = loadFigure(figurePath);
        const { width, height } = exportSize(figure, options);
        const tooLarge = (options.format ?? formatFromPath(flags.out)) === "png" ? exportSizeProblem(width, height, options.scale ?? 1) : undefined;
        if (tooLarge !== undefined) throw new InputError("command line", [{ where: "--scale", message: tooLarge }]);
        const result = await exportFigure(figure, flags.out, options);
        if (flags.json) printJson(result);
        else {
          const scale = result.format === "png" ? `, scale ${options.scale ?? 1}` : "";
          process.stdout.write(
            `wrote ${result.path} (${result.format}, ${result.width}×${result.height} px${scale}, ${result.bytes.toLocaleString("en-US")} bytes)\n`,
          );
        }
      }),
    );
}

/**
 * Validates the flags of `churnlab chart`, collecting every problem.
 *
 * @throws InputError ("command line") listing each bad flag.
 */
export function chartOptions(flags: ChartFlags): ExportOptions {
  const problems: InputProblem[] = [];
  const options: ExportOptions = {};
  if (flags.format !== undefined) {
    const format = flags.format.toLowerCase();
    if (isOneOf(exportFormats, format)) options.format = format;
    else problems.push({ where: "--format", message: `must be one of ${exportFormats.join(", ")}, got "${flags.format}"` });
  } else {
    try {
      formatFromPath(flags.out);
    } catch {
      problems.push({ where: "--out", message: `cannot tell the format from "${flags.out}": use .png, .svg, .pdf or .html, or give --format` });
    }
  }
  if (flags.scale !== undefined) {
    const scale = Number(flags.scale);
    if (flags.scale.trim() !== "" && Number.isFinite(scale) && scale > 0 && scale <= 10) options.scale = scale;
    else problems.push({ where: "--scale", message: `must be a number > 0 and <= 10, got "${flags.scale}"` });
  }
  for (const [flag, text] of [
    ["--width", flags.width],
    ["--height", flags.height],
  ] as const) {
    if (text === undefined) continue;
    const value = Number(text);
    if (/^\s*\d+\s*$/.test(text) && value >= 50 && value <= 10_000) {
      if (flag === "--width") options.width = value;
      else options.height = value;
    } else problems.push({ where: flag, message: `must be an integer from 50 to 10000, got "${text}"` });
  }
  if (problems.length > 0) throw new InputError("command line", problems);
  return options;
}
