import { Command, CommanderError } from "commander";
import { EXIT } from "./run";
import { lazyModule } from "./lazyModule";
import { churnlabVersion } from "../io/churnlabVersion";
import { InputError } from "../io/InputError";
import { installTempCleanup, removeStaleOsTemps } from "../io/tempFiles";
import { settlePreparedOutputs } from "../io/outputWriter";
/**
 * The commands, each loaded only when it runs: a command's module pulls in its
 * layers (TensorFlow.js alone takes over a second to load), so `churnlab chart`
 * does not pay for `train`. Help and unknown names load them all.
 */
const commandModules: Record<string, () => Promise<Command>> = {
  plan: async () =>
    (
      await lazyModule<typeof import("./commands/plan")>(
        () => require("./commands/plan"),
        () => import("./commands/plan"),
      )
    ).planCommand(),
  synth: async () =>
    (
      await lazyModule<typeof import("./commands/synth")>(
        () => require("./commands/synth"),
        () => import("./commands/synth"),
      )
    ).synthCommand(),
  map: async () =>
    (
      await lazyModule<typeof import("./commands/map")>(
        () => require("./commands/map"),
        () => import("./commands/map"),
      )
    ).mapCommand(),
  train: async () =>
    (
      await lazyModule<typeof import("./commands/train")>(
        () => require("./commands/train"),
        () => import("./commands/train"),
      )
    ).trainCommand(),
  score: async () =>
    (
      await lazyModule<typeof import("./commands/score")>(
        () => require("./commands/score"),
        () => import("./commands/score"),
      )
    ).scoreCommand(),
  weekly: async () =>
    (
      await lazyModule<typeof import("./commands/weekly")>(
        () => require("./commands/weekly"),
        () => import("./commands/weekly"),
      )
    ).weeklyCommand(),
  simulate: async () =>
    (
      await lazyModule<typeof import("./commands/simulate")>(
        () => require("./commands/simulate"),
        () => import("./commands/simulate"),
      )
    ).simulateCommand(),
  sensitivity: async () =>
    (
      await lazyModule<typeof import("./commands/sensitivity")>(
        () => require("./commands/sensitivity"),
        () => import("./commands/sensitivity"),
      )
    ).sensitivityCommand(),
  rollout: async () =>
    (
      await lazyModule<typeof import("./commands/rollout")>(
        () => require("./commands/rollout"),
        () => import("./commands/rollout"),
      )
    ).rolloutCommand(),
  bridge: async () =>
    (
      await lazyModule<typeof import("./commands/bridge")>(
        () => require("./commands/bridge"),
        () => import("./commands/bridge"),
      )
    ).bridgeCommand(),
  chart: async () =>
    (
      await lazyModule<typeof import("./commands/chart")>(
        () => require("./commands/chart"),
        () => import("./commands/chart"),
      )
    ).chartCommand(),
  report: async () =>
    (
      await lazyModule<typeof import("./commands/report")>(
        () => require("./commands/report"),
        () => import("./commands/report"),
      )
    ).reportCommand(),
  optimize: async () =>
    (
      await lazyModule<typeof import("./commands/optimize")>(
        () => require("./commands/optimize"),
        () => import("./commands/optimize"),
      )
    ).optimizeCommand(),
  pilot: async () =>
    (
      await lazyModule<typeof import("./commands/pilot")>(
        () => require("./commands/pilot"),
        () => import("./commands/pilot"),
      )
    ).pilotCommand(),
};

/**
 * The `churnlab` command line: a thin shell over the library. Each command
 * lives in `commands/` and is registered here; with `argv`, only the command
 * it names is loaded (all of them for `--help`, `help` or an unknown name).
 */
export async function buildProgram(argv?: readonly string[]): Promise<Command> {
  const program = new Command("churnlab")
    .description("Customer-retention programme lab: plan audit, synthetic data, churn models, weekly scoring, Monte Carlo and rollout simulation, CEO report")
    .version(churnlabVersion())
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  const named = argv?.slice(2).find((arg) => !arg.startsWith("-"));
  const names = named !== undefined && Object.hasOwn(commandModules, named) ? [named] : Object.keys(commandModules);
  for (const name of names) program.addCommand((await (commandModules[name] as () => Promise<Command>)()).exitOverride());
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // Temporary files of this run go on SIGINT/SIGTERM; those of runs killed outright (SIGKILL) go now.
  installTempCleanup();
  // Interrupted (SIGINT/SIGTERM) before writing: output folders the pre-flight created are removed too.
  process.on("exit", () => settlePreparedOutputs(true));
  removeStaleOsTemps();
  const program = await buildProgram(argv);
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
