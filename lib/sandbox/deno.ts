/**
 * Running one sample: a Deno subprocess with no permissions, inside bubblewrap
 * where available, in its own process group, with a wall-clock timeout, a
 * heap cap, a data-segment cap and an output cap (argv.ts). Results come back on stdout
 * lines prefixed by a per-run nonce only the runner knows (inside/runner.ts,
 * strict_run.ts, strict_process.ts).
 *
 * @module
 */
import { join } from "node:path";
import { answerResult } from "./answer_result.ts";
import { sandboxCommand } from "./argv.ts";
import { RUNNER_ENTRY, RUNNER_FILES } from "./inside_sources.ts";
import { codeCacheSeed, plantSeed } from "./code_cache.ts";
import { makeJobDir, placeStore, writeJobFiles } from "./job_files.ts";
import { resolveLimits } from "./limits.ts";
import { moduleGraphEscape } from "./module_graph.ts";
import { refused } from "./refused.ts";
import type { Isolation, SandboxJob, SandboxLimits, SandboxResult } from "./sandbox.ts";
import { strictRun } from "./strict_run.ts";
import { TESTS_TRAILER } from "./tests_trailer.ts";
import { ensureExported } from "../source/export_entry.ts";
import { solutionSource } from "./solution_source.ts";
import { runPythonSample } from "./python.ts";

// The strict runner's public vocabulary, where its callers have always found it.
export { ensureExported, refused, TESTS_TRAILER, writeJobFiles };
export { DENO_DEPENDENCY_FLAGS, DENO_SANDBOX_FLAGS } from "./argv.ts";
export { nonceLines } from "./nonce_lines.ts";

/** Options for {@link runSample}. */
export interface RunSampleOptions extends SandboxLimits {
  /** `bwrap` (OS isolation) or `none` (Deno permissions only). @default "bwrap" */
  isolation?: Isolation;
  /** The Deno binary. @default Deno.execPath() */
  denoPath?: string;
}

/**
 * Execute one sample and return per-case verdicts. Throws only when the
 * sandbox itself cannot run (a harness failure), never because the code fails.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runSample } from "./deno.ts";
 * const result = await runSample({
 *   code: "export const add = (a: number, b: number) => a + b;",
 *   testsSource: 'import { add } from "./solution.ts";\nexport const cases = { "adds": () => { if (add(1, 2) !== 3) throw new Error("no"); } };',
 *   cases: [{ name: "adds", kind: "core", tags: [] }],
 *   entry: "add",
 * }, { isolation: "none" });
 * assert.equal(result.cases[0].status, "pass");
 * assert.deepEqual(result.harnessChanges, []);
 * ```
 */
export async function runSample(
  job: SandboxJob,
  options: RunSampleOptions = {},
): Promise<SandboxResult> {
  // A Python job has its own harness and runtimes (python.ts), watched the same way.
  if (job.language === "py") return await runPythonSample(job, { ...options, python: job.python });
  const limits = resolveLimits(options);
  const isolation = options.isolation ?? "bwrap";
  const denoPath = Deno.realPathSync(options.denoPath ?? Deno.execPath());

  const jobDir = await makeJobDir();
  try {
    // A few small files, on a tmpfs as a rule: written synchronously, they cost less than the
    // hand-offs of asynchronous writes (~1 ms a sample here).
    Deno.writeTextFileSync(join(jobDir, "solution.ts"), solutionSource(job).code);
    Deno.writeTextFileSync(join(jobDir, "tests.ts"), job.testsSource + TESTS_TRAILER);
    for (const [name, source] of Object.entries(RUNNER_FILES)) {
      Deno.writeTextFileSync(join(jobDir, name), source);
    }
    Deno.mkdirSync(join(jobDir, ".deno"));
    await writeJobFiles(jobDir, job.files ?? {});
    const nodeModules = job.dependencies
      ? await Deno.realPath(job.dependencies.nodeModules)
      : undefined;
    // Under bubblewrap every job's runner (and store) has the same path (/job/…): its DENO_DIR
    // starts with a private copy of a warm cache, the store's packages analysed (code_cache.ts).
    if (isolation === "bwrap") {
      const seed = await codeCacheSeed({
        denoPath,
        heapMb: limits.heapMb,
        dataMb: limits.dataMb,
        ...(nodeModules ? { nodeModules } : {}),
      });
      plantSeed(join(jobDir, ".deno"), seed);
    }
    if (nodeModules) await placeStore(jobDir, nodeModules, isolation);
    if (isolation === "none") {
      // No OS isolation: the module loader would read any local file. Refuse such a graph.
      const escape = await moduleGraphEscape(jobDir, RUNNER_ENTRY, {
        denoPath,
        ...(nodeModules ? { allow: [nodeModules] } : {}),
      });
      if (escape !== null) return answerResult(refused(job, `unsafe-no-isolation: ${escape}`), job);
    }
    const command = sandboxCommand({
      isolation,
      denoPath,
      dir: jobDir,
      entry: RUNNER_ENTRY,
      killAfterMs: limits.timeoutMs + 3000,
      heapMb: limits.heapMb,
      dataMb: limits.dataMb,
      nodeModules,
    });
    // One process per attempt: a case stopped at its own limit leaves the rest to a fresh one.
    const result = await strictRun(command, { cwd: jobDir, job, limits: options });
    // The load error on the answer's own lines, and what the harness changed (as the pool does).
    return answerResult(result, job);
  } finally {
    try {
      Deno.removeSync(jobDir, { recursive: true });
    } catch { /* already gone */ }
  }
}
