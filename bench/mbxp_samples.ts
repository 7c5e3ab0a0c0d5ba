/**
 * The MBXP sample completions of ../shared/datasets (mxeval's own examples, one per problem),
 * joined with their problems: what the MBXP benchmarks run.
 *
 * @module
 */
import { join } from "node:path";
import { resolveDependencies } from "../lib/sandbox/dep_store.ts";
import type { SandboxJob } from "../lib/sandbox/sandbox.ts";
import type { Task } from "../lib/task/schema.ts";

const DATA = new URL("../../shared/datasets/", import.meta.url).pathname;
const ROOT = new URL("..", import.meta.url).pathname;

/** One MBXP problem with its recorded sample completion. */
export interface Program {
  /** mxeval's task id, e.g. `MBTSP/7`. */
  id: string;
  /** The problem's prompt (the function's head); the completion continues it. */
  prompt: string;
  /** The recorded completion: the function's body. */
  completion: string;
  /** mxeval's test program. */
  test: string;
  /** mxeval's entry point (the function's name). */
  entry: string;
}

/** The problem and sample files of each MBXP language. */
export const MBXP_FILES = {
  ts: {
    problems: "mxeval/mbtsp_release_v1.2.jsonl",
    samples: "completions/mxeval-mbtsp_samples.jsonl",
  },
  js: {
    problems: "mxeval/mbjsp_release_v1.2.jsonl",
    samples: "completions/mxeval-mbjsp_samples.jsonl",
  },
} as const;

/**
 * The MBXP problems of `language` that have a sample completion, in file order (the first `limit`).
 *
 * @example
 * ```ts ignore
 * import { mbxpPrograms } from "./mbxp_samples.ts";
 * const [first] = await mbxpPrograms("js", 1);
 * console.log(first.id, first.prompt + first.completion);
 * ```
 */
export async function mbxpPrograms(language: "ts" | "js", limit = Infinity): Promise<Program[]> {
  const files = MBXP_FILES[language];
  const samples = new Map<string, string>();
  for (const line of (await Deno.readTextFile(join(DATA, files.samples))).split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    samples.set(r.task_id, r.completion);
  }
  const out: Program[] = [];
  for (const line of (await Deno.readTextFile(join(DATA, files.problems))).split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    if (!samples.has(r.task_id)) continue;
    out.push({
      id: r.task_id,
      prompt: r.prompt,
      completion: samples.get(r.task_id)!,
      test: r.test,
      entry: r.entry_point,
    });
  }
  return out.slice(0, limit);
}

/** A sample whose code and tests do nothing: what a sandbox costs on its own. */
export const EMPTY_JOB: SandboxJob = {
  code: "export const f = () => 0;",
  testsSource:
    'import { f } from "./solution.ts";\nexport const cases = { empty: () => { f(); } };',
  cases: [{ name: "empty", kind: "core", tags: [] }],
  entry: "f",
};

/** A program's job: its prompt and completion as the code, its task's tests. */
export function programJob(
  p: Program,
  task: Pick<Task, "testsSource" | "cases" | "entry">,
): SandboxJob {
  return {
    code: p.prompt + p.completion,
    testsSource: task.testsSource,
    cases: task.cases,
    entry: task.entry,
  };
}

/**
 * The dependency store (its `node_modules`) of each task that declares packages, by task id:
 * one store per distinct declaration, resolved as a run resolves them
 * (lib/run/dependency_stores.ts) into data/cache.
 */
export async function dependencyStores(
  tasks: readonly Pick<Task, "id" | "dependencies">[],
): Promise<Map<string, string>> {
  const byDeclaration = new Map<string, string>();
  const byTask = new Map<string, string>();
  for (const task of tasks) {
    if (!task.dependencies) continue;
    const key = JSON.stringify(task.dependencies);
    if (!byDeclaration.has(key)) {
      const store = await resolveDependencies(task.dependencies, {
        cacheDir: join(ROOT, "data", "cache"),
        projectDir: ROOT,
      });
      byDeclaration.set(key, store!.nodeModules);
    }
    byTask.set(task.id, byDeclaration.get(key)!);
  }
  return byTask;
}
