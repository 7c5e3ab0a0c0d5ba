/**
 * Suite validation: a suite must prove its own tests. The reference passes
 * every case several times in a row (flaky tests found), and the tests kill
 * the reference's near-miss mutants — the same seeded mutations the synthetic
 * model uses — with `edge` cases killing the boundary mutants.
 *
 * A task that changes a codebase (`"answer": "files"`) runs its tests on the tree (context
 * overlaid with the reference's changed files), and its mutants are those of each changed file,
 * described as `<path>: <what changed>` (the form `equivalentMutants` lists them in).
 *
 * @module
 */
import { applicableMutations, mutate, type MutationName } from "../model/mutate.ts";
import { applicablePythonMutations, mutatePython } from "../model/python_mutate.ts";
import { limiter } from "./limiter.ts";
import { runSample } from "../sandbox/deno.ts";
import type { Isolation, PythonRuntime, SandboxResult } from "../sandbox/sandbox.ts";
import { type Suite, type Task, taskDependencies, taskPythonPackages } from "../task/schema.ts";
import { pythonPackagesProblem } from "./python_packages_check.ts";
import {
  type DependencyStore,
  type DepStoreOptions,
  resolveDependencies,
} from "../sandbox/dep_store.ts";
import { overlayTree } from "../task/tree.ts";
import { referenceProblem, testsParseProblem, undefinedCasesProblem } from "./task_problem.ts";
import {
  ceilingProblem,
  DEFAULT_LIMIT,
  DEFAULT_REFERENCE_CEILING_MS,
  derivedLimitMs,
} from "./reference_timeouts.ts";
import { skippedTestCount } from "./skipped_tests.ts";
import {
  BOUNDARY_MUTATIONS,
  MIN_KILL_RATE,
  SEMANTIC_MUTATIONS,
  type TaskValidation,
} from "./validation.ts";

export {
  BOUNDARY_MUTATIONS,
  MIN_KILL_RATE,
  type MutantOutcome,
  SEMANTIC_MUTATIONS,
  type TaskValidation,
} from "./validation.ts";
import { SandboxUnavailableError } from "../sandbox/sandbox_unavailable.ts";

/** Options for {@link validateSuite}. */
export interface ValidateOptions {
  /** Reference runs per task. @default 3 */
  referenceRuns?: number;
  /** Sites tried per mutation (distinct mutants are kept). @default 16 */
  sitesPerMutation?: number;
  /** Concurrent sandboxed runs. @default 4 */
  concurrency?: number;
  /** Sandbox isolation. @default "bwrap" */
  isolation?: Isolation;
  /** Which Python runs Python tasks. @default "pyodide" */
  python?: PythonRuntime;
  /** Called after each task. */
  onTask?: (v: TaskValidation) => void;
  /**
   * The wall-clock limit each reference run gets, ms (not the task's declared `timeoutMs`, which a
   * slow reference may need more than: such a task is listed as `slowReference`, and its mutants
   * run under the limit derived from the reference's time). @default 120000
   */
  referenceCeilingMs?: number;
  /** Where declared npm dependencies are resolved (lib/sandbox/dep_store.ts); only used when the suite declares any. @default { cacheDir: "data/cache" } */
  dependencyStore?: DepStoreOptions;
}

/**
 * The distinct semantic mutants of a task's reference.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { referenceMutants } from "./validate_suite.ts";
 * const ms = referenceMutants({ referenceSource: "export function f(n: number) {\n  if (n < 0) return 0;\n  return n + 1;\n}\n", entry: "f" });
 * assert.ok(ms.some((m) => m.name === "dropped_guard"));
 * const py = referenceMutants({ referenceSource: "def f(n):\n    if n < 0:\n        return 0\n    return n + 1\n", entry: "f", language: "py" });
 * assert.ok(py.some((m) => m.name === "dropped_guard" && !m.source.includes("if n < 0")));
 * ```
 */
