/**
 * A warm-pool job's fresh vm context: created from a prototype-less object (its own
 * intrinsics), set up by the prelude (prelude.ts), its cases' names sealed in, its built-ins
 * watched from before any job code runs, and every run of its code cut off at a deadline.
 *
 * @module
 */
import vm from "node:vm";
import { builtinRoots, watchBuiltins } from "./builtin_watch.ts";
import { HOST, watchJob } from "./host_bridge.ts";
import { OutOfTime } from "./host_errors.ts";
import { PRELUDE_SOURCE, type PreludeApi, type PreludeHost } from "./prelude.ts";

const stringify = JSON.stringify;
const now = performance.now.bind(performance);

const PRELUDE = new vm.Script(PRELUDE_SOURCE, { filename: "assay-prelude.js" });
/** Names the context's own standard built-ins (builtin_watch.ts), before the job's code runs. */
const ROOTS = new vm.Script(`(${builtinRoots.toString()})()`, { filename: "assay-roots.js" });
/** Run under a timeout, it drains the context's microtasks (microtaskMode: afterEvaluate). */
const NOTHING = new vm.Script("0", { filename: "assay-drain.js" });
/** Starts the armed case (see the prelude's `__assayStart`); strict, so no frame leaks. */
export const START = new vm.Script('"use strict"; __assayStart();', {
  filename: "assay-start.js",
});

/** A job's context and the host's handle on it. */
export interface JobContext {
  context: vm.Context;
  /** The prelude's API; every call carries `token`. */
  api: PreludeApi;
  token: string;
  /** When the job's code is cut off (performance.now()); the caller moves it per case. */
  deadline: number;
  /** Run `script` in the context until the deadline (OutOfTime past it). */
  timed(script: vm.Script): void;
  /** Run the context's pending microtasks until the deadline. */
  drain(): void;
  /** Ms left until the deadline. */
  left(): number;
}

/** A context made ready before its job arrives: its prelude run, its built-ins snapshot. */
interface Spare {
  context: vm.Context;
  api: PreludeApi;
  token: string;
  outputCap: number;
  check: () => string | null;
}

/** The context prepared for the next job (prepareContext), taken by jobContext. */
let spare: Spare | null = null;

/** A fresh context, its prelude run and its built-ins snapshot; no job code has run in it. */
function freshContext(outputCap: number): Spare {
  const token = crypto.randomUUID();
  // An ordinary global object (not one proxied to a host object): its properties behave as in
  // a process, e.g. redefining the non-configurable `__assaySeal` throws as it does there.
  const context = vm.createContext(vm.constants.DONT_CONTEXTIFY, {
    microtaskMode: "afterEvaluate",
    codeGeneration: { strings: true, wasm: false },
  } as vm.CreateContextOptions);
  const api = (PRELUDE.runInContext(context) as (
    h: PreludeHost,
    t: string,
    cap: number,
  ) => PreludeApi)(HOST, token, outputCap);
  // Snapshot the context's built-ins here (warm host code) before any job code runs.
  const check = watchBuiltins(ROOTS.runInContext(context) as [string, object, string[]?][]);
  return { context, api, token, outputCap, check };
}

/**
 * Make the next job's context now, while the host waits for that job (the pool host calls it
 * after each job's last word): a context is the largest part of a job's fixed cost. It is the
 * context jobContext would make (nothing depends on when it was made: the prelude reads no
 * clock and no job code has run in it), used once, by the next job whose output cap is
 * `outputCap`, and otherwise dropped.
 */
export function prepareContext(outputCap: number): void {
  spare = freshContext(outputCap);
}

/**
 * A fresh context for a job whose cases are `cases` and whose output is capped at `outputCap`
 * bytes (the one prepareContext made, when it has that cap); set its deadline before running
 * its code.
 */
export function jobContext(cases: string[], outputCap: number): JobContext {
  const made = spare !== null && spare.outputCap === outputCap ? spare : freshContext(outputCap);
  spare = null;
  const { context, api, token } = made;
  api.seal(stringify(cases));
  watchJob(made.check);
  const job: JobContext = {
    context,
    api,
    token,
    deadline: Infinity,
    timed(script) {
      try {
        script.runInContext(context, { timeout: Math.max(1, Math.round(job.deadline - now())) });
      } catch (error) {
        if ((error as { code?: string })?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT") {
          throw new OutOfTime();
        }
        throw error;
      }
    },
    drain: () => job.timed(NOTHING),
    left: () => job.deadline - now(),
  };
  return job;
}
