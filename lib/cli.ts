/**
 * The `deno task` entry points: `eval`, `report`, `demo`. The only place,
 * with the notebooks, that reads environment variables.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { dirname, join, relative, resolve } from "node:path";
import { summarize } from "./analyze/summary.ts";
import { runGaps } from "./analyze/run_gaps.ts";
import { EXIT, scrubArgs, ToolError, UsageError } from "./cli/errors.ts";
import { gapsText, summaryText } from "./cli/summary_text.ts";
import { defaultRun, refuseIncomplete } from "./cli/run_choice.ts";
import { fileCache } from "./model/cache.ts";
import { createProvider } from "./model/create.ts";
import type { Provider } from "./model/provider.ts";
import { perturbationByName, PERTURBATIONS } from "./prompt/perturb.ts";
import { templateByName } from "./prompt/templates.ts";
import { renderReport } from "./report/render.ts";
import { parseReportArgs, resolveRunDirs, RunArgumentError } from "./report/report_args.ts";
import { evaluate } from "./run/evaluate.ts";
import { measureLoad } from "./run/load.ts";
import { newRunId } from "./run/store.ts";
import { writeParquet } from "./run/parquet.ts";
import { progressBar } from "./run/progress.ts";
import { bwrapAvailable } from "./sandbox/isolate.ts";
import type { Isolation } from "./sandbox/sandbox.ts";
import { incompleteLabel, loadRun, type Run } from "./analyze/load.ts";
import { junitXml } from "./score/junit.ts";
import { judgeRun, type Policy, resolvePolicy } from "./score/policy.ts";
import { packageCheck } from "./score/package_check.ts";
import { loadSuite } from "./task/load.ts";
import { validateSuite, validationMarkdown } from "./run/validate.ts";
import { importSuite, type SuiteFormat } from "./task/importers/detect.ts";
import { writeSuite } from "./task/write_suite.ts";

const ROOT = resolve(new URL("..", import.meta.url).pathname);
const RUNS_DIR = join(ROOT, "data", "runs");
const CACHE_DIR = join(ROOT, "data", "cache");

const USAGE = `assay — evaluate LLM-generated code

  deno task eval   [--suite tasks/builtin] [--model synthetic:default]… [--samples 1]
                   [--variant plain]… [--concurrency 4] [--model-concurrency N] [--sandbox-concurrency 4]
                   [--unsafe-no-isolation] [--sandbox pooled|strict] [--temperature T] [--seed N]
                   [--runs-dir data/runs] [--name NAME] [--quiet]
                   [--no-cache | --refresh] [--new] [--perturb all|reorder,reword,…]
                   [--policy internal-tooling|production-codegen|<file.json>] [--junit out.xml]
                   [--typecheck off|record|strict] [--registry-check]
                   The same command resumes an interrupted run (--new starts afresh). Real models'
                   answers are cached in data/cache (--no-cache: neither read nor write; --refresh: ask
                   again and overwrite); cache hits keep their original latency, flagged, excluded from stats.
                   --perturb adds each variant again under each perturbation (robustness): rename_entry,
                   rename_params, reorder, reword, drop_examples, irrelevant_context, formatting.
                   --sandbox pooled (default): warm hosts under the same isolation, a fresh context per
                   sample, and the strict runner for whatever the pool cannot run identically;
                   --sandbox strict: one sandboxed process per sample.
                   --typecheck record: after the run, deno check in batches; diagnostics recorded per
                   sample and used as failure evidence; strict: a type error also fails a passing sample.
                   Declared npm dependencies (suite.json / task.json "dependencies") are installed once
                   into a read-only store in data/cache/deps (from node_modules or npm), then runs are
                   offline. An import of any other package is labelled undeclared_dependency or
                   nonexistent_package, decided by a local name list (node_modules, package-lock.json,
                   popular names) or, with --registry-check, by "npm view" (needs the network).
  deno task report [--run data/runs/<run-id>]   (default: the newest complete CLI run) [--out FILE]
                   [--show-code] [--allow-incomplete] (an incomplete run is refused, exit 2, unless allowed)
                   --run A --run B [--run C…]: a comparison report (B, C… against A, the baseline),
                   written to A's folder as report-vs-<B id>.html; a bare run id is looked up in data/runs
  deno task score  [--run DIR] [--policy NAME|FILE] [--junit out.xml] [--allow-incomplete]: judge a
                   run against an acceptable-risk policy; exits 1 when a threshold is violated
  deno task load   [--model M]… [--concurrency 1,2,4,8,16] [--requests 32]: latency under load,
                   written to data/runs/<id>-load/load.json
  deno task validate [--suite tasks/builtin] [--unsafe-no-isolation]
                   the reference passes 3×, the tests kill the reference's mutants; a task without
                   a reference is reported, and its tests are shown to load and run every case
  deno task import <format> <file> --out DIR [--force] [--limit N]
                   write a benchmark file as a folder suite (one folder per task) that --suite reads;
                   format: auto | multipl-e | humaneval-x | mbxp | can-ai-code | jest | deno-test;
                   refuses a non-empty DIR unless --force (which replaces its task folders)
  deno task demo   eval on tasks/builtin with synthetic:default and synthetic:sloppy, then report

Models: synthetic:reference | synthetic:default | synthetic:sloppy (offline, labelled synthetic);
        openai:<model> (OPENAI_API_KEY; OPENAI_BASE_URL for any compatible server) and the presets
        ollama: vllm: llamacpp: lmstudio: openrouter: together: groq: deepseek: (<NAME>_API_KEY,
        <NAME>_BASE_URL). Parameters ride on the spec: openai:gpt-4o-mini?temperature=0&max_tokens=1024
        (temperature, top_p, max_tokens, seed, reasoning_effort, stop).
        replay:<run folder or answers.jsonl>[#<model>] serves recorded answers again (re-scoring).

Exit codes: 0 ok, 1 policy violated, 2 usage or input error (checked before any request),
        3 tool or infrastructure failure (every generation failed, sandbox unavailable, internal error).`;

async function chooseIsolation(
  requested: string | undefined,
  unsafe = false,
): Promise<Isolation> {
  if (unsafe || requested === "none") {
    console.error(
      "assay: --unsafe-no-isolation: no OS isolation, Deno permissions only; a program whose module " +
        "graph reaches outside its job folder is refused before it runs (recorded as isolation none)",
    );
    return "none";
  }
  if (requested !== undefined && requested !== "bwrap") {
    throw new UsageError(`Cannot use --isolation "${requested}": use bwrap or none`);
  }
  if (await bwrapAvailable()) return "bwrap";
  throw new UsageError(
    'Cannot isolate generated code: bubblewrap is not available: install it ("sudo apt-get install -y bubblewrap"), ' +
      "or pass --unsafe-no-isolation to rely on Deno permissions alone (recorded in the run)",
  );
}

function fmt(x: number | null, digits = 2, suffix = ""): string {
  return x === null ? "—" : `${x.toFixed(digits)}${suffix}`;
}

/** Print a policy's verdicts; write JUnit XML when asked; true when every model × variant passes. */
async function reportPolicy(
  run: Run,
  policy: Policy,
  junit?: string,
): Promise<boolean> {
  const verdicts = judgeRun(run, policy);
  console.log(`\npolicy ${policy.name}${policy.description ? ` — ${policy.description}` : ""}`);
  for (const v of verdicts) {
    console.log(`  ${v.ok ? "PASS" : "FAIL"}  ${v.model} ${v.variant}`);
    for (const c of v.checks) {
      const value = c.value === null ? `— (${c.note})` : String(Number(c.value.toPrecision(4)));
      console.log(
        `        ${c.ok ? "ok  " : "FAIL"} ${c.metric.padEnd(20)} ${
          value.padStart(10)
        }  ${c.bound} ${c.limit}`,
      );
    }
  }
  if (junit) {
    const gaps = runGaps(run);
    await Deno.writeTextFile(
      junit,
      junitXml(policy.name, verdicts, {
        ...gaps,
        incomplete: gaps.incomplete ? incompleteLabel(gaps.incomplete) : null,
      }),
    );
    console.log(`junit: ${junit}`);
  }
  return verdicts.every((v) => v.ok);
}

