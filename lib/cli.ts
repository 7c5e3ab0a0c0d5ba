/**
 * The `deno task` entry points (`./assay eval …` runs `deno run -A lib/cli.ts eval …`): this file
 * only dispatches to one module per command in `lib/cli/` and maps errors to exit codes — 0 ok,
 * 1 policy violated, 2 usage or input error (printed without a stack trace), 3 tool or internal
 * failure. The only place, with the notebooks, that reads environment variables.
 *
 * @module
 */
import { runDemo } from "./cli/demo.ts";
import { EXIT, ToolError, UsageError } from "./cli/errors.ts";
import { runEval } from "./cli/eval.ts";
import { runExport } from "./cli/export.ts";
import { runImport } from "./cli/import.ts";
import { runInit } from "./cli/init.ts";
import { runLoad } from "./cli/load.ts";
import { runNotebooks } from "./cli/notebooks.ts";
import { runReport } from "./cli/report.ts";
import { runScore } from "./cli/score.ts";
import { USAGE } from "./cli/usage.ts";
import { runValidate } from "./cli/validate.ts";

/** Each command and what runs it. */
const COMMANDS: Record<string, (args: string[]) => Promise<unknown>> = {
  eval: runEval,
  report: runReport,
  validate: runValidate,
  load: runLoad,
  import: runImport,
  score: runScore,
  export: runExport,
  notebooks: runNotebooks,
  demo: runDemo,
  init: runInit,
};

/**
 * Run one command line (without the program name): `--help` anywhere, `help` or nothing prints
 * the usage.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { main } from "./cli.ts";
 * await assert.rejects(main(["frobnicate"]), { name: "UsageError", message: /Cannot run command "frobnicate"/ });
 * ```
 *
 * @param argv The command and its arguments.
 * @throws {UsageError} For an unknown command (and whatever the command throws).
 */
export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(USAGE);
    return;
  }
  if (command === undefined || command === "help" || command === "--help") {
    console.log(USAGE);
    return;
  }
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (run === undefined) {
    throw new UsageError(
      `Cannot run command "${command}": use eval, report, score, export, validate, import, load or demo\n\n${USAGE}`,
    );
  }
  await run(rest);
}

if (import.meta.main) {
  try {
    await main(Deno.args);
  } catch (error) {
    if (error instanceof UsageError || (error as Error).name === "SuiteError") {
      console.error(`error: ${(error as Error).message}`);
      Deno.exit(EXIT.usage);
    }
    if ((error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`error: ${(error as Error).message}\n\n${USAGE}`);
      Deno.exit(EXIT.usage);
    }
    if ((error as Error).name === "RunInterrupted") {
      // Ctrl-C: what was recorded, and how to resume (not an error of assay's).
      console.error(`assay: ${(error as Error).message}`);
      Deno.exit(EXIT.interrupted);
    }
    if (error instanceof ToolError) {
      console.error(`error: ${error.message}`);
      Deno.exit(EXIT.tool);
    }
    // Anything else is assay's own failure (or the machine's): say so, with the stack, exit 3.
    console.error(`internal error (exit 3): ${(error as Error)?.stack ?? String(error)}`);
    Deno.exit(EXIT.tool);
  }
}
