/**
 * Where a warm-pool sample's fixed cost goes: each step the pool takes for a sample, timed on
 * its own in this process (no bubblewrap, no pipe), on the empty program and on the first MBXP
 * TypeScript programs the pool runs. The steps are the real functions (lib/sandbox/inside/),
 * called in the order a host calls them; the host's whole job (runJob) is timed too, so what
 * the steps leave out (evaluation, the cases, the pumps) is its remainder.
 *
 *   deno task bench pool-profile [N] >/dev/null    N MBXP programs (default 200); the report
 *                                                  is on stderr
 */
import vm from "node:vm";
import { join } from "node:path";
import { builtinRoots, watchBuiltins } from "../lib/sandbox/inside/builtin_watch.ts";
import { HOST } from "../lib/sandbox/inside/host_bridge.ts";
import { changedIntrinsic } from "../lib/sandbox/inside/host_integrity.ts";
import { prepareContext } from "../lib/sandbox/inside/job_context.ts";
import { linkTests, strip } from "../lib/sandbox/inside/job_modules.ts";
import { PRELUDE_SOURCE, type PreludeApi } from "../lib/sandbox/inside/prelude.ts";
import { type Job, runJob } from "../lib/sandbox/inside/run_job.ts";
import { flush } from "../lib/sandbox/inside/host_io.ts";
import { strictReason } from "../lib/sandbox/pool_route.ts";
import type { SandboxJob } from "../lib/sandbox/sandbox.ts";
import { solutionSource } from "../lib/sandbox/solution_source.ts";
import { TESTS_TRAILER } from "../lib/sandbox/tests_trailer.ts";
import { importMbxp } from "../lib/task/importers/mbxp.ts";
import { formatLoad, loadAverage } from "./machine_load.ts";
import { EMPTY_JOB, mbxpPrograms, programJob } from "./mbxp_samples.ts";

const DATA = new URL("../../shared/datasets/", import.meta.url).pathname;
const PRELUDE = new vm.Script(PRELUDE_SOURCE, { filename: "assay-prelude.js" });
const ROOTS = new vm.Script(`(${builtinRoots.toString()})()`, { filename: "assay-roots.js" });

/** This bench's lines (the host's `send` writes protocol lines to stdout). */
const say = console.error;

/** Time each step of `jobs` (each `reps` times); prints ms per sample by step. */
async function profile(label: string, jobs: SandboxJob[], reps: number): Promise<void> {
  const ms: Record<string, number> = {};
  const step = <T>(name: string, fn: () => T): T => {
    const started = performance.now();
    const value = fn();
    ms[name] = (ms[name] ?? 0) + performance.now() - started;
    return value;
  };
  let n = 0;
  let fallbacks = 0;
  for (let r = 0; r < reps; r++) {
    for (const job of jobs) {
      step("parent: route (strictReason)", () => strictReason(job));
      const line = step("protocol: job line (solution, JSON both ways)", () =>
        JSON.stringify({
          id: n,
          solution: solutionSource(job).code,
          tests: job.testsSource + TESTS_TRAILER,
          files: {},
          cases: job.cases.map((c) => c.name),
          caseLimits: job.cases.map(() => null),
          settleMs: 50,
          outputCap: 1_000_000,
          timeoutMs: 10_000,
        }));
      const parsed: Job = step(
        "protocol: job line (solution, JSON both ways)",
        () => JSON.parse(line),
      );
      const context = step(
        "context: vm.createContext",
        () =>
          vm.createContext(vm.constants.DONT_CONTEXTIFY, {
            microtaskMode: "afterEvaluate",
            codeGeneration: { strings: true, wasm: false },
          } as vm.CreateContextOptions),
      );
      const api = step(
        "context: prelude (console, timers, assert setup)",
        () =>
          (PRELUDE.runInContext(context) as (h: unknown, t: string, c: number) => PreludeApi)(
            HOST,
            "t",
            parsed.outputCap,
          ),
      );
      const check = step(
        "built-in watch: snapshot",
        () => watchBuiltins(ROOTS.runInContext(context) as [string, object, string[]?][]),
      );
      step("built-in watch: one check (per pass)", check);
      try {
        step("strip: solution", () => strip("solution.ts", parsed.solution));
        step("strip: tests (kept per task)", () => strip("tests.ts", parsed.tests));
        const sources = { "solution.ts": parsed.solution, "tests.ts": parsed.tests };
        const started = performance.now();
        await linkTests(context, sources, api.modules("t"));
        ms["compile + link (strip again inside)"] = (ms["compile + link (strip again inside)"] ??
          0) + performance.now() - started;
      } catch {
        fallbacks++;
      }
      const started = performance.now();
      try {
        await runJob(parsed);
      } catch {
        fallbacks++;
      }
      ms["host: whole job (runJob)"] = (ms["host: whole job (runJob)"] ?? 0) +
        performance.now() - started;
      step("protocol: the job's lines written (flush)", flush);
      step("host: integrity check", changedIntrinsic);
      step("host: next context made ahead (prepareContext)", () => prepareContext(1_000_000));
      n++;
    }
  }
  say(`  ${label}: ${n} samples${fallbacks ? ` (${fallbacks} steps threw)` : ""}`);
  for (const [name, total] of Object.entries(ms)) {
    say(`    ${name.padEnd(50)} ${(total / n).toFixed(3).padStart(7)} ms`);
  }
}

/** Profile the pool's per-sample steps on the empty program and `limit` MBXP programs. */
export async function poolProfileBench(limit = 200): Promise<void> {
  say(
    `pool profile (one process, no isolation; its lines on stderr, the jobs' protocol lines on stdout): load average ${
      formatLoad(loadAverage())
    }`,
  );
  const progs = await mbxpPrograms("ts", limit);
  const suite = await importMbxp(join(DATA, "mxeval/mbtsp_release_v1.2.jsonl"));
  const byTitle = new Map(suite.tasks.map((t) => [t.title.split(" ")[0], t]));
  const jobs = progs.map((p) => programJob(p, byTitle.get(p.id)!))
    .filter((job) => strictReason(job) === null);
  await profile("warm-up", jobs.slice(0, 50), 1);
  await profile("empty program", [EMPTY_JOB], 500);
  await profile(`MBXP programs the pool runs (${jobs.length} of ${progs.length})`, jobs, 2);
}
