/**
 * `eval`'s command line, read and checked before the first request: a bad policy, path, number,
 * template, perturbation, suite or isolation costs nothing and exits 2.
 *
 * @module
 */
import { parseArgs } from "./args.ts";
import { perturbationByName, type PerturbationName, PERTURBATIONS } from "../prompt/perturb.ts";
import { type PromptTemplate, templateByName } from "../prompt/templates.ts";
import type { TypecheckMode } from "../run/typecheck_stage.ts";
import type { Isolation, PythonRuntime } from "../sandbox/sandbox.ts";
import type { Semantics } from "../task/schema.ts";
import type { Policy } from "../score/policy.ts";
import { loadSuite } from "../task/load_suite.ts";
import { RUN_DEFAULTS } from "../run/defaults.ts";
import { selectTasks, type TaskSelection } from "../task/select.ts";
import type { Suite } from "../task/schema.ts";
import { UsageError } from "./errors.ts";
import {
  chooseIsolation,
  intArg,
  junitArg,
  policyArg,
  pythonArg,
  pythonPackagesArg,
} from "./inputs.ts";
import { CACHE_DIR, RUNS_DIR } from "./paths.ts";
import { BUILTIN_PRICES, type PriceTable } from "../model/prices.ts";
import { budgetArg, pricesArg } from "./prices_arg.ts";

/** `eval`'s options as given (strings and flags), defaults filled in. */
export interface EvalValues {
  /** `--suite`, the suite folder. */
  suite: string;
  /** `--model`, every spec given (none: synthetic:default). */
  model?: string[];
  /** `--runs-dir`. */
  "runs-dir": string;
  /** `--cache-dir`. */
  "cache-dir": string;
  /** `--no-cache`. */
  "no-cache": boolean;
  /** `--refresh`. */
  refresh: boolean;
  /** `--new`. */
  new: boolean;
  /** `--registry-check`. */
  "registry-check": boolean;
  /** `--name`. */
  name?: string;
  /** `--quiet`. */
  quiet: boolean;
  /** `--json`: one JSON document on stdout, the human output on stderr. */
  json: boolean;
  /** `--tag`, every label given (repeatable). */
  tag?: string[];
  /** `--wide`: the summary with every column. */
  wide: boolean;
  /** `--nats`: the fleet server that executes the samples (none: this machine). */
  nats?: string;
}

/** `eval`'s command line, checked and normalised. */
export interface EvalArgs {
  /** The options as given. */
  values: EvalValues;
  /** The policy to judge the run against, if any. */
  policy: Policy | undefined;
  /** Where to write JUnit XML, if anywhere. */
  junit: string | undefined;
  /** Samples per task × model × variant. */
  samples: number;
  /** Samples in flight. */
  concurrency: number;
  /** Sandboxed programs at once. */
  sandboxConcurrency: number;
  /** Requests in flight per model, if limited apart. */
  modelConcurrency: number | undefined;
  /** The first sample's seed. */
  seed: number;
  /** Sampling temperature for real models, if given. */
  temperature: number | undefined;
  /** The prompt templates. */
  variants: PromptTemplate[];
  /** The perturbations each variant is run again under. */
  perturbations: PerturbationName[];
  /** The suite, loaded, with only the tasks `--tasks/--tags/--difficulty/--limit` select. */
  suite: Suite;
  /** The selection as given (recorded in the manifest's `params.selection`); undefined: every task. */
  selection: TaskSelection | undefined;
  /** How generated code is isolated. */
  isolation: Isolation;
  /** Pooled warm hosts or one process per sample. */
  sandbox: "pooled" | "strict";
  /** Whether and how generated code is type-checked. */
  typecheck: TypecheckMode;
  /** The semantics every task's code runs with; undefined: each task's own. */
  semantics: Semantics | undefined;
  /** `--python`: which Python runs Python tasks. */
  python: PythonRuntime;
  /** `--reference-ceiling-ms`: the limit references are measured under, if given (else evaluate()'s default, 120 000). */
  referenceCeilingMs: number | undefined;
  /** The price table: built-in, extended by `--prices FILE`. */
  prices: PriceTable;
  /** `--budget USD`, if given (every model has a price). */
  budgetUsd: number | undefined;
}

