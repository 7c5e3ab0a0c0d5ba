/**
 * One job on a warm-pool host, seen from the parent: the job line sent, the host's lines
 * collected until the job ends (done, cut off at a deadline by the host itself, a load error, or
 * a fallback to the strict runner), and the host given up on when it does not begin the job or
 * is stuck past a deadline it should have kept.
 *
 * @module
 */
import { caseLimit } from "./case_limits.ts";
import type { HostProcess } from "./host_process.ts";
import type { ResolvedLimits } from "./limits.ts";
import type { PoolPackages } from "./pool_packages.ts";
import type { SandboxJob } from "./sandbox.ts";
import { SETTLE_GRACE_MS } from "./settle.ts";
import { solutionSource } from "./solution_source.ts";
import { TESTS_TRAILER } from "./tests_trailer.ts";
import type { CaseReport } from "./verdicts.ts";

/** How one job on a host ended. */
export interface Ending {
  kind: "done" | "timeout" | "fallback" | "load_error";
  reason?: string;
  /** On a fallback: false when the host must not take another job (it is stuck or tainted). */
  reusable?: boolean;
  /** On a timeout: the case that was running. */
  name?: string;
  /** On a timeout: it was that case's own limit. */
  own?: boolean;
  /** On a timeout: how long that case ran, ms. */
  ms?: number;
}

/** What a job on a host left: how it ended, the cases it reported, how long it took (ms). */
export interface HostRun {
  ending: Ending;
  reported: Map<string, CaseReport>;
  execMs: number;
}

/** How long past a deadline the parent waits for the host to cut the job off itself, ms. */
const GRACE_MS = 500;
/** How long a host may take to begin a job (a fresh host boots first), ms. */
const BOOT_LIMIT_MS = 30_000;

/**
 * Run `job` on `host` under `limits`; `contaminate` asks the host to change one of its own
 * intrinsics after the job (tests of the integrity check only); `packages` are the declared
 * packages its code imports (the graph goes with the first job of a host that names it).
 */
export async function runOnHost(
  host: HostProcess,
  job: SandboxJob,
  limits: ResolvedLimits,
  contaminate: boolean,
  packages: PoolPackages | null = null,
): Promise<HostRun> {
  const timeoutMs = limits.timeoutMs;
  const started = performance.now();
  const reported = new Map<string, CaseReport>();
  const ending = await new Promise<Ending>((resolve) => {
    // The host cuts a job's code off at its deadlines and says so; a host stuck in code it
    // cannot cut off (the modules' evaluation) is killed a little later. Stuck before any
    // case started, it may be a loop of microtasks among which the strict runner would run
    // the cases: the strict runner judges the sample.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let caseTimer: ReturnType<typeof setTimeout> | undefined;
    const end = (e: Ending) => {
      clearTimeout(timer);
      clearTimeout(caseTimer);
      resolve(e);
    };
    // The host cuts the job off at its deadlines itself (vm timeouts). One that has not
    // answered a little after a deadline is stuck where it cannot cut: in the modules'
    // evaluation, or collecting garbage near its heap cap (a chain of pending promises). How
    // far a process would have got is not knowable here: the strict runner judges the sample.
    const overdue = () =>
      end({ kind: "fallback", reason: "host stuck past a deadline", reusable: false });
    // A fresh host first boots: the clock starts when it begins the job (its first `begin` line
    // comes at once), and a host that never begins is replaced and the sample run strict. A host
    // that has booted takes the job at once: the clock starts now, and its `begin` line comes
    // with the job's others (inside/pool_host.ts).
    let booting = !host.booted;
    timer = booting
      ? setTimeout(
        () => end({ kind: "fallback", reason: "host did not begin", reusable: false }),
        BOOT_LIMIT_MS,
      )
      : setTimeout(overdue, timeoutMs + GRACE_MS);
    host.listen((m) => {
      if (m === null) end({ kind: "fallback", reason: "host died" });
      else if (m.type === "begin") {
        if (booting) {
          booting = false;
          clearTimeout(timer);
          timer = setTimeout(overdue, timeoutMs + GRACE_MS);
        }
      } else if (m.type === "start" && typeof m.name === "string") {
        clearTimeout(caseTimer);
        const own = caseLimit(limits, m.name);
        if (own !== null) caseTimer = setTimeout(overdue, own + GRACE_MS);
      } else if (m.type === "case" && typeof m.name === "string" && !reported.has(m.name)) {
        clearTimeout(caseTimer);
        reported.set(m.name, {
          status: m.status!,
          message: String(m.message ?? ""),
          ms: Number(m.ms ?? 0),
        });
      } else if (m.type === "done") end({ kind: "done" });
      else if (m.type === "load_error") end({ kind: "load_error", reason: m.message ?? "" });
      else if (m.type === "timeout") {
        end({ kind: "timeout", name: m.name ?? undefined, own: m.own === true, ms: m.ms });
      } else if (m.type === "fallback") {
        end({ kind: "fallback", reason: m.reason ?? "host fallback" });
      } else if (m.type === "contaminated") {
        // The job reached the host's realm: whatever the host reported is void.
        end({ kind: "fallback", reason: "host contaminated", reusable: false });
      }
    });
    host.send({
      id: host.jobs,
      solution: solutionSource(job).code,
      tests: job.testsSource + TESTS_TRAILER,
      files: job.files ?? {},
      cases: job.cases.map((c) => c.name),
      caseLimits: job.cases.map((c) => caseLimit(limits, c.name)),
      settleMs: SETTLE_GRACE_MS,
      outputCap: limits.outputCapBytes,
      timeoutMs,
      ...(contaminate ? { contaminate: true } : {}),
      ...(packages === null ? {} : {
        packages: host.graphs.has(packages.id)
          ? { id: packages.id }
          : { id: packages.id, graph: packages.graph },
      }),
    });
    if (packages !== null) host.graphs.add(packages.id);
  });
  host.listen(null);
  return { ending, reported, execMs: performance.now() - started };
}
