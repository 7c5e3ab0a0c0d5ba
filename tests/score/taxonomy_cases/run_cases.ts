/**
 * The validation pipeline for the taxonomy tests: each program runs in the real sandbox
 * (isolation "none", short timeouts) and through one type-check batch, then is classified.
 *
 * @module
 */
import { limiter } from "../../../lib/run/limiter.ts";
import { runSample } from "../../../lib/sandbox/deno.ts";
import type { SandboxResult } from "../../../lib/sandbox/sandbox.ts";
import { classifyFailure, type ClassifyOptions } from "../../../lib/score/taxonomy.ts";
import { type FailureClassification } from "../../../lib/record/failure.ts";
import { typecheckBatch } from "../../../lib/score/typecheck.ts";
import { type Diagnostic } from "../../../lib/record/diagnostic.ts";
import { loadSuite } from "../../../lib/task/load_suite.ts";
import type { Task } from "../../../lib/task/schema.ts";

/** One program to evaluate against a task. */
export interface Program {
  /** Unique id. */
  id: string;
  /** The task it answers. */
  task: Task;
  /** The candidate code (null: nothing extracted). */
  code: string | null;
}

/** What the pipeline found for one program. */
export interface Evaluated {
  /** The program. */
  program: Program;
  /** The sandbox result. */
  result: SandboxResult;
  /** Its diagnostics. */
  diagnostics: Diagnostic[];
  /** The classification without and with strict mode. */
  classification: FailureClassification | null;
  /** The classification in strict mode. */
  strict: FailureClassification | null;
  /** The classification from the run alone (no diagnostics). */
  runOnly: FailureClassification | null;
}

const ROOT = new URL("../../../", import.meta.url);

/** The fixture tasks: tasks/builtin plus data/fixtures/suite-tiny, by id. */
export async function loadFixtureTasks(): Promise<Map<string, Task>> {
  const suites = await Promise.all([
    loadSuite(new URL("tasks/builtin", ROOT).pathname),
    loadSuite(new URL("data/fixtures/suite-tiny", ROOT).pathname),
  ]);
  return new Map(suites.flatMap((s) => s.tasks).map((t) => [t.id, t]));
}

/** Run, type-check and classify every program. */
export async function evaluatePrograms(
  programs: readonly Program[],
  options: ClassifyOptions & { timeoutMs?: number; concurrency?: number } = {},
): Promise<Evaluated[]> {
  const limit = limiter(options.concurrency ?? 3);
  const checkable = programs.filter((p) => p.code !== null);
  // One after the other: the checker and the sandbox compete for the same two cores, and
  // starved runs would hit the short timeouts.
  const started = performance.now();
  const diagnostics = await typecheckBatch(
    checkable.map((p) => ({ id: p.id, code: p.code!, testsSource: p.task.testsSource })),
  );
  const checked = performance.now();
  const timeoutMs = options.timeoutMs ?? 2000;
  const results = await Promise.all(programs.map((p) => limit(() => run(p, timeoutMs))));
  // A wall-clock verdict is only as good as the machine is idle: on two shared cores a program
  // that fails to parse has been seen to take over 2 s. Every timeout is run once more, two at
  // a time, and the second verdict kept.
  const confirm = limiter(2);
  const suspects = programs.flatMap((_p, k) => results[k].outcome === "timeout" ? [k] : []);
  await Promise.all(suspects.map((k) =>
    confirm(async () => {
      results[k] = await run(programs[k], timeoutMs);
    })
  ));
  const flipped = suspects.filter((k) => results[k].outcome !== "timeout").length;
  console.log(
    `type-check ${checkable.length} programs: ${((checked - started) / 1000).toFixed(1)} s; ` +
      `sandbox ${programs.length}: ${((performance.now() - checked) / 1000).toFixed(1)} s ` +
      `(${suspects.length} timeouts run again, ${flipped} did not time out the second time)`,
  );
  return programs.map((program, k) => {
    const result = results[k];
    const diags = diagnostics.get(program.id) ?? [];
    const input = {
      code: program.code,
      outcome: result.outcome,
      detail: result.detail,
      cases: result.cases,
      stderr: result.stderr,
      entry: program.task.entry,
      testsSource: program.task.testsSource,
    };
    return {
      program,
      result,
      diagnostics: diags,
      classification: classifyFailure({ ...input, diagnostics: diags }),
      strict: classifyFailure({ ...input, diagnostics: diags }, { strict: true }),
      runOnly: classifyFailure(input),
    };
  });
}

async function run(p: Program, timeoutMs: number): Promise<SandboxResult> {
  if (p.code === null) {
    return {
      outcome: "no_code",
      detail: "no code",
      cases: p.task.cases.map((c) => ({
        name: c.name,
        kind: c.kind,
        status: "missing",
        message: "no code",
        ms: null,
      })),
      execMs: 0,
      stderr: "",
    };
  }
  return await runSample(
    { code: p.code, testsSource: p.task.testsSource, cases: p.task.cases, entry: p.task.entry },
    { isolation: "none", timeoutMs, outputCapBytes: 200_000 },
  );
}