/** A policy by name or file, as a usage error when it cannot be read. */
async function policyArg(nameOrFile: string): Promise<Policy> {
  try {
    return await resolvePolicy(nameOrFile);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Check before any work that `--junit`'s file can be written (its folder exists and is writable). */
async function junitArg(path: string | undefined): Promise<string | undefined> {
  if (path === undefined) return undefined;
  const folder = dirname(resolve(path));
  try {
    if (!(await Deno.stat(folder)).isDirectory) throw new Error("not a folder");
    const probe = await Deno.makeTempFile({ dir: folder, prefix: ".assay-junit-" });
    await Deno.remove(probe);
  } catch (error) {
    throw new UsageError(
      `Cannot write --junit "${path}": its folder "${folder}" is not a writable folder (${
        (error as Error).message
      }): create it or choose another path`,
    );
  }
  return path;
}

/** Print what a run's scores do not cover, when anything. */
function printGaps(run: Parameters<typeof runGaps>[0]): void {
  const text = gapsText(runGaps(run));
  if (text) console.log(`\n${text}`);
}

async function runScore(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      run: { type: "string" },
      policy: { type: "string", default: "internal-tooling" },
      junit: { type: "string" },
      "allow-incomplete": { type: "boolean", default: false },
    },
  });
  const policy = await policyArg(values.policy);
  const junit = await junitArg(values.junit);
  const dir = values.run ? resolve(values.run) : await defaultRun(RUNS_DIR);
  let run;
  try {
    run = await loadRun(dir);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  refuseIncomplete(run, values["allow-incomplete"]);
  console.log(summaryText(summarize(run)));
  printGaps(run);
  if (!(await reportPolicy(run, policy, junit))) Deno.exit(EXIT.policy);
}

