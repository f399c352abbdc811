import { Command, CommanderError } from "commander";
import { EXIT } from "./run";
import { InputError } from "../io/InputError";
import { installTempCleanup, removeStaleOsTemps } from "../io/tempFiles";
import { settlePreparedOutputs } from "../io/outputWriter";
import { planCommand } from "./commands/plan";
import { synthCommand } from "./commands/synth";
import { mapCommand } from "./commands/map";
import { trainCommand } from "./commands/train";
import { scoreCommand } from "./commands/score";
import { weeklyCommand } from "./commands/weekly";
import { simulateCommand } from "./commands/simulate";
import { sensitivityCommand } from "./commands/sensitivity";
import { rolloutCommand } from "./commands/rollout";
import { bridgeCommand } from "./commands/bridge";
import { chartCommand } from "./commands/chart";
import { reportCommand } from "./commands/report";
import { optimizeCommand } from "./commands/optimize";
import { pilotCommand } from "./commands/pilot";
import { churnlabVersion } from "../io/churnlabVersion";

/**
 * The `churnlab` command line: a thin shell over the library. Each command
 * lives in `commands/` and is registered here.
 */
function buildProgram(): Command {
  const program = new Command("churnlab")
    .description("Customer-retention programme lab: plan audit, synthetic data, churn models, weekly scoring, Monte Carlo and rollout simulation, CEO report")
    .version(churnlabVersion())
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  const commands: Array<() => Command> = [
    // registered commands (one module each, in commands/)
    planCommand,
    synthCommand,
    mapCommand,
    trainCommand,
    scoreCommand,
    weeklyCommand,
    simulateCommand,
    sensitivityCommand,
    rolloutCommand,
    bridgeCommand,
    chartCommand,
    reportCommand,
    optimizeCommand,
    pilotCommand,
  ];
  for (const make of commands) program.addCommand(make().exitOverride());
  return program;
}

/** Runs the command line; sets process.exitCode (0 ok, 1 failure, 2 bad input). */
export async function main(argv: string[]): Promise<void> {
  // Temporary files of this run go on SIGINT/SIGTERM; those of runs killed outright (SIGKILL) go now.
  installTempCleanup();
  // Interrupted (SIGINT/SIGTERM) before writing: output folders the pre-flight created are removed too.
  process.on("exit", () => settlePreparedOutputs(true));
  removeStaleOsTemps();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit 0; usage errors (unknown option, missing argument) exit 2.
      process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.badInput;
      return;
    }
    if (err instanceof InputError) {
      process.stderr.write(`error: ${err.message}\n`);
      process.exitCode = EXIT.badInput;
      return;
    }
    throw err;
  }
}
