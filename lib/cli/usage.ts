/**
 * The CLI's help: a short overview (`./assay help`, `./assay --help`, no command) with one line
 * per command, and each command's own usage (`./assay <command> --help`, `./assay help <command>`).
 *
 * @module
 */
import { EVAL_HELP, MODELS_HELP } from "./help_eval.ts";

/**
 * Every command with its one-line summary, in the order the overview lists them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { COMMANDS_HELP } from "./usage.ts";
 * assert(COMMANDS_HELP.some((c) => c.name === "runs"));
 * ```
 */
export const COMMANDS_HELP: readonly { name: string; summary: string }[] = [
  {
    name: "demo",
    summary: "set up, evaluate built-in tasks on two offline models, write the report",
  },
  { name: "eval", summary: "ask models for every task × variant × sample, judge and record a run" },
  { name: "runs", summary: "list the recorded runs, newest first (name, tags, n, pass rate…)" },
  { name: "report", summary: "a run's HTML report, or a comparison of several runs" },
  { name: "score", summary: "judge a recorded run against an acceptable-risk policy (exit 1)" },
  { name: "export", summary: "a run per sample as CSV or JSONL, or its summary as markdown" },
  { name: "validate", summary: "check a suite: references pass, tests kill the mutants" },
  { name: "import", summary: "turn a benchmark file (HumanEval, MBXP, jest…) into a suite folder" },
  { name: "load", summary: "latency under load: each model at several concurrency levels" },
  { name: "notebooks", summary: "execute every notebook headlessly into data/notebooks/" },
  {
    name: "init",
    summary: "a notebook folder of your own that imports this checkout's lib/mod.ts",
  },
  {
    name: "worker",
    summary: "a fleet worker: run other machines' samples from a NATS JetStream queue",
  },
  { name: "test", summary: "lint, format check and every test (what CI runs)" },
  { name: "bench", summary: "benchmarks that print ratios measured in one run" },
  { name: "help", summary: "this overview; ./assay help <command> for a command's options" },
];

const EXIT_CODES =
  `Exit codes: 0 ok, 1 policy violated or --budget reached (resumable), 2 usage or input error
        (checked before any request),
        3 tool or infrastructure failure (every generation failed, sandbox unavailable, internal error),
        130 interrupted (Ctrl-C: what was recorded is kept; the same command resumes).`;