async function runEval(args: string[]): Promise<string> {
  const { values } = parseArgs({
    args,
    options: {
      suite: { type: "string", default: "tasks/builtin" },
      model: { type: "string", multiple: true },
      variant: { type: "string", multiple: true },
      perturb: { type: "string" },
      samples: { type: "string", default: "1" },
      concurrency: { type: "string", default: "4" },
      "sandbox-concurrency": { type: "string", default: "4" },
      "model-concurrency": { type: "string" },
      isolation: { type: "string" },
      "unsafe-no-isolation": { type: "boolean", default: false },
      sandbox: { type: "string", default: "pooled" },
      typecheck: { type: "string", default: "off" },
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
  const int = (name: string, raw: string, min: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) {
      throw new UsageError(`Cannot use --${name} "${raw}": use an integer >= ${min}`);
    }
    return n;
  };
  const samples = int("samples", values.samples, 1);
  const concurrency = int("concurrency", values.concurrency, 1);
  const sandboxConcurrency = int("sandbox-concurrency", values["sandbox-concurrency"], 1);
  const modelConcurrency = values["model-concurrency"] === undefined
    ? undefined
    : int("model-concurrency", values["model-concurrency"], 1);
  const seed = int("seed", values.seed, 0);
  const temperature = values.temperature === undefined ? undefined : Number(values.temperature);
  if (temperature !== undefined && !Number.isFinite(temperature)) {
    throw new UsageError(`Cannot use --temperature "${values.temperature}": use a number`);
  }
  const variants = (values.variant ?? ["plain"]).map((v) => {
    try {
      return templateByName(v);
    } catch (error) {
      throw new UsageError((error as Error).message);
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
        throw new UsageError((error as Error).message);
      }
    });
  try {
    if (!(await Deno.stat(values.suite)).isDirectory) {
      throw new UsageError(
        `Cannot load suite "${values.suite}": it is a file, not a suite folder: give a folder of tasks (e.g. --suite tasks/builtin), or import the file first ("./assay import auto ${values.suite} --out <folder>")`,
      );
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`Cannot load suite "${values.suite}": ${(error as Error).message}`);
  }
  const suite = await loadSuite(values.suite); // throws before any run folder exists
  const isolation = await chooseIsolation(values.isolation, values["unsafe-no-isolation"]);
  const sandbox = values.sandbox;
  if (sandbox !== "pooled" && sandbox !== "strict") {
    throw new UsageError(`Cannot use --sandbox "${sandbox}": use pooled or strict`);
  }
  const typecheck = values.typecheck;
  if (typecheck !== "off" && typecheck !== "record" && typecheck !== "strict") {
    throw new UsageError(`Cannot use --typecheck "${typecheck}": use off, record or strict`);
  }
  const specs = values.model ?? ["synthetic:default"];
  const models: Provider[] = [];
  try {
    for (const spec of specs) {
      try {
        models.push(
          createProvider(spec, { tasks: suite.tasks, env: Deno.env.toObject(), temperature }),
        );
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    }
    const total = suite.tasks.length * models.length * variants.length *
      (1 + perturbations.length) * samples;
    console.error(
      `assay: ${suite.tasks.length} tasks × ${models.length} model(s) × ${
        variants.length * (1 + perturbations.length)
      } variant(s) × ${samples} sample(s) = ${total}` +
        ` · isolation ${isolation} · sandbox ${sandbox}${
          models.some((m) => m.synthetic)
            ? " · synthetic models are offline stand-ins, not LLMs"
            : ""
        }`,
    );
    let bar = progressBar(0, { quiet: true });
    const evaluation = await evaluate(suite, {
      models,
      variants,
      perturbations,
      samples,
      concurrency,
      sandboxConcurrency,
      modelConcurrency,
      isolation,
      sandbox,
      seed,
      typecheck,
      dependencyStore: { cacheDir: values["cache-dir"], projectDir: ROOT },
      packageCheck: packageCheck({ projectDir: ROOT, registry: values["registry-check"] }),
      runsDir: values["runs-dir"],
      params: temperature === undefined ? {} : { temperature },
      cache: values["no-cache"] ? undefined : fileCache(values["cache-dir"]),
      cacheMode: values["no-cache"] ? "off" : values.refresh ? "refresh" : "use",
      resume: !values.new,
      origin: "cli",
      name: values.name ?? null,
      command: ["./assay", "eval", ...scrubArgs(args)],
      onStart: ({ dir, resumed, recorded, total: all, superseded }) => {
        if (superseded) {
          console.error(
            `assay: not resuming ${
              relative(Deno.cwd(), superseded.dir) || superseded.dir
            }: ${superseded.reason}; starting a new run`,
          );
        }
        if (resumed) {
          console.error(
            `assay: resuming ${
              relative(Deno.cwd(), dir) || dir
            }: ${recorded} of ${all} samples already recorded`,
          );
        }
        bar = progressBar(all - recorded, { quiet: values.quiet });
      },
      onSample: (_g, r) => bar.tick(r.passed),
    });
    bar.done();
    if (evaluation.pool) {
      const p = evaluation.pool;
      const handed = Object.entries(p.strict).sort((x, y) => y[1] - x[1]);
      const n = handed.reduce((sum, [, k]) => sum + k, 0);
      console.error(
        `assay: sandbox pooled: ${p.pooled} samples in warm hosts, ${p.timeouts} timed out there, ${n} run strict${
          n ? ` (${handed.map(([why, k]) => `${why}: ${k}`).join("; ")})` : ""
        }`,
      );
    }
    const run = await loadRun(evaluation.dir);
    await writeParquet(run.dir, run.generations, run.results);
    // Rows in the order models and variants were given, not in the order samples finished.
    const order = (xs: string[]) => (x: string) => xs.indexOf(x) < 0 ? xs.length : xs.indexOf(x);
    const modelRank = order(models.map((m) => m.spec));
    const variantRank = order(
      [...new Set(run.results.map((r) => r.variant))].sort((a, b) =>
        (a.includes("+") ? 1 : 0) - (b.includes("+") ? 1 : 0) || a.localeCompare(b)
      ),
    );
    const rows = summarize(run).sort((a, b) =>
      modelRank(a.model) - modelRank(b.model) || variantRank(a.variant) - variantRank(b.variant)
    );
    console.log(summaryText(rows));
    printGaps(run);
    console.log(`\nrun: ${relative(Deno.cwd(), run.dir) || run.dir}`);
    if (evaluation.generated > 0 && evaluation.generationErrors === evaluation.generated) {
      throw new ToolError(
        `every generation failed (${evaluation.generationErrors} of ${evaluation.generated}): ${evaluation.firstGenerationError}`,
      );
    }
    if (policy && !(await reportPolicy(run, policy, junit))) {
      await Promise.all(models.map((m) => m.close()));
      Deno.exit(EXIT.policy);
    }
    return run.dir;
  } finally {
    await Promise.all(models.map((m) => m.close()));
  }
}

async function runReport(args: string[]): Promise<string> {
  const { runs, showCode, out, allowIncomplete } = parseReportArgs(args);
  let dirs: string[];
  try {
    dirs = runs.length
      ? await resolveRunDirs(runs, { runsDir: RUNS_DIR })
      : [await defaultRun(RUNS_DIR)];
  } catch (error) {
    throw error instanceof RunArgumentError ? new UsageError(error.message) : error;
  }
  if (runs.length === 0) {
    try {
      await Deno.stat(join(dirs[0], "manifest.json"));
    } catch {
      throw new UsageError(
        `Cannot report on "${dirs[0]}": it has no manifest.json (is it a run folder?)`,
      );
    }
  }
  for (const dir of dirs) {
    let run;
    try {
      run = await loadRun(dir);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    refuseIncomplete(run, allowIncomplete);
  }
  const shown = dirs.map((d) => {
    const r = relative(Deno.cwd(), d);
    return r && !r.startsWith("..") ? r : d;
  }).join(" vs ");
  console.error(
    `assay: executing notebooks/report.ipynb for ${
      dirs.length > 1 ? "a comparison of " : ""
    }${shown}`,
  );
  const html = await renderReport(dirs, { showCode, out: out ? resolve(out) : undefined });
  console.log(`report: ${html}`);
  return html;
}

async function runValidate(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      suite: { type: "string", default: "tasks/builtin" },
      isolation: { type: "string" },
      "unsafe-no-isolation": { type: "boolean", default: false },
    },
  });
  const suite = await loadSuite(values.suite);
  const isolation = await chooseIsolation(values.isolation, values["unsafe-no-isolation"]);
  const bar = progressBar(suite.tasks.length, { label: "tasks" });
  const validations = await validateSuite(suite, {
    isolation,
    onTask: (v) => bar.tick(v.problems.length === 0),
    dependencyStore: { cacheDir: CACHE_DIR, projectDir: ROOT },
  });
  bar.done();
  console.log(validationMarkdown(validations));
  const unchecked = validations.filter((v) => v.referenceRuns === 0 && v.problems.length === 0);
  if (unchecked.length > 0) {
    console.error(
      `\nnote: ${unchecked.length} of ${validations.length} task(s) have no reference solution: ` +
        "their tests load and run every declared case, but are not otherwise validated",
    );
  }
  const bad = validations.filter((v) => v.problems.length > 0);
  if (bad.length > 0) {
    console.error(
      `\nerror: ${bad.length} of ${validations.length} task(s) fail validation: ${
        bad.map((v) => v.task).join(", ")
      }`,
    );
    Deno.exit(1);
  }
}

/** `import` formats on the command line → the importer's format (jest and deno-test are test files). */
const IMPORT_FORMATS: Record<string, SuiteFormat | "auto"> = {
  auto: "auto",
  "multipl-e": "multipl-e",
  "humaneval-x": "humaneval-x",
  mbxp: "mbxp",
  "can-ai-code": "can-ai-code",
  jest: "test-file",
  "deno-test": "test-file",
};

async function runImport(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      force: { type: "boolean", default: false },
      limit: { type: "string" },
    },
  });
  const [formatName, file, ...extra] = positionals;
  const formats = Object.keys(IMPORT_FORMATS).join(", ");
  if (formatName === undefined || file === undefined || extra.length > 0) {
    throw new UsageError(
      `Cannot import: expected "deno task import <format> <file> --out DIR", got "${
        positionals.join(" ")
      }": format is one of ${formats}`,
    );
  }
  const format = IMPORT_FORMATS[formatName];
  if (format === undefined) {
    throw new UsageError(`Cannot import with format "${formatName}": use one of ${formats}`);
  }
  if (!values.out) {
    throw new UsageError(
      `Cannot import "${file}": --out is required (the folder to write the suite to, e.g. --out tasks/imported)`,
    );
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new UsageError(`Cannot use --limit "${values.limit}": use an integer >= 1`);
  }
  let suite;
  try {
    suite = await importSuite(file, { format: format === "auto" ? undefined : format, limit });
  } catch (error) {
    if ((error as Error).name === "ImportError" || error instanceof Deno.errors.NotFound) {
      throw new UsageError((error as Error).message);
    }
    throw error;
  }
  let written;
  try {
    written = await writeSuite(suite, resolve(values.out), { force: values.force });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const withReference = suite.tasks.filter((t) => t.referenceSource !== null).length;
  const shown = relative(Deno.cwd(), written.dir);
  const out = shown && !shown.startsWith("..") ? shown : written.dir;
  console.log(
    `imported ${written.tasks} task(s) from ${file} into ${out} (${written.files} files; ` +
      `${withReference} with a reference solution)\n` +
      `next: deno task validate --suite ${out}`,
  );
}

