/**
 * The CLI's help text, printed for `--help`, `help`, no command, and after an unknown command or
 * a malformed option.
 *
 * @module
 */

/**
 * Every command, its options and defaults, the model specs and the exit codes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { USAGE } from "./usage.ts";
 * assert.match(USAGE, /^assay — evaluate LLM-generated code/);
 * assert.match(USAGE, /Exit codes: 0 ok, 1 policy violated or --budget reached \(resumable\), 2 usage or input error/);
 * ```
 */
export const USAGE: string = `assay — evaluate LLM-generated code

  deno task eval   [--suite tasks/builtin] [--model synthetic:default]… [--samples 1]
                   [--variant plain]… [--concurrency 4] [--model-concurrency N] [--sandbox-concurrency 4]
                   [--unsafe-no-isolation] [--sandbox pooled|strict] [--temperature T] [--seed N]
                   [--runs-dir data/runs] [--name NAME] [--quiet]
                   [--no-cache | --refresh] [--new] [--perturb all|reorder,reword,…]
                   [--policy internal-tooling|production-codegen|<file.json>] [--junit out.xml]
                   [--typecheck off|record|strict] [--registry-check] [--semantics task|module|script]
                   [--python pyodide|cpython]
                   [--reference-ceiling-ms 120000] [--json] [--prices FILE] [--budget USD]
                   [--tasks a,b] [--tags t1,t2] [--difficulty easy,medium] [--limit N]
                   Picking tasks: --tasks keeps those ids, --tags tasks with ANY of the tags, --difficulty
                   any of easy/medium/hard; --limit N then keeps the first N (suite order, by id). The
                   selection is part of the run's identity (recorded as params.selection); an unknown
                   id, tag or difficulty, or a selection that leaves no task, exits 2 before any work.
                   --json: stdout gets one JSON document (run dir and id, complete, counts, summary rows,
                   policy verdicts with --policy); everything else goes to stderr.
                   The same command resumes an interrupted run (--new starts afresh). Real models'
                   answers are cached in data/cache (--no-cache: neither read nor write; --refresh: ask
                   again and overwrite); cache hits keep their original latency, flagged, excluded from stats.
                   --perturb adds each variant again under each perturbation (robustness): rename_entry,
                   rename_params, reorder, reword, drop_examples, irrelevant_context, formatting.
                   --sandbox pooled (default): warm hosts under the same isolation, a fresh context per
                   sample, and the strict runner for whatever the pool cannot run identically;
                   --sandbox strict: one sandboxed process per sample.
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
  deno task report [--run data/runs/<run-id>]   (default: the newest complete CLI run) [--out FILE]
                   [--show-code] [--allow-incomplete] (an incomplete run is refused, exit 2, unless allowed)
                   [--prices FILE] (the Cost section re-priced by this file)
                   --run A --run B [--run C…]: a comparison report (B, C… against A, the baseline),
                   written to A's folder as report-vs-<B id>.html; a bare run id is looked up in data/runs
  deno task score  [--run DIR] [--policy NAME|FILE] [--junit out.xml] [--allow-incomplete]
                   [--prices FILE] (re-prices the run; else the prices it recorded): judge a
                   run against an acceptable-risk policy; exits 1 when a threshold is violated
  deno task export [--run DIR|RUN-ID] [--runs-dir data/runs] [--format csv|jsonl|md] [--out FILE] [--policy NAME|FILE]
                   [--allow-incomplete]   (default: the newest complete CLI run, csv, stdout)
                   csv/jsonl: one row per sample (scores, failure category and evidence, latency,
                   tokens, errors, the answer and its code); md: the summary table (and with --policy
                   each row's verdict) for a pull-request comment; md refuses an incomplete run unless
                   --allow-incomplete
  deno task load   [--model M]… [--concurrency 1,2,4,8,16] [--requests 32]: latency under load,
                   written to data/runs/<id>-load/load.json
  deno task validate [--suite tasks/builtin] [--unsafe-no-isolation] [--reference-ceiling-ms 120000]
                   [--python pyodide|cpython]
                   the reference passes 3×, the tests kill the reference's mutants; a task without
                   a reference is reported, and its tests are shown to load and run every case;
                   references slower than their declared timeoutMs and skipped tests are listed
  deno task import <format> <file> --out DIR [--force] [--limit N] [--language js|py]
                   write a benchmark file as a folder suite (one folder per task) that --suite reads;
                   format: auto | multipl-e | humaneval-x | mbxp | can-ai-code | jest | deno-test |
                   humaneval | mbpp | multipl-e-py | evalplus (Python); --language: can-ai-code only;
                   refuses a non-empty DIR unless --force (which replaces its task folders)
  deno task demo   eval on tasks/builtin with synthetic:default and synthetic:sloppy, then report

Models: synthetic:reference | synthetic:default | synthetic:sloppy (offline, labelled synthetic);
        openai:<model> (OPENAI_API_KEY; OPENAI_BASE_URL for any compatible server) and the presets
        ollama: vllm: llamacpp: lmstudio: openrouter: together: groq: deepseek: (<NAME>_API_KEY,
        <NAME>_BASE_URL). Parameters ride on the spec: openai:gpt-4o-mini?temperature=0&max_tokens=1024
        (temperature, top_p, max_tokens, seed, reasoning_effort, stop).
        replay:<run folder or answers.jsonl>[#<model>] serves recorded answers again (re-scoring).

Exit codes: 0 ok, 1 policy violated or --budget reached (resumable), 2 usage or input error
        (checked before any request),
        3 tool or infrastructure failure (every generation failed, sandbox unavailable, internal error).`;