/**
 * Read and check `eval`'s arguments in the order a user meets them; nothing is requested or
 * written.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseEvalArgs } from "./eval_args.ts";
 * const args = await parseEvalArgs(["--samples", "2", "--unsafe-no-isolation"]);
 * assert.equal(args.samples, 2);
 * assert.equal(args.isolation, "none");
 * assert.deepEqual(args.variants.map((v) => v.name), ["plain"]);
 * await assert.rejects(parseEvalArgs(["--samples", "0"]), /Cannot use --samples "0": use an integer >= 1/);
 * await assert.rejects(parseEvalArgs(["--tag", " "]), /Cannot use --tag " ": give a label/);
 * await assert.rejects(parseEvalArgs(["--unsafe-no-isolation", "--sandbox", "x"]), /Cannot use --sandbox "x"/);
 * assert.equal((await parseEvalArgs(["--unsafe-no-isolation", "--reference-ceiling-ms", "30000"])).referenceCeilingMs, 30000);
 * await assert.rejects(parseEvalArgs(["--reference-ceiling-ms", "2s"]), /Cannot use --reference-ceiling-ms "2s": use an integer >= 1/);
 * await assert.rejects(parseEvalArgs(["--unsafe-no-isolation", "--model", "openai:mine", "--budget", "1"]), /"openai:mine": it has no price/);
 * ```
 *
 * @param args The arguments after `eval`.
 * @param options `suite`: a suite already loaded (e.g. `mixSuites()`'s, for `demo`), used instead
 * of loading `--suite`.
 * @throws {UsageError} For any bad input.
 */
