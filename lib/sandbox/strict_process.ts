/**
 * One attempt of the strict runner: one sandboxed process running some of a job's cases, watched
 * from outside — the sample's wall-clock limit, each case's own limit (armed by the runner's
 * `start` line), the output cap, and whether the module settles after the last case
 * (settle.ts) — then read into verdicts (strict_verdicts.ts).
 *
 * @module
 */
import type { Outcome } from "../record/outcome.ts";
import type { SandboxCommand } from "./argv.ts";
import { type Attempt, caseLimit } from "./case_limits.ts";
import { nonceLines } from "./nonce_lines.ts";
import { processTreeCpuMs } from "./process_cpu.ts";
import type { SandboxJob, SandboxLimits } from "./sandbox.ts";
import { SettleWatch, unsettledResult } from "./settle.ts";
import { killGroup, spawnSandboxed } from "./spawn.ts";
import { strictVerdicts } from "./strict_verdicts.ts";
import { SandboxUnavailableError } from "./sandbox_unavailable.ts";

/** Options for {@link strictAttempt}. */
export interface StrictAttemptOptions {
  /** The job's folder (the process's working directory). */
  cwd: string;
  /** The cases to run (the job, or the cases after one stopped at its own limit). */
  job: SandboxJob;
  /** The sample's wall-clock limit, ms: each process (attempt) gets it anew. */
  timeoutMs: number;
  /** The per-case limits. */
  limits: SandboxLimits;
  /** Cap on stdout + stderr bytes. */
  outputCap: number;
  /**
   * A runtime that starts slowly (Python: an interpreter to load) says `ready` before it loads any
   * code of the task: with this set, the sample's limit and its `execMs` count from that line,
   * and the start itself gets this long. A runtime that does not start in time is a sandbox
   * failure (thrown), never a verdict on the code, which has not run yet. @default none: the
   * limit counts from the spawn
   */
  startupMs?: number;
  /**
   * Further fields of the config line the runner reads on stdin, beside `nonce` and `cases` (the
   * Python harness's `packages`: the folder of the job's declared packages). @default none
   */
  config?: Readonly<Record<string, unknown>>;
}

/** The case the runner said it started and has not reported yet. */
interface Running {
  name: string;
  at: number;
  /** Set when the case was stopped at its own limit. */
  stoppedAt?: number;
}