export function referenceMutants(
  task: { referenceSource: string; entry: string; language?: string },
  sitesPerMutation = 16,
) {
  const seen = new Set<string>();
  const out: { name: MutationName; source: string; description: string }[] = [];
  // A Python reference is mutated by the Python engine (same mutation names, Python syntax).
  const python = task.language === "py";
  const applicable = python ? applicablePythonMutations : applicableMutations;
  const mutateOne = python ? mutatePython : mutate;
  for (const name of applicable(task.referenceSource, task.entry)) {
    if (!SEMANTIC_MUTATIONS.includes(name)) continue;
    for (let seed = 0; seed < sitesPerMutation; seed++) {
      const m = mutateOne(task.referenceSource, task.entry, name, seed);
      if (!m || seen.has(m.source)) continue;
      seen.add(m.source);
      out.push(m);
    }
  }
  return out;
}

/**
 * The distinct semantic mutants of a files task's reference: each changed file mutated on its
 * own, described as `<path>: <what changed>`, with the whole set of changed files it belongs to.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { referenceFileMutants } from "./validate_suite.ts";
 * const ms = referenceFileMutants({
 *   referenceFiles: { "src/f.ts": "export function f(n: number) {\n  if (n < 0) return 0;\n  return n + 1;\n}\n", "src/g.ts": "export const g = 1;\n" },
 *   entry: "f",
 * });
 * assert.ok(ms.some((m) => m.description.startsWith("src/f.ts: ") && m.files["src/g.ts"] === "export const g = 1;\n"));
 * const py = referenceFileMutants({
 *   referenceFiles: { "f.py": "def f(n):\n    if n < 0:\n        return 0\n    return n + 1\n" },
 *   entry: "f",
 *   language: "py",
 * });
 * assert.ok(py.some((m) => m.description.startsWith("f.py: ") && !m.files["f.py"].includes("if n < 0")));
 * ```
 */
export function referenceFileMutants(
  task: { referenceFiles: Readonly<Record<string, string>>; entry: string; language?: string },
  sitesPerMutation = 16,
): { name: MutationName; files: Record<string, string>; description: string }[] {
  // A Python task's modules are mutated by the Python engine; its data files (.json) are not code.
  const code = (path: string) => task.language !== "py" || path.endsWith(".py");
  return Object.keys(task.referenceFiles).sort().filter(code).flatMap((path) =>
    referenceMutants(
      { referenceSource: task.referenceFiles[path], entry: task.entry, language: task.language },
      sitesPerMutation,
    )
      .map((m) => ({
        name: m.name,
        files: { ...task.referenceFiles, [path]: m.source },
        description: `${path}: ${m.description}`,
      }))
  );
}

const allPass = (r: SandboxResult) => r.cases.every((c) => c.status === "pass");

/**
 * The stand-in solution for a task without a reference: it exports `entry` as a function that
 * throws, so the tests load and every case runs (and fails) without a real solution.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { noReferenceStub } from "./validate_suite.ts";
 * assert.match(noReferenceStub("add"), /^export function add\(/);
 * assert.match(noReferenceStub("add", "py"), /^def add\(\*args, \*\*kwargs\):/);
 * ```
 */
export function noReferenceStub(entry: string, language?: string): string {
  if (language === "py") {
    return `def ${entry}(*args, **kwargs):\n` +
      `    raise NotImplementedError("no reference solution: ${entry} is a stub")\n`;
  }
  return `export function ${entry}(..._args: unknown[]): never {\n` +
    `  throw new Error("no reference solution: ${entry} is a stub");\n}\n`;
}

/**
 * Validate every task of a suite.
 *
 * @example
 * ```ts ignore
 * import { loadSuite } from "../mod.ts";
 * import { validateSuite } from "./mod.ts";
 * const report = await validateSuite(await loadSuite("tasks/builtin"));
 * ```
 */