async function runLoad(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      suite: { type: "string", default: "tasks/builtin" },
      model: { type: "string", multiple: true },
      concurrency: { type: "string", default: "1,2,4,8,16" },
      requests: { type: "string", default: "32" },
      "runs-dir": { type: "string", default: RUNS_DIR },
    },
  });
  const levels = values.concurrency.split(",").map((x) => {
    const n = Number(x);
    if (!Number.isInteger(n) || n < 1) {
      throw new UsageError(
        `Cannot use --concurrency "${values.concurrency}": use integers >= 1, e.g. 1,2,4,8`,
      );
    }
    return n;
  });
  const requests = Number(values.requests);
  if (!Number.isInteger(requests) || requests < 1) {
    throw new UsageError(`Cannot use --requests "${values.requests}": use an integer >= 1`);
  }
  const suite = await loadSuite(values.suite);
  const dir = join(values["runs-dir"], `${newRunId()}-load`);
  await Deno.mkdir(dir, { recursive: true });
  const rows: Record<string, unknown>[] = [];
  for (const spec of values.model ?? ["synthetic:default"]) {
    let model: Provider;
    try {
      model = createProvider(spec, { tasks: suite.tasks, env: Deno.env.toObject() });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    try {
      console.error(
        `assay: load on ${model.spec}${
          model.synthetic ? " (synthetic)" : ""
        }: ${requests} requests at ${levels.join(", ")}`,
      );
      await measureLoad(model, suite.tasks, {
        levels,
        requests,
        onLevel: (l) => {
          rows.push({ model: model.spec, synthetic: model.synthetic, ...l });
          console.log(
            `${model.spec.padEnd(24)} c=${String(l.concurrency).padStart(3)}  ${
              l.throughputRps.toFixed(1).padStart(6)
            } req/s  ` +
              `${l.tokensPerSec.toFixed(0).padStart(6)} tok/s  ttft p50 ${fmt(l.ttftP50, 0)} p95 ${
                fmt(l.ttftP95, 0)
              } ms  ` +
              `total p50 ${fmt(l.totalP50, 0)} p95 ${fmt(l.totalP95, 0)} ms  errors ${l.errors}`,
          );
        },
      });
    } finally {
      await model.close();
    }
  }
  const artifact = {
    createdAt: new Date().toISOString(),
    suite: { name: suite.name, hash: suite.hash },
    levels,
    requests,
    rows,
  };
  await Deno.writeTextFile(join(dir, "load.json"), JSON.stringify(artifact, null, 2) + "\n");
  console.log(`\nload curve: ${relative(Deno.cwd(), join(dir, "load.json"))}`);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(USAGE);
    return;
  }
  switch (command) {
    case "eval":
      await runEval(rest);
      return;
    case "report":
      await runReport(rest);
      return;
    case "validate":
      await runValidate(rest);
      return;
    case "load":
      await runLoad(rest);
      return;
    case "import":
      await runImport(rest);
      return;
    case "score":
      await runScore(rest);
      return;
    case "notebooks": {
      // Execute every researcher notebook headlessly into data/notebooks/<name>.html.
      const { executeAllNotebooks } = await import("./report/notebooks.ts");
      const pages = await executeAllNotebooks({
        onNotebook: ({ html, seconds }) =>
          console.log(`${relative(Deno.cwd(), html)} (${seconds.toFixed(1)} s)`),
      });
      console.log(`\n${pages.length} notebooks executed`);
      return;
    }
    case "demo": {
      const dir = await runEval([
        "--model",
        "synthetic:default",
        "--model",
        "synthetic:sloppy",
        "--samples",
        "3",
        ...rest,
      ]);
      const html = await runReport(["--run", dir]);
      console.log(`\nOpen the report: file://${html}`);
      return;
    }
    case undefined:
    case "help":
    case "--help":
      console.log(USAGE);
      return;
    default:
      throw new UsageError(
        `Cannot run command "${command}": use eval, report, score, validate, import, load or demo\n\n${USAGE}`,
      );
  }
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
    if (error instanceof ToolError) {
      console.error(`error: ${error.message}`);
      Deno.exit(EXIT.tool);
    }
    // Anything else is assay's own failure (or the machine's): say so, with the stack, exit 3.
    console.error(`internal error (exit 3): ${(error as Error)?.stack ?? String(error)}`);
    Deno.exit(EXIT.tool);
  }
}
