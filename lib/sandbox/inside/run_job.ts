/**
 * One warm-pool job, inside the host: its modules linked and evaluated in a fresh context
 * (job_context.ts, job_modules.ts), its top-level timers driven until it loads (pump.ts), then
 * each declared case started, driven and reported in order under its deadline, then the timers
 * due after the cases fired under the settle grace. What the pool cannot run exactly as the
 * strict runner would is thrown as a Fallback (host_errors.ts).
 *
 * @module
 */
import { describeHostSide, Fallback, OutOfTime } from "./host_errors.ts";
import { flush, send } from "./host_io.ts";
import { jobContext, START } from "./job_context.ts";
import { linkTests } from "./job_modules.ts";
import { jobPackages, type PackagesRef } from "./package_modules.ts";
import { FIRE_DUE } from "./prelude.ts";
import { pump } from "./pump.ts";

const parse = JSON.parse;
const now = performance.now.bind(performance);
const ReflectApply = Reflect.apply;
const PromiseThen = Promise.prototype.then;

/** One job, as the parent sends it (pool_host.ts). */
export interface Job {
  id: number;
  solution: string;
  tests: string;
  files: Record<string, string>;
  cases: string[];
  outputCap: number;
  /** The sample's wall-clock limit for this job, ms: its code is cut off there. */
  timeoutMs: number;
  /** Each case's own limit, ms, aligned with `cases` (null: the sample's limit alone bounds it). */
  caseLimits: (number | null)[];
  /** How long the timers due after the cases may run, ms (lib/sandbox/settle.ts's SETTLE_GRACE_MS). */
  settleMs: number;
  /** The job's declared packages that its code imports (package_modules.ts), if any. */
  packages?: PackagesRef;
  /** Tests of the integrity check only: change an intrinsic after the job (PoolOptions.contaminateAfter). */
  contaminate?: boolean;
}

/** Run `job`, sending its `start` and `case` lines; returns when it is done, or throws why not. */
export async function runJob(job: Job): Promise<void> {
  const ctx = jobContext(job.cases, job.outputCap);
  const { api, token, context } = ctx;
  // Code runs here, cut off at the deadline: the sample's (just before the parent's own), or
  // the running case's own limit when that comes first.
  const sampleDeadline = now() + job.timeoutMs;
  ctx.deadline = sampleDeadline;
  const drain = ctx.drain;
  const left = ctx.left;

  const sources: Record<string, string> = {
    ...job.files,
    "solution.ts": job.solution,
    "tests.ts": job.tests,
  };
  // Before any job code runs: the packages' traps, loader and modules in this context.
  const packages = job.packages ? await jobPackages(context, job.packages) : null;
  /** Package code touched what this context answers differently from Deno: the strict runner judges. */
  const checkPackages = () => {
    const touched = packages?.touched() ?? null;
    if (touched !== null) throw new Fallback(`package code used ${touched}`);
  };
  const tests = await linkTests(context, sources, api.modules(token), packages);
  // Top-level code may wait on timers: drive them until the evaluation settles.
  let evaluated = false;
  let failed: unknown = null;
  // The evaluation's promise belongs to the context, whose Promise.prototype.then the job may
  // have replaced: settle it with this realm's `then` (and no species lookup).
  const evaluation = tests.evaluate();
  Object.defineProperty(evaluation, "constructor", { value: undefined });
  ReflectApply(PromiseThen, evaluation, [() => evaluated = true, (error: unknown) => {
    evaluated = true;
    failed = error ?? new Error("evaluation failed");
  }]);
  // The module's own status settles it too: vm's promise plumbing may use the context's `then`.
  const settled = () => {
    if (tests.status === "errored" && failed === null) {
      failed = tests.error ?? new Error("evaluation failed");
    }
    return evaluated || tests.status === "evaluated" || tests.status === "errored";
  };
  try {
    await pump(api, token, drain, settled, job.outputCap, left);
  } catch (error) {
    checkPackages();
    // A microtask loop of its top-level code used up the time: the strict runner may well
    // start the cases among those microtasks, so it judges the sample. (Waiting on a timer
    // past the deadline is a timeout in both.)
    if (error instanceof OutOfTime && !error.waiting) {
      throw new Fallback("a microtask loop ran out the load's time");
    }
    throw error;
  }
  checkPackages();
  if (failed !== null) {
    throw new Fallback(`the job did not load: ${describeHostSide(failed)}`);
  }
  const cases = (tests.namespace as Record<string, unknown>).__assayCases;
  if (cases === null || typeof cases !== "object") {
    throw new Fallback("tests.ts does not export `cases`");
  }
  api.cases(token, cases as Readonly<Record<string, unknown>>);

  const report = (i: number) => {
    const state = parse(api.state(token, i)!);
    send({
      type: "case",
      name: job.cases[i],
      status: state.status,
      message: state.message,
      ms: state.ms,
    });
  };
  for (let i = 0; i < job.cases.length; i++) {
    const started = now();
    const own = job.caseLimits[i];
    ctx.deadline = own !== null && started + own < sampleDeadline ? started + own : sampleDeadline;
    send({ type: "start", name: job.cases[i] });
    try {
      api.arm(token, i);
      ctx.timed(START); // its microtasks run before it returns (microtaskMode: afterEvaluate)
      if (api.outBytes(token) > job.outputCap) throw new Fallback("output passed the cap");
      // A case that settled within them needs no pumping (most do).
      if (api.state(token, i) === null) {
        flush(); // the parent times the case while the host waits
        await pump(api, token, drain, () => api.state(token, i) !== null, job.outputCap, left);
      }
    } catch (error) {
      checkPackages();
      if (error instanceof OutOfTime) {
        // The case finished, but a microtask loop it started used up the time. The strict
        // runner starts the next case among those microtasks (and may finish several), which
        // this host cannot reproduce: the strict runner judges the sample.
        if (api.state(token, i) !== null) throw new Fallback("a microtask loop outlived its case");
        // Its function returned and the time went in microtasks, not waiting for a timer: how
        // far the strict runner gets among them (and how a heap filled by a chain of pending
        // promises behaves) is not reproducible here either.
        if (!error.waiting && api.returned(token, i)) {
          throw new Fallback("a microtask loop ran out a case's time");
        }
        error.running = job.cases[i];
        error.own = ctx.deadline !== sampleDeadline;
        error.ms = now() - started;
      }
      throw error;
    }
    checkPackages();
    report(i);
  }
  // A module must settle (lib/sandbox/settle.ts). Each case's microtasks were drained under its limit; what
  // the strict runner still runs before its `done` are the timers due now: fired here, with
  // their microtasks, under the settle grace. Work still running then, or an error thrown (it
  // ends the strict runner's process), and the strict runner judges the sample.
  if (api.nextDue(token) === 0) {
    ctx.deadline = now() + job.settleMs;
    api.arm(token, FIRE_DUE);
    try {
      ctx.timed(START);
    } catch (error) {
      checkPackages();
      if (error instanceof OutOfTime) {
        throw new Fallback("a timer due after the cases kept running");
      }
      throw error;
    }
  }
  checkPackages();
  if (api.nextDue(token) === -2) throw new Fallback("a timer or microtask threw");
}
