/**
 * Command-line mistakes in one line, with the nearest valid name: node's `parseArgs` as each
 * command calls it, but an unknown option, a missing value or an unexpected argument becomes an
 * {@link OptionError} that knows the command's options; `lib/cli.ts` words it as
 * `error: unknown option --sampels for "./assay eval": did you mean --samples? (…)`.
 *
 * @module
 */
import { parseArgs as nodeParseArgs } from "node:util";
import { closest, distance } from "fastest-levenshtein";
import { UsageError } from "./errors.ts";

/**
 * A malformed command line (node's `ERR_PARSE_ARGS_*`), with the options the command takes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { OptionError } from "./args.ts";
 * const error = new OptionError("Unknown option '--x'", ["samples"]);
 * assert.equal(error.name, "UsageError");
 * assert.deepEqual(error.known, ["samples"]);
 * ```
 */
export class OptionError extends UsageError {
  /** The command's option names, without dashes. */
  readonly known: string[];
  /**
   * @param message node's message.
   * @param known The command's option names, without dashes.
   */
  constructor(message: string, known: string[]) {
    super(message);
    this.known = known;
  }
}

/**
 * node's `parseArgs`, same signature and result, except that a malformed command line throws an
 * {@link OptionError} carrying the options of `config`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { OptionError, parseArgs } from "./args.ts";
 * const options = { samples: { type: "string" as const } };
 * assert.equal(parseArgs({ args: ["--samples", "2"], options }).values.samples, "2");
 * assert.throws(() => parseArgs({ args: ["--sampels", "2"], options }), OptionError);
 * ```
 */
export const parseArgs: typeof nodeParseArgs = (config) => {
  try {
    return nodeParseArgs(config);
  } catch (error) {
    if (String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS")) {
      throw new OptionError((error as Error).message, Object.keys(config?.options ?? {}));
    }
    throw error;
  }
};

/**
 * The name in `known` nearest to `name`, when near enough to be the one meant (a typo, a
 * transposition, or the start of a longer name); null otherwise.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { nearest } from "./args.ts";
 * assert.equal(nearest("sampels", ["samples", "seed"]), "samples");
 * assert.equal(nearest("sandbox-conc", ["sandbox", "sandbox-concurrency"]), "sandbox-concurrency");
 * assert.equal(nearest("frobnicate", ["samples", "seed"]), null);
 * ```
 */
export function nearest(name: string, known: readonly string[]): string | null {
  if (known.length === 0 || name === "") return null;
  const starts = known.filter((k) => k.startsWith(name));
  if (starts.length === 1) return starts[0];
  const best = closest(name, [...known]);
  return distance(name, best) <= Math.max(2, Math.floor(name.length / 3)) ? best : null;
}

/**
 * One line for a malformed command line of `./assay <command>`, from node's `parseArgs` message
 * and the command's option names (without dashes): the option, the nearest valid one, where
 * every option is listed.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { optionErrorLine } from "./args.ts";
 * assert.equal(
 *   optionErrorLine("Unknown option '--sampels'", "eval", ["samples", "seed"]),
 *   'unknown option --sampels for "./assay eval": did you mean --samples? (./assay eval --help lists every option)',
 * );
 * assert.match(
 *   optionErrorLine("Option '--samples <value>' argument missing", "eval", ["samples"]),
 *   /^option --samples of "\.\/assay eval" needs a value \(e\.g\. --samples VALUE; /,
 * );
 * ```
 *
 * @param message node's `ERR_PARSE_ARGS_*` message.
 * @param command The command, e.g. `eval`.
 * @param known The command's option names, without dashes.
 */
export function optionErrorLine(
  message: string,
  command: string,
  known: readonly string[],
): string {
  const where = `"./assay ${command}"`;
  const listed = `./assay ${command} --help lists every option`;
  const unknown = message.match(/^Unknown option '(-{1,2})([^']*)'/);
  if (unknown) {
    const guess = nearest(unknown[2], known);
    return `unknown option ${unknown[1]}${unknown[2]} for ${where}: ${
      guess ? `did you mean --${guess}? (${listed})` : listed
    }`;
  }
  const missing = message.match(
    /^Option '(--?[\w-]+)(?: <value>)?' argument (?:missing|is ambiguous)/,
  );
  if (missing) {
    return `option ${missing[1]} of ${where} needs a value (e.g. ${missing[1]} VALUE; ${listed})`;
  }
  const flag = message.match(/^Option '(--?[\w-]+)' does not take an argument/);
  if (flag) return `option ${flag[1]} of ${where} takes no value (${listed})`;
  const positional = message.match(/^Unexpected argument '([^']*)'/);
  if (positional) {
    const guess = positional[1].startsWith("-") ? null : nearest(positional[1], known);
    return `unexpected argument "${positional[1]}" for ${where}: ${
      guess ? `did you mean --${guess}? (${listed})` : `it takes options only (${listed})`
    }`;
  }
  return `${message.split("\n")[0]} for ${where} (${listed})`;
}

/**
 * The option names a usage text mentions (`--name`), for a command whose options table is not
 * at hand (a parser outside lib/cli).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { optionsInText } from "./args.ts";
 * assert.deepEqual(optionsInText("[--run DIR] [--show-code] [--run X]"), ["run", "show-code"]);
 * ```
 */
export function optionsInText(text: string): string[] {
  return [...new Set([...text.matchAll(/--([a-z][\w-]*)/g)].map((m) => m[1]))];
}