/** Run `command` (argv.ts) once for `o.job` and return the attempt's verdicts. */
export async function strictAttempt(
  command: SandboxCommand,
  o: StrictAttemptOptions,
): Promise<Attempt> {
  const nonce = crypto.randomUUID().replaceAll("-", "");
  const signal = o.limits.signal;
  signal?.throwIfAborted();
  const started = performance.now();
  const child = spawnSandboxed(command, o.cwd);
  // An interrupted run: the group dies now, and no verdict is returned (thrown below).
  const onAbort = () => killGroup(child);
  signal?.addEventListener("abort", onAbort, { once: true });

  let limit: Outcome | null = null;
  const stop = (why: Outcome) => {
    limit ??= why;
    killGroup(child);
  };
  // A module must settle (settle.ts): once every case reported, the watch decides, not the
  // sample's limit, from the CPU time the process group used since.
  let unsettled: string | null = null;
  const settle = new SettleWatch(o.job.cases.map((c) => c.name), {
    timeoutMs: o.timeoutMs,
    onOverdue: (specifics) => {
      if (limit !== null) return;
      unsettled = specifics;
      stop("timeout");
    },
    cpuMs: () => processTreeCpuMs(child.pid),
  });
  const armSample = () =>
    setTimeout(() => {
      if (!settle.deadline()) stop("timeout");
    }, o.timeoutMs);
  let readyAt: number | null = null;
  let notStarted = false;
  let timer = o.startupMs === undefined ? armSample() : setTimeout(() => {
    notStarted = true;
    killGroup(child);
  }, o.startupMs);
  // Per-case limits: the runner's "start" line arms the case's timer, its report disarms it.
  let running = null as Running | null;
  let caseTimer: ReturnType<typeof setTimeout> | undefined;
  const onLine = (message: { type?: unknown; name?: unknown }) => {
    if (limit !== null) return;
    if (message.type === "ready" && o.startupMs !== undefined && readyAt === null) {
      readyAt = performance.now();
      clearTimeout(timer);
      timer = armSample();
      return;
    }
    if (message.type === "done") settle.done();
    if (typeof message.name !== "string") return;
    if (message.type === "start") {
      const current: Running = { name: message.name, at: performance.now() };
      running = current;
      const caseMs = caseLimit(o.limits, current.name);
      if (caseMs !== null) {
        caseTimer = setTimeout(() => {
          current.stoppedAt = performance.now();
          stop("timeout");
        }, caseMs);
      }
    } else if (message.type === "case") {
      clearTimeout(caseTimer);
      running = null;
      settle.reported(message.name);
    }
  };
  const lines = nonceLines(nonce, onLine);
  let outputBytes = 0;
  const collect = async (
    stream: ReadableStream<Uint8Array>,
    keep: number,
    scan?: (chunk: Uint8Array) => void,
  ): Promise<Uint8Array[]> => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of stream) {
      outputBytes += chunk.length;
      if (outputBytes > o.outputCap) stop("output_limit");
      if (chunks.reduce((n, c) => n + c.length, 0) < keep) chunks.push(chunk);
      scan?.(chunk);
    }
    return chunks;
  };
  const stdoutP = collect(child.stdout, o.outputCap + 65536, lines);
  const stderrP = collect(child.stderr, 65536);
  try {
    const writer = child.stdin.getWriter();
    await writer.write(
      new TextEncoder().encode(
        JSON.stringify({ ...o.config, nonce, cases: o.job.cases.map((c) => c.name) }),
      ),
    );
    await writer.close();
  } catch { /* the process may already be gone; its verdicts say so */ }
  const [status, stdoutChunks, stderrChunks] = await Promise.all([child.status, stdoutP, stderrP]);
  clearTimeout(timer);
  clearTimeout(caseTimer);
  settle.stop();
  signal?.removeEventListener("abort", onAbort);
  // The group may still hold stragglers (timers, children) if the runner exited: kill them.
  try {
    Deno.kill(-child.pid, "SIGKILL");
  } catch { /* none left */ }
  signal?.throwIfAborted();
  if (notStarted) {
    throw new SandboxUnavailableError(
      `Cannot run the sample: the runtime did not start within ${o.startupMs} ms (a sandbox failure, not the code's)`,
    );
  }
  const execMs = performance.now() - (readyAt ?? started);
  const stdout = new TextDecoder().decode(concat(stdoutChunks));
  // The first 64 KiB of stderr are kept: V8's fatal message comes first, and a native
  // backtrace after it can be longer than the tail the result keeps.
  const stderrHead = new TextDecoder().decode(concat(stderrChunks));
  // A process killed at a time limit while a case ran: that case is `timeout` (stopped at its
  // own limit, or at the sample's), not `missing`.
  const stoppedRun = unsettled === null && limit === "timeout" ? running as Running | null : null;
  const result = strictVerdicts({
    stdout,
    stderr: stderrHead.slice(-4000),
    stderrHead,
    nonce,
    job: o.job,
    limit,
    code: status.code,
    execMs,
    timeoutMs: o.timeoutMs,
    limits: o.limits,
    stopped: stoppedRun === null ? null : {
      name: stoppedRun.name,
      own: stoppedRun.stoppedAt !== undefined,
      ms: (stoppedRun.stoppedAt ?? performance.now()) - stoppedRun.at,
    },
  });
  return unsettled !== null ? unsettledResult(result, unsettled) : result;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let i = 0;
  for (const c of chunks) {
    out.set(c, i);
    i += c.length;
  }
  return out;
}