/** Each command's own usage (`./assay <command> --help`). */
const COMMAND_HELP: Record<string, string> = {
  eval: EVAL_HELP,
  runs: `usage: ./assay runs [--runs-dir data/runs] [--json] [--all]

List the runs in the runs folder, newest first: id, name, origin (cli, notebook, library, bench),
created, suite, models, variants, n (expected samples), complete or "k/n" recorded, pass rate over
the judged samples (with its denominator: "61% of 357"), tags.
The table shows the 20 newest runs in 100 columns (long cells cut with "…"); --all: every run.
                   --json: every run as an array of objects on stdout.`,
  report:
    `usage: ./assay report [--run data/runs/<run-id>] [--out FILE] [--show-code] [--allow-incomplete]
                   [--prices FILE] (the Cost section re-priced by this file)

Execute notebooks/report.ipynb for a run and export it as HTML.
                   --run: default, the newest complete CLI run; an incomplete run is refused
                   (exit 2) unless --allow-incomplete.
                   --run A --run B [--run C…]: a comparison report (B, C… against A, the baseline),
                   written to A's folder as report-vs-<B id>.html; a bare run id is looked up in data/runs`,
  score:
    `usage: ./assay score [--run DIR] [--policy NAME|FILE] [--junit out.xml] [--allow-incomplete] [--wide]
                   [--prices FILE] (re-prices the run; else the prices it recorded)

Judge a run against an acceptable-risk policy (default internal-tooling; or production-codegen, or
a JSON file); exits 1 when a threshold is violated. --run: default, the newest complete CLI run.
The summary fits 100 columns; --wide prints every column.`,
  export:
    `usage: ./assay export [--run DIR|RUN-ID] [--runs-dir data/runs] [--format csv|jsonl|md] [--out FILE]
                   [--policy NAME|FILE] [--prices FILE] [--allow-incomplete]

Export a run (default: the newest complete CLI run, csv, stdout).
                   csv/jsonl: one row per sample (scores, failure category and evidence, latency,
                   tokens, cost, errors, the answer and its code); md: the summary table with cost
                   (--prices FILE re-prices the run; else the prices it recorded) (and with --policy
                   each row's verdict) for a pull-request comment; md refuses an incomplete run unless
                   --allow-incomplete`,
  load:
    `usage: ./assay load [--model M]… [--concurrency 1,2,4,8,16] [--requests 32] [--suite tasks/builtin]
                   [--runs-dir data/runs]

Latency under load, written to data/runs/<id>-load/load.json.

${MODELS_HELP}`,
  validate:
    `usage: ./assay validate [--suite tasks/builtin] [--unsafe-no-isolation] [--reference-ceiling-ms 120000]
                   [--python pyodide|cpython]

Check a suite before models are judged by it: the reference passes 3×, the tests kill the
reference's mutants; a task without a reference is reported, and its tests are shown to load and
run every case; references slower than their declared timeoutMs and skipped tests are listed.`,
  import: `usage: ./assay import <format> <file> --out DIR [--force] [--limit N] [--language js|py]

Write a benchmark file as a folder suite (one folder per task) that --suite reads.
                   format: auto | multipl-e | humaneval-x | mbxp | can-ai-code | jest | deno-test |
                   humaneval | mbpp | multipl-e-py | evalplus (Python); --language: can-ai-code only;
                   refuses a non-empty DIR unless --force (which replaces its task folders)`,
  demo: `usage: ./assay demo [eval options]

eval on tasks/builtin (and ten tasks of tasks/python) with synthetic:default and synthetic:sloppy,
then report. Any eval option may follow (./assay eval --help).`,
  notebooks: `usage: ./assay notebooks

Execute every researcher notebook headlessly into data/notebooks/ (each records its own runs).`,
  init: `usage: ./assay init <folder>

Make <folder> (created if needed) a place for notebooks of your own, outside the checkout: writes its
deno.json ("nodeModulesDir": "manual", so Deno finds assay's packages in this checkout; an existing
deno.json without it is left alone and named) and assay-start.ipynb, a first notebook on the kernel
"Deno (assay)" that imports this checkout's lib/mod.ts by its path. Nothing is overwritten.`,
  worker: `usage: ./assay worker --nats nats://HOST:4222 [--concurrency N] [--sandbox pooled|strict]
                     [--languages ts,js,py] [--ack-wait-ms 30000] [--max-deliver 4]

Pull execution jobs from the fleet's JetStream work queue (a coordinator: ./assay eval --nats URL)
and run each in this machine's sandbox with the isolation the run asked for, until Ctrl-C (jobs in
flight finish). Credentials: NATS_USER and NATS_PASSWORD, or NATS_TOKEN, in the environment.
A job of another sandbox version, or needing bubblewrap where there is none, is handed back; a job
delivered --max-deliver times (it stopped every worker that took it) is answered as an
infrastructure error. --concurrency defaults to the number of cores.`,
  test: `usage: ./assay test [deno test arguments]

deno lint and deno fmt --check on lib, tests and bench, then deno test -A --doc lib/ tests/ (what CI
runs); arguments are passed on to deno test.`,
  bench: `usage: ./assay bench [name] [arguments]

Benchmarks that print ratios measured in one run (bench/main.ts lists them: sandbox, orchestrator,
summaries, agreement, python, python-speed, browser, fleet, …). No name: every benchmark.`,
  help: `usage: ./assay help [command]

The overview of every command, or one command's usage (the same as ./assay <command> --help).`,
};

/**
 * The overview: what assay is, one line per command, where each command's options are, exit codes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { overview } from "./usage.ts";
 * assert.match(overview(), /^assay — evaluate LLM-generated code/);
 * assert.match(overview(), /^  eval +ask models/m);
 * ```
 */
export function overview(): string {
  const width = Math.max(...COMMANDS_HELP.map((c) => c.name.length));
  return [
    "assay — evaluate LLM-generated code",
    "",
    "usage: ./assay <command> [options]     ./assay <command> --help: that command's options",
    "",
    ...COMMANDS_HELP.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    EXIT_CODES,
  ].join("\n");
}

/**
 * One command's usage, or null for a name that is no command.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { helpFor } from "./usage.ts";
 * assert.match(helpFor("score") ?? "", /^usage: \.\/assay score/);
 * assert.equal(helpFor("nosuch"), null);
 * ```
 */
export function helpFor(command: string): string | null {
  return Object.hasOwn(COMMAND_HELP, command) ? `${COMMAND_HELP[command]}\n\n${EXIT_CODES}` : null;
}

/**
 * Every command's usage in one text (the overview, then each command's), as one reference.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { USAGE } from "./usage.ts";
 * assert.match(USAGE, /^assay — evaluate LLM-generated code/);
 * assert.match(USAGE, /Exit codes: 0 ok, 1 policy violated or --budget reached \(resumable\), 2 usage or input error/);
 * assert.match(USAGE, /usage: \.\/assay import <format> <file> --out DIR/);
 * ```
 */
export const USAGE: string = [
  overview(),
  ...COMMANDS_HELP.map((c) => COMMAND_HELP[c.name]),
].join("\n\n");
