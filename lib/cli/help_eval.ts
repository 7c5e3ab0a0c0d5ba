/**
 * `./assay eval --help`: every option of `eval`, its defaults, and the model specs (the longest
 * help text; the others are in help_text.ts).
 *
 * @module
 */

/**
 * The model specs `--model` takes (shown under `eval --help` and `load --help`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { MODELS_HELP } from "./help_eval.ts";
 * assert.match(MODELS_HELP, /synthetic:reference/);
 * ```
 */
export const MODELS_HELP: string =
  `Models: synthetic:reference | synthetic:default | synthetic:sloppy (offline, labelled synthetic);
        openai:<model> (OPENAI_API_KEY; OPENAI_BASE_URL for any compatible server) and the presets
        ollama: vllm: llamacpp: lmstudio: openrouter: together: groq: deepseek: (<NAME>_API_KEY,
        <NAME>_BASE_URL). Parameters ride on the spec: openai:gpt-4o-mini?temperature=0&max_tokens=1024
        (temperature, top_p, max_tokens, seed, reasoning_effort, stop).
        replay:<run folder or answers.jsonl>[#<model>] serves recorded answers again (re-scoring).`;

/**
 * `eval`'s usage: every option, what it does, and the model specs.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { EVAL_HELP } from "./help_eval.ts";
 * assert.match(EVAL_HELP, /^usage: \.\/assay eval/);
 * assert.match(EVAL_HELP, /--tag T/);
 * ```
 */
export const EVAL_HELP: string =
  `usage: ./assay eval [--suite tasks/builtin] [--model synthetic:default]… [--samples 1]
                   [--variant plain]… [--concurrency 4] [--model-concurrency N] [--sandbox-concurrency 4]
                   [--unsafe-no-isolation] [--sandbox pooled|strict] [--nats nats://HOST:4222]
                   [--temperature T] [--seed N]
                   [--runs-dir data/runs] [--name NAME] [--tag T]… [--quiet] [--wide]
                   [--no-cache | --refresh] [--new] [--perturb all|reorder,reword,…]
                   [--policy internal-tooling|production-codegen|<file.json>] [--junit out.xml]
                   [--typecheck off|record|strict] [--registry-check] [--semantics task|module|script]
                   [--python pyodide|cpython]
                   [--reference-ceiling-ms 120000] [--json] [--prices FILE] [--budget USD]
                   [--tasks a,b] [--tags t1,t2] [--difficulty easy,medium] [--limit N]

Ask the models for every task × variant × sample, run each answer in the sandbox, record the run
(data/runs/<run-id>), print its summary, and judge it against --policy when given (exit 1 when
violated).

                   Picking tasks: --tasks keeps those ids, --tags tasks with ANY of the tags, --difficulty
                   any of easy/medium/hard; --limit N then keeps the first N (suite order, by id). The
                   selection is part of the run's identity (recorded as params.selection); an unknown
                   id, tag or difficulty, or a selection that leaves no task, exits 2 before any work.
                   --json: stdout gets one JSON document (run dir and id, complete, counts, summary rows,
                   policy verdicts with --policy); everything else goes to stderr.
                   The same command resumes an interrupted run (--new starts afresh). Real models'
                   answers are cached in data/cache (--no-cache: neither read nor write; --refresh: ask
                   again and overwrite); cache hits keep their original latency, flagged, excluded from stats.
                   --name NAME and --tag T (repeatable) label the run in its manifest (--tags picks
                   tasks by their tags; --tag labels the run); ./assay runs lists them. The summary fits 100 columns; --wide prints every column.
                   --perturb adds each variant again under each perturbation (robustness): rename_entry,
                   rename_params, reorder, reword, drop_examples, irrelevant_context, formatting.
                   --sandbox pooled (default): warm hosts under the same isolation, a fresh context per
                   sample, and the strict runner for whatever the pool cannot run identically;
                   --sandbox strict: one sandboxed process per sample.
  --nats URL       execute the samples on a fleet of workers (./assay worker --nats URL on other
                   machines) through this NATS JetStream server; generation and recording stay here;
                   NATS_USER/NATS_PASSWORD or NATS_TOKEN from the environment, never recorded.
                   Each task's reference is timed first, under --reference-ceiling-ms (not its declared
                   timeoutMs); samples get max(1 s, 10 × that time). A reference slower than its declared
                   timeoutMs is listed at the end and in the manifest; one over the ceiling is a task error.
                   --typecheck record: after the run, deno check in batches; diagnostics recorded per
                   sample and used as failure evidence; strict: a type error also fails a passing sample.
                   --semantics module|script runs every task's code as an ES module (strict) or as a
                   non-strict script (as node runs a .js file, how MBXP, MultiPL-E, HumanEval-X and
                   can-ai-code run JavaScript) instead of each task's own (task.json "semantics").
                   --python picks the runtime of Python tasks: pyodide (default; CPython compiled to
                   WebAssembly, inside the same permission-less Deno sandbox) or cpython (the machine's
                   /usr/bin/python3 under bubblewrap and prlimit: the reference runtime). Python packages
                   a task declares (task.json / suite.json "pythonPackages": ["yaml"]) need cpython and
                   Debian's package (apt-get install python3-yaml); any other non-stdlib import is
                   labelled undeclared_dependency or nonexistent_package, as for npm.
                   Declared npm dependencies (suite.json / task.json "dependencies") are installed once
                   into a read-only store in data/cache/deps (from node_modules or npm), then runs are
                   offline. An import of any other package is labelled undeclared_dependency or
                   nonexistent_package, decided by a local name list (node_modules, package-lock.json,
                   popular names) or, with --registry-check, by "npm view" (needs the network).
                   --prices FILE adds or overrides USD per 1M input/output tokens over the built-in,
                   dated list prices ({"asOf": "2026-01", "source": "…", "models": {"gpt-4o-mini":
                   {"input": 0.15, "output": 0.6}}}); the summary's cost column is what the requests
                   spent (cache hits spend nothing; a model without a price shows "no price").
                   --budget USD stops the run before a request could exceed it (each request's cost
                   estimated from its prompt and max_tokens, else 2048): exit 1, resumable with a
                   larger --budget; the run's earlier spend counts. Every model needs a price.

${MODELS_HELP}`;