export async function validateSuite(
  suite: Suite,
  options: ValidateOptions = {},
): Promise<TaskValidation[]> {
  const limit = limiter(options.concurrency ?? 4);
  const runs = options.referenceRuns ?? 3;
  const isolation = options.isolation ?? "bwrap";
  // Declared Python packages need CPython and an installed package each: said before any work.
  const pythonProblem = pythonPackagesProblem(suite, options.python ?? "pyodide");
  if (pythonProblem) throw new SandboxUnavailableError(pythonProblem.message);
  // Declared dependencies: one read-only store per distinct set, resolved once.
  const stores = new Map<string, DependencyStore | null>();
  for (const task of suite.tasks) {
    const declared = taskDependencies(suite, task);
    const key = JSON.stringify(declared);
    if (Object.keys(declared).length && !stores.has(key)) {
      stores.set(
        key,
        await resolveDependencies(declared, options.dependencyStore ?? { cacheDir: "data/cache" }),
      );
    }
  }
  const dependenciesOf = (task: Task) => {
    const store = stores.get(JSON.stringify(taskDependencies(suite, task)));
    return store ? { dependencies: { nodeModules: store.nodeModules } } : {};
  };
  // A files task runs on its tree: the context with `changed` written over it.
  const ceilingMs = options.referenceCeilingMs ?? DEFAULT_REFERENCE_CEILING_MS;
  const exec = (
    task: Task,
    code: string,
    changed?: Record<string, string>,
    timeoutMs = task.timeoutMs,
  ) =>
    limit(() =>
      runSample({
        code,
        testsSource: task.testsSource,
        cases: task.cases,
        entry: task.entry,
        semantics: task.semantics,
        ...(task.language === "py" ? pythonJob(suite, task, options.python) : {}),
        ...(changed || Object.keys(task.contextFiles ?? {}).length
          ? { files: overlayTree(task.contextFiles ?? {}, changed ?? {}) }
          : {}),
        ...dependenciesOf(task),
      }, {
        isolation,
        timeoutMs,
      })
    );
  const out: TaskValidation[] = [];
  const finish = (task: Task, v: TaskValidation) => {
    const skipped = skippedTestCount(task);
    if (skipped > 0) v.skipped = skipped;
    out.push(v);
    options.onTask?.(v);
  };
  await Promise.all(suite.tasks.map(async (task) => {
    const reference = task.referenceSource;
    if (reference === null) {
      // No reference (e.g. an imported benchmark): the tests can still be shown to load and
      // to run every declared case, against a stub entry point that throws when used.
      const r = task.answer === "files"
        ? await exec(task, "", {})
        : await exec(task, noReferenceStub(task.entry, task.language));
      const missing = r.cases.filter((c) => c.status === "missing").map((c) => c.name);
      const undefinedCases = r.cases.filter((c) =>
        c.status === "error" && / is not defined in tests\.ts$/.test(c.message)
      ).map((c) => c.name);
      const problems: string[] = [];
      if (r.outcome === "load_error") {
        problems.push(`no reference solution, and the tests do not load: ${r.detail}`);
      } else if (missing.length) {
        problems.push(
          `no reference solution, and ${missing.length} case(s) never ran (${r.outcome}${
            r.detail ? `: ${r.detail}` : ""
          }): ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", …" : ""}`,
        );
      }
      if (undefinedCases.length) {
        problems.push(
          `no reference solution, and ${undefinedCases.length} declared case(s) are not defined in the tests file: ${
            undefinedCases.slice(0, 5).join(", ")
          }${undefinedCases.length > 5 ? ", …" : ""}`,
        );
      }
      const v: TaskValidation = {
        task: task.id,
        referencePasses: 0,
        referenceRuns: 0,
        flakyCases: [],
        failingCases: [],
        referenceMs: r.execMs,
        mutants: [],
        killRate: null,
        edgeBoundaryRate: null,
        problems,
        notes: problems.length ? [] : [
          `no reference solution: the tests load and all ${r.cases.length} case(s) run (against a stub); not otherwise validated`,
        ],
      };
      finish(task, v);
      return;
    }
    const changed = task.answer === "files" ? task.referenceFiles ?? {} : undefined;
    const refs = await Promise.all(
      Array.from(
        { length: runs },
        () => exec(task, changed ? "" : reference, changed, Math.max(ceilingMs, task.timeoutMs)),
      ),
    );
    // Tests that do not parse, a declared case they do not define, a reference that does not
    // load: the task cannot be judged, and mutants "killed" by such tests prove nothing.
    const broken = testsParseProblem(task) ??
      refs.map((r) => ceilingProblem(r, Math.max(ceilingMs, task.timeoutMs), task.timeoutMs))
        .find((p) => p !== null) ??
      refs.map((r) =>
        r.outcome === "load_error" || undefinedCasesProblem(r.cases) ? referenceProblem(r) : null
      ).find((p) => p !== null) ?? null;
    if (broken !== null) {
      const v: TaskValidation = {
        task: task.id,
        referencePasses: refs.filter(allPass).length,
        referenceRuns: runs,
        flakyCases: [],
        failingCases: task.cases.map((c) => c.name),
        referenceMs: refs[0]?.execMs ?? 0,
        mutants: [],
        killRate: null,
        edgeBoundaryRate: null,
        problems: [`the task cannot be judged: ${broken} (mutants not run)`],
      };
      finish(task, v);
      return;
    }
    const failCounts = new Map<string, number>();
    for (const r of refs) {
      for (const c of r.cases) {
        if (c.status !== "pass") failCounts.set(c.name, (failCounts.get(c.name) ?? 0) + 1);
      }
    }
    const flakyCases = [...failCounts].filter(([, n]) => n < runs).map(([name]) => name);
    const failingCases = [...failCounts].filter(([, n]) => n === runs).map(([name]) => name);
    const times = refs.map((r) => r.execMs).sort((a, b) => a - b);
    const referenceMs = times[Math.floor(times.length / 2)];
    // Slower than declared: mutants get the limit a sample of this task would get in a run.
    const slow = referenceMs > task.timeoutMs
      ? {
        referenceMs: Math.round(referenceMs),
        declaredTimeoutMs: task.timeoutMs,
        limitMs: derivedLimitMs(referenceMs, DEFAULT_LIMIT.factor, DEFAULT_LIMIT.floorMs),
      }
      : null;
    const equivalent = new Set(task.equivalentMutants);
    const candidates = changed
      ? referenceFileMutants(
        { referenceFiles: changed, entry: task.entry, language: task.language },
        options.sitesPerMutation,
      )
        .map((m) => ({ ...m, source: "" }))
      : referenceMutants(
        { referenceSource: reference, entry: task.entry, language: task.language },
        options.sitesPerMutation,
      )
        .map((m) => ({ ...m, files: undefined }));
    const mutants = await Promise.all(
      candidates
        .map(async (m) => {
          const r = await exec(task, m.source, m.files, slow?.limitMs);
          return {
            mutation: m.name,
            description: m.description,
            killed: !allPass(r),
            killedByEdge: r.cases.some((c) => c.kind === "edge" && c.status !== "pass"),
            equivalent: equivalent.has(m.description),
          };
        }),
    );
    const counted = mutants.filter((m) => !m.equivalent);
    const boundary = counted.filter((m) => BOUNDARY_MUTATIONS.includes(m.mutation));
    const killRate = counted.length
      ? counted.filter((m) => m.killed).length / counted.length
      : null;
    const problems: string[] = [];
    if (failingCases.length) problems.push(`the reference fails: ${failingCases.join(", ")}`);
    if (flakyCases.length) problems.push(`flaky cases: ${flakyCases.join(", ")}`);
    if (killRate !== null && killRate < MIN_KILL_RATE) {
      problems.push(
        `the tests kill ${(killRate * 100).toFixed(0)}% of mutants (< ${MIN_KILL_RATE * 100}%)`,
      );
    }
    const v: TaskValidation = {
      task: task.id,
      referencePasses: refs.filter(allPass).length,
      referenceRuns: runs,
      flakyCases,
      failingCases,
      referenceMs,
      ...(slow ? { slowReference: slow } : {}),
      mutants,
      killRate,
      edgeBoundaryRate: boundary.length
        ? boundary.filter((m) => m.killedByEdge).length / boundary.length
        : null,
      problems,
    };
    finish(task, v);
  }));
  return out.sort((a, b) => a.task.localeCompare(b.task));
}

/** A Python task's job fields: the runtime, and the packages it declares (with its suite's). */
function pythonJob(suite: Suite, task: Task, python: PythonRuntime | undefined) {
  const pythonPackages = taskPythonPackages(suite, task);
  return { language: "py" as const, python, ...(pythonPackages.length ? { pythonPackages } : {}) };
}
