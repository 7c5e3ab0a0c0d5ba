/**
 * Suite validation: a suite must prove its own tests. The reference passes
 * every case several times in a row (flaky tests found), and the tests kill
 * the reference's near-miss mutants — the same seeded mutations the synthetic
 * model uses — with `edge` cases killing the boundary mutants.
 *
 * @module
 */
import { applicableMutations, mutate, type MutationName } from "../model/mutate.ts";
import { limiter } from "../run/pool.ts";
import { runSample } from "../sandbox/deno.ts";
import type { Isolation, SandboxResult } from "../sandbox/sandbox.ts";
import type { Suite, Task } from "./schema.ts";

/** Mutations that model subtle bugs; the others (syntax, crash, loop, rename, refusal) die on any test. */
export const SEMANTIC_MUTATIONS: readonly MutationName[] = [
  "off_by_one",
  "dropped_guard",
  "swapped_operator",
  "hallucinated_api",
];
/** Mutations at a boundary: edge cases should kill them. */
export const BOUNDARY_MUTATIONS: readonly MutationName[] = ["off_by_one", "dropped_guard"];
/** A task whose kill rate is below this is flagged. */
export const MIN_KILL_RATE = 0.8;

/** One mutant and what the tests did to it. */
export interface MutantOutcome {
  /** The mutation. */
  mutation: MutationName;
  /** Where and what changed. */
  description: string;
  /** At least one case did not pass. */
  killed: boolean;
  /** At least one `edge` case did not pass. */
  killedByEdge: boolean;
  /** Marked equivalent in task.json (excluded from rates). */
  equivalent: boolean;
}

/** The validation of one task. */
export interface TaskValidation {
  /** Task id. */
  task: string;
  /** Reference runs whose every case passed, of `referenceRuns`. */
  referencePasses: number;
  /** Reference runs made. */
  referenceRuns: number;
  /** Cases that failed in some reference run but not all (flaky). */
  flakyCases: string[];
  /** Cases that failed in every reference run. */
  failingCases: string[];
  /** Median reference wall time (ms, process start included). */
  referenceMs: number;
  /** Every semantic mutant. */
  mutants: MutantOutcome[];
  /** Killed share of non-equivalent mutants (null without mutants). */
  killRate: number | null;
  /** Share of non-equivalent boundary mutants killed by an edge case (null without any). */
  edgeBoundaryRate: number | null;
  /** Problems that fail validation. */
  problems: string[];
}

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
  /** Called after each task. */
  onTask?: (v: TaskValidation) => void;
}

/**
 * The distinct semantic mutants of a task's reference.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { referenceMutants } from "./validate.ts";
 * const ms = referenceMutants({ referenceSource: "export function f(n: number) {\n  if (n < 0) return 0;\n  return n + 1;\n}\n", entry: "f" });
 * assert.ok(ms.some((m) => m.name === "dropped_guard"));
 * ```
 */
export function referenceMutants(
  task: { referenceSource: string; entry: string },
  sitesPerMutation = 16,
) {
  const seen = new Set<string>();
  const out: { name: MutationName; source: string; description: string }[] = [];
  for (const name of applicableMutations(task.referenceSource, task.entry)) {
    if (!SEMANTIC_MUTATIONS.includes(name)) continue;
    for (let seed = 0; seed < sitesPerMutation; seed++) {
      const m = mutate(task.referenceSource, task.entry, name, seed);
      if (!m || seen.has(m.source)) continue;
      seen.add(m.source);
      out.push(m);
    }
  }
  return out;
}

const allPass = (r: SandboxResult) => r.cases.every((c) => c.status === "pass");

/**
 * Validate every task of a suite.
 *
 * @example
 * ```ts ignore
 * import { loadSuite, validateSuite } from "../mod.ts";
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
  const exec = (task: Task, code: string) =>
    limit(() =>
      runSample({ code, testsSource: task.testsSource, cases: task.cases, entry: task.entry }, {
        isolation,
        timeoutMs: task.timeoutMs,
      })
    );
  const out: TaskValidation[] = [];
  await Promise.all(suite.tasks.map(async (task) => {
    const reference = task.referenceSource;
    if (reference === null) {
      const v: TaskValidation = {
        task: task.id,
        referencePasses: 0,
        referenceRuns: 0,
        flakyCases: [],
        failingCases: [],
        referenceMs: 0,
        mutants: [],
        killRate: null,
        edgeBoundaryRate: null,
        problems: ["no reference solution: its tests cannot be validated"],
      };
      out.push(v);
      options.onTask?.(v);
      return;
    }
    const refs = await Promise.all(
      Array.from({ length: runs }, () => exec(task, reference)),
    );
    const failCounts = new Map<string, number>();
    for (const r of refs) {
      for (const c of r.cases) {
        if (c.status !== "pass") failCounts.set(c.name, (failCounts.get(c.name) ?? 0) + 1);
      }
    }
    const flakyCases = [...failCounts].filter(([, n]) => n < runs).map(([name]) => name);
    const failingCases = [...failCounts].filter(([, n]) => n === runs).map(([name]) => name);
    const times = refs.map((r) => r.execMs).sort((a, b) => a - b);
    const equivalent = new Set(task.equivalentMutants);
    const mutants = await Promise.all(
      referenceMutants({ referenceSource: reference, entry: task.entry }, options.sitesPerMutation)
        .map(async (m) => {
          const r = await exec(task, m.source);
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
      referenceMs: times[Math.floor(times.length / 2)],
      mutants,
      killRate,
      edgeBoundaryRate: boundary.length
        ? boundary.filter((m) => m.killedByEdge).length / boundary.length
        : null,
      problems,
    };
    out.push(v);
    options.onTask?.(v);
  }));
  return out.sort((a, b) => a.task.localeCompare(b.task));
}

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

/**
 * A Markdown table of a validation, one row per task, plus the survivors.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { validationMarkdown } from "./validate.ts";
 * assert.match(validationMarkdown([]), /\| task \|/);
 * ```
 */
export function validationMarkdown(validations: TaskValidation[]): string {
  const lines = [
    "| task | reference | mutants | killed | edge kills boundary mutants | status |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const v of validations) {
    const counted = v.mutants.filter((m) => !m.equivalent);
    const boundary = counted.filter((m) => BOUNDARY_MUTATIONS.includes(m.mutation));
    lines.push(
      `| ${v.task} | ${v.referencePasses}/${v.referenceRuns} pass | ${counted.length} | ${
        pct(v.killRate)
      } | ` +
        `${pct(v.edgeBoundaryRate)} of ${boundary.length} | ${
          v.problems.length ? v.problems.join("; ") : "ok"
        } |`,
    );
  }
  const survivors = validations.flatMap((v) =>
    v.mutants.filter((m) => !m.killed && !m.equivalent).map((m) =>
      `- ${v.task}: ${m.mutation}: ${m.description}`
    )
  );
  if (survivors.length) lines.push("", "Surviving mutants:", "", ...survivors);
  return lines.join("\n");
}
