/**
 * The CLI's entry point (`./assay eval …` runs `deno run -A lib/cli.ts eval …`): this file
 * only dispatches to one module per command in `lib/cli/` and maps errors to exit codes — 0 ok,
 * 1 policy violated, 2 usage or input error (printed without a stack trace), 3 tool or internal
 * failure. The only place, with the notebooks, that reads environment variables.
 *
 * @module
 */
import { nearest, OptionError, optionErrorLine, optionsInText } from "./cli/args.ts";
import { runDemo } from "./cli/demo.ts";
import { EXIT, ToolError, UsageError } from "./cli/errors.ts";
import { runEval } from "./cli/eval.ts";
import { runExport } from "./cli/export.ts";
import { runImport } from "./cli/import.ts";
import { runInit } from "./cli/init.ts";
import { runLoad } from "./cli/load.ts";
import { runNotebooks } from "./cli/notebooks.ts";
import { runReport } from "./cli/report.ts";
import { runRuns } from "./cli/runs.ts";
import { runScore } from "./cli/score.ts";
import { COMMANDS_HELP, helpFor, overview } from "./cli/usage.ts";
import { runValidate } from "./cli/validate.ts";
import { runWorkerCommand } from "./cli/worker.ts";
import { IncompleteRunError } from "./analyze/incomplete_run_error.ts";
import { ProviderError } from "./model/provider_error.ts";
import { SandboxUnavailableError } from "./sandbox/sandbox_unavailable.ts";

/** Each command and what runs it. */
const COMMANDS: Record<string, (args: string[]) => Promise<unknown>> = {
  eval: runEval,
  runs: runRuns,
  report: runReport,
  validate: runValidate,
  load: runLoad,
  import: runImport,
  score: runScore,
  export: runExport,
  notebooks: runNotebooks,
  demo: runDemo,
  init: runInit,
  worker: runWorkerCommand,
};

/** Commands the `./assay` script runs itself (deno lint/fmt/test, the benchmarks). */
const SCRIPT_COMMANDS = ["test", "bench"];

/**
 * Run one command line (without the program name): `help`, `--help` or nothing prints the
 * overview; `<command> --help` or `help <command>` that command's usage. A malformed option or an
 * unknown command is one line naming the nearest valid one.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { main } from "./cli.ts";
 * await assert.rejects(main(["evl"]), { name: "UsageError", message: /unknown command "evl": did you mean eval\?/ });
 * await assert.rejects(main(["score", "--polcy", "x"]), { message: /did you mean --policy\?/ });
 * ```
 *
 * @param argv The command and its arguments.
 * @throws {UsageError} For an unknown command or a malformed option (and whatever the command throws).
 */
export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h") {
    console.log(overview());
    return;
  }
  if (command === "help") {
    if (rest[0] === undefined) console.log(overview());
    else console.log(helpFor(rest[0]) ?? unknownCommand(rest[0]));
    return;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(helpFor(command) ?? unknownCommand(command));
    return;
  }
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (run === undefined) {
    if (SCRIPT_COMMANDS.includes(command)) {
      throw new UsageError(
        `Cannot run "${command}" here: the assay script runs it: ./assay ${command}`,
      );
    }
    return unknownCommand(command);
  }
  try {
    await run(rest);
  } catch (error) {
    if (error instanceof OptionError) {
      throw new UsageError(optionErrorLine(error.message, command, error.known));
    }
    // A parser outside lib/cli (report's): the options its usage names.
    if (String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS")) {
      const known = optionsInText(helpFor(command) ?? "");
      throw new UsageError(optionErrorLine((error as Error).message, command, known));
    }
    throw error;
  }
}

/** Throw the one line for a command that does not exist, with the nearest that does. */
function unknownCommand(command: string): never {
  const guess = nearest(command, COMMANDS_HELP.map((c) => c.name));
  throw new UsageError(
    `unknown command "${command}"${
      guess ? `: did you mean ${guess}?` : ""
    } (./assay help lists every command)`,
  );
}

if (import.meta.main) {
  try {
    await main(Deno.args);
  } catch (error) {
    // Input the user can fix: a usage error, a suite, a model spec, an incomplete run to judge.
    if (
      error instanceof UsageError || error instanceof ProviderError ||
      error instanceof IncompleteRunError || (error as Error).name === "SuiteError"
    ) {
      console.error(`error: ${(error as Error).message}`);
      Deno.exit(EXIT.usage);
    }
    if ((error as Error).name === "RunInterrupted") {
      // Ctrl-C: what was recorded, and how to resume (not an error of assay's).
      console.error(`assay: ${(error as Error).message}`);
      Deno.exit(EXIT.interrupted);
    }
    if (error instanceof ToolError || error instanceof SandboxUnavailableError) {
      console.error(`error: ${error.message}`);
      Deno.exit(EXIT.tool);
    }
    // Anything else is assay's own failure (or the machine's): say so, with the stack, exit 3.
    console.error(`internal error (exit 3): ${(error as Error)?.stack ?? String(error)}`);
    Deno.exit(EXIT.tool);
  }
}