export async function parseEvalArgs(
  args: string[],
  options: { suite?: Suite } = {},
): Promise<EvalArgs> {
  const { values } = parseArgs({
    args,
    options: {
      suite: { type: "string", default: "tasks/builtin" },
      model: { type: "string", multiple: true },
      variant: { type: "string", multiple: true },
      perturb: { type: "string" },
      samples: { type: "string", default: String(RUN_DEFAULTS.samples) },
      concurrency: { type: "string", default: String(RUN_DEFAULTS.concurrency) },
      "sandbox-concurrency": { type: "string", default: String(RUN_DEFAULTS.sandboxConcurrency) },
      "model-concurrency": { type: "string" },
      isolation: { type: "string" },
      "unsafe-no-isolation": { type: "boolean", default: false },
      sandbox: { type: "string", default: RUN_DEFAULTS.sandbox },
      nats: { type: "string" },
      typecheck: { type: "string", default: "off" },
      semantics: { type: "string", default: "task" },
      python: { type: "string", default: RUN_DEFAULTS.python },
      "registry-check": { type: "boolean", default: false },
      temperature: { type: "string" },
      seed: { type: "string", default: "0" },
      "runs-dir": { type: "string", default: RUNS_DIR },
      "cache-dir": { type: "string", default: CACHE_DIR },
      "no-cache": { type: "boolean", default: false },
      refresh: { type: "boolean", default: false },
      new: { type: "boolean", default: false },
      policy: { type: "string" },
      junit: { type: "string" },
      name: { type: "string" },
      quiet: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      tasks: { type: "string", multiple: true },
      tags: { type: "string", multiple: true },
      difficulty: { type: "string", multiple: true },
      limit: { type: "string" },
      tag: { type: "string", multiple: true },
      wide: { type: "boolean", default: false },
      "reference-ceiling-ms": { type: "string" },
      prices: { type: "string" },
      budget: { type: "string" },
    },
  });
  // Every input is checked before the first request: a bad policy or path costs nothing.
  const policy = values.policy === undefined ? undefined : await policyArg(values.policy);
  const junit = await junitArg(values.junit);
  if (junit !== undefined && policy === undefined) {
    throw new UsageError(
      `Cannot write --junit "${junit}" without --policy: name the policy to judge the run against`,
    );
  }
  const emptyTag = values.tag?.find((t) => t.trim() === "");
  if (emptyTag !== undefined) {
    throw new UsageError(`Cannot use --tag "${emptyTag}": give a label, e.g. --tag nightly`);
  }
  const samples = intArg("samples", values.samples, 1);
  const concurrency = intArg("concurrency", values.concurrency, 1);
  const sandboxConcurrency = intArg("sandbox-concurrency", values["sandbox-concurrency"], 1);
  const modelConcurrency = values["model-concurrency"] === undefined
    ? undefined
    : intArg("model-concurrency", values["model-concurrency"], 1);
  const seed = intArg("seed", values.seed, 0);
  const referenceCeilingMs = values["reference-ceiling-ms"] === undefined
    ? undefined
    : intArg("reference-ceiling-ms", values["reference-ceiling-ms"], 1);
  const temperature = values.temperature === undefined ? undefined : Number(values.temperature);
  if (temperature !== undefined && !Number.isFinite(temperature)) {
    throw new UsageError(`Cannot use --temperature "${values.temperature}": use a number`);
  }
  const variants = (values.variant ?? ["plain"]).map((v) => {
    try {
      return templateByName(v);
    } catch (error) {
      throw new UsageError((error as Error).message, { cause: error });
    }
  });
  const perturbations = values.perturb === undefined
    ? []
    : values.perturb === "all"
    ? [...PERTURBATIONS]
    : values.perturb.split(",").map((p) => {
      try {
        return perturbationByName(p.trim());
      } catch (error) {
        throw new UsageError((error as Error).message, { cause: error });
      }
    });
  if (options.suite === undefined) {
    try {
      if (!(await Deno.stat(values.suite)).isDirectory) {
        throw new UsageError(
          `Cannot load suite "${values.suite}": it is a file, not a suite folder: give a folder of tasks (e.g. --suite tasks/builtin), or import the file first ("./assay import auto ${values.suite} --out <folder>")`,
        );
      }
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`Cannot load suite "${values.suite}": ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  // Both throw before any run folder exists.
  const selection = selectionArgs(values);
  const suite = await selectedSuite(options.suite ?? await loadSuite(values.suite), selection);
  const isolation = await chooseIsolation(values.isolation, values["unsafe-no-isolation"]);
  const sandbox = values.sandbox;
  if (sandbox !== "pooled" && sandbox !== "strict") {
    throw new UsageError(`Cannot use --sandbox "${sandbox}": use pooled or strict`);
  }
  const typecheck = values.typecheck;
  if (typecheck !== "off" && typecheck !== "record" && typecheck !== "strict") {
    throw new UsageError(`Cannot use --typecheck "${typecheck}": use off, record or strict`);
  }
  const semantics = values.semantics;
  if (semantics !== "task" && semantics !== "module" && semantics !== "script") {
    throw new UsageError(
      `Cannot use --semantics "${semantics}": use task (each task's own), module or script`,
    );
  }
  const python = pythonArg(values.python, isolation);
  pythonPackagesArg(suite, python);
  const prices = (await pricesArg(values.prices)) ?? BUILTIN_PRICES;
  const budgetUsd = budgetArg(values.budget, values.model ?? ["synthetic:default"], prices);
  return {
    prices,
    budgetUsd,
    values,
    python,
    policy,
    junit,
    samples,
    concurrency,
    sandboxConcurrency,
    modelConcurrency,
    seed,
    temperature,
    variants,
    perturbations,
    suite,
    selection,
    isolation,
    sandbox,
    typecheck,
    semantics: semantics === "task" ? undefined : semantics,
    referenceCeilingMs,
  };
}

/** A comma-separated list flag (repeatable) as its values; undefined when not given. */
function listArg(name: string, given: string[] | undefined): string[] | undefined {
  if (given === undefined) return undefined;
  const values = given.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  if (values.length === 0) {
    throw new UsageError(
      `Cannot use --${name} "${given.join(",")}": it names nothing: give comma-separated values`,
    );
  }
  return values;
}

/** `--tasks`, `--tags`, `--difficulty` and `--limit` as a selection; undefined when none is given. */
function selectionArgs(
  values: { tasks?: string[]; tags?: string[]; difficulty?: string[]; limit?: string },
): TaskSelection | undefined {
  const selection: TaskSelection = {
    ...(values.tasks ? { tasks: listArg("tasks", values.tasks) } : {}),
    ...(values.tags ? { tags: listArg("tags", values.tags) } : {}),
    ...(values.difficulty ? { difficulty: listArg("difficulty", values.difficulty) } : {}),
    ...(values.limit !== undefined ? { limit: intArg("limit", values.limit, 1) } : {}),
  };
  return Object.keys(selection).length ? selection : undefined;
}

/** The suite cut to the selection; a selection that cannot be made is a usage error. */
async function selectedSuite(suite: Suite, selection: TaskSelection | undefined): Promise<Suite> {
  if (selection === undefined) return suite;
  try {
    return await selectTasks(suite, selection);
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
}
