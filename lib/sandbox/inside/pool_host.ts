/**
 * The warm pool's in-sandbox host: the message loop. This file and its modules (the rest of
 * this folder but runner.ts) are copied into each host's folder and run with no permissions,
 * inside the same isolation as a strict sample; they are not imported by the rest of assay.
 *
 * Protocol: the parent writes one JSON line `{"nonce": "…"}`, then one JSON
 * line per job `{"id", "solution", "tests", "files", "cases", "caseLimits",
 * "settleMs", "outputCap", "timeoutMs"}` (sources already TypeScript; the host strips the
 * types). For each job the host answers on stdout with lines `<nonce> <json>`:
 * `begin`, then `start` and `case` lines as the strict runner's, then `done`;
 * or `timeout` (naming the case that was running and whether its own limit ran
 * out), `load_error`, or `fallback` with a reason when the job needs the strict
 * runner (it never loaded, a timer threw, output passed the cap, the event loop
 * emptied before every case finished, a microtask loop outlived its case, a
 * timer due after the cases kept running, an unsupported import); or
 * `contaminated`, after which the host exits.
 *
 * Each job runs in a fresh `node:vm` context created from a prototype-less
 * object, so the candidate gets its own intrinsics: patching `Array.prototype`
 * or `JSON` there cannot reach this host or the next job (job_context.ts). What the context
 * needs from outside (node:assert, `isDeepStrictEqual`, is-promise and
 * is-error checks) it reaches through host functions captured in the
 * prelude's closure, which take context values and return primitives (host_bridge.ts,
 * prelude.ts). Timers and console are implemented inside the context and driven from here
 * (context_timers.ts, context_console.ts, pump.ts). After every job the host compares its own
 * intrinsics with a snapshot taken at start (host_integrity.ts); on any change it stops, and the
 * parent replaces it.
 *
 * @module
 */

import { describeHostSide, Fallback, LoadError, OutOfTime } from "./host_errors.ts";
import { collectIfLarge } from "./host_gc.ts";
import { flush, readLine, send, setNonce } from "./host_io.ts";
import { prepareContext } from "./job_context.ts";
import { type Job, runJob } from "./run_job.ts";
// Last: its snapshot of the host's intrinsics is taken once everything else has loaded.
import { changedIntrinsic } from "./host_integrity.ts";

const exit = Deno.exit.bind(Deno);
const parse = JSON.parse;
const now = performance.now.bind(performance);
/** Exit code: the host's own intrinsics changed (a job reached this realm). */
const CONTAMINATED = 4;

globalThis.addEventListener("unhandledrejection", (event) => event.preventDefault());

setNonce(parse((await readLine()) ?? "{}").nonce ?? "");
let first = true;
for (;;) {
  const line = await readLine();
  if (line === null) break;
  if (line.trim() === "") continue;
  const job: Job = parse(line);
  const started = now();
  send({ type: "begin" });
  // The first job's, before its evaluation (which no deadline of the host's cuts off: the
  // parent's does): the parent starts that clock when a fresh host begins, and for later jobs
  // when it sends them (lib/sandbox/host_job.ts).
  if (first) flush();
  first = false;
  let ending: Record<string, unknown> = { type: "done" };
  try {
    await runJob(job);
  } catch (error) {
    if (error instanceof OutOfTime) {
      ending = { type: "timeout", name: error.running, own: error.own, ms: error.ms };
    } else if (error instanceof LoadError) ending = { type: "load_error", message: error.message };
    else {
      ending = {
        type: "fallback",
        reason: error instanceof Fallback ? error.message : `host: ${describeHostSide(error)}`,
        ms: now() - started,
      };
    }
  }
  if (job.contaminate === true) {
    // deno-lint-ignore no-explicit-any
    (Array.prototype as any).includes = () => true;
  }
  // Before the job's last word: a job that reached this realm could have bent what the host
  // reported, so its verdict is void (the parent has the strict runner judge it) and the host
  // stops.
  const what = changedIntrinsic();
  if (what !== null) {
    send({ type: "contaminated", what });
    flush();
    exit(CONTAMINATED);
  }
  send(ending);
  flush();
  // A job that evaluated declared packages leaves much garbage (mathjs: ~1,000 modules).
  if (job.packages !== undefined) collectIfLarge();
  // While the parent reads that and sends the next job: that job's fresh context (should this
  // fail, the next job makes its own, as before).
  try {
    prepareContext(job.outputCap);
  } catch { /* made with the next job */ }
}
exit(0);
