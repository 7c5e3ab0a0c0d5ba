/**
 * The fleet's cost and throughput on this machine: a real `nats-server -js` on a loopback port and
 * worker subprocesses (`lib/cli.ts worker`), against this machine's warm pool.
 *
 * 1. Per-job overhead: the builtin suite's references run one at a time (no overlap), through the
 *    local pool and through a fleet of one worker, in interleaved rounds; the difference per
 *    sample is what the queue, the task bucket and the result stream add.
 * 2. Throughput: the same references, 8 in flight, through 1, 2 and 3 local workers (2 slots
 *    each) and through the local pool (4 hosts). On one 2-core machine more workers cannot be
 *    faster (they share the cores): the point is the fleet's cost; the arithmetic for N machines
 *    follows.
 *
 *   deno task bench fleet [rounds=2]
 */
import { join } from "node:path";
import { limiter } from "../lib/run/limiter.ts";
import { openFleet } from "../lib/run/fleet/coordinator.ts";
import { createPool } from "../lib/sandbox/pool.ts";
import { bwrapAvailable } from "../lib/sandbox/isolate.ts";
import type { SandboxJob } from "../lib/sandbox/sandbox.ts";
import type { Executor } from "../lib/run/execute_sample.ts";
import { loadSuite } from "../lib/task/load_suite.ts";
import { startNats } from "../tests/run/_nats.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const loadavg = async () =>
  (await Deno.readTextFile("/proc/loadavg")).split(" ").slice(0, 3).join(" ");

/** Run jobs with at most `inFlight` at once; ms per job (wall / jobs). */
async function timeJobs(
  run: Executor,
  jobs: SandboxJob[],
  inFlight: number,
  isolation: "bwrap" | "none",
): Promise<number> {
  const limit = limiter(inFlight);
  const started = performance.now();
  await Promise.all(jobs.map((job) => limit(() => run(job, { isolation, timeoutMs: 10_000 }))));
  return (performance.now() - started) / jobs.length;
}

/** Start n worker subprocesses. */
function workers(url: string, n: number) {
  return Array.from({ length: n }, () =>
    new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", join(ROOT, "lib/cli.ts"), "worker", "--nats", url, "--concurrency", "2"],
      stdout: "null",
      stderr: "null",
    }).spawn());
}

/** Run the bench. */
export async function fleetBench(args: string[]): Promise<void> {
  const rounds = Number(args[0] ?? 2);
  const isolation = (await bwrapAvailable()) ? "bwrap" : "none";
  const suite = await loadSuite(join(ROOT, "tasks", "builtin"));
  const jobs: SandboxJob[] = suite.tasks.filter((t) =>
    t.referenceSource !== null && t.answer !== "files"
  ).map((t) => ({
    code: t.referenceSource!,
    testsSource: t.testsSource,
    cases: t.cases,
    entry: t.entry,
    language: t.language,
  }));
  console.log(
    `fleet: ${jobs.length} builtin references per pass, isolation ${isolation}, ${navigator.hardwareConcurrency} cores`,
  );
  console.log(`load average before: ${await loadavg()}`);
  const nats = await startNats();
  const pool = createPool({ size: 4, isolation });
  let runs = 0;
  const fleetOf = async () => await openFleet(nats.url, { runId: `bench-${Date.now()}-${runs++}` });
  try {
    // 1. Per-job overhead, one job at a time, interleaved.
    let spawned = workers(nats.url, 1);
    await timeJobs(pool.run, jobs.slice(0, 5), 1, isolation); // warm the pool
    const warm = await fleetOf();
    await timeJobs(warm.executor, jobs.slice(0, 5), 1, isolation); // warm the worker's pool
    await warm.close();
    const local: number[] = [];
    const fleet: number[] = [];
    for (let r = 0; r < rounds; r++) {
      local.push(await timeJobs(pool.run, jobs, 1, isolation));
      const f = await fleetOf();
      fleet.push(await timeJobs(f.executor, jobs, 1, isolation));
      await f.close();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const [l, f] = [median(local), median(fleet)];
    console.log(
      `  one job at a time: local pool ${l.toFixed(1)} ms/sample, fleet (1 worker) ${
        f.toFixed(1)
      } ms/sample`,
    );
    console.log(
      `  fleet overhead per sample: ${(f - l).toFixed(1)} ms (queue, task bucket, result stream; ${
        (f / l).toFixed(2)
      }x)`,
    );
    for (const w of spawned) w.kill("SIGTERM");
    await Promise.all(spawned.map((w) => w.status));

    // 2. Throughput with 1, 2 and 3 workers, 8 jobs in flight.
    const localRate = 1000 / (await timeJobs(pool.run, [...jobs, ...jobs], 8, isolation));
    console.log(
      `  throughput, 8 in flight: local pool (4 hosts) ${localRate.toFixed(1)} samples/s`,
    );
    for (const n of [1, 2, 3]) {
      spawned = workers(nats.url, n);
      const fr = await fleetOf();
      await timeJobs(fr.executor, jobs.slice(0, 4), 4, isolation); // let every worker start
      const rate = 1000 / (await timeJobs(fr.executor, [...jobs, ...jobs], 8, isolation));
      console.log(
        `  throughput, 8 in flight: fleet of ${n} worker(s) × 2 slots ${rate.toFixed(1)} samples/s`,
      );
      await fr.close();
      for (const w of spawned) w.kill("SIGTERM");
      await Promise.all(spawned.map((w) => w.status));
    }
    console.log(
      `  on one ${navigator.hardwareConcurrency}-core machine the workers share the cores: no speed-up is expected here.\n` +
        `  N machines of this kind: about N × ${
          localRate.toFixed(0)
        } samples/s of sandbox work, while the\n` +
        `  coordinator's cost per sample (${
          Math.max(0, f - l).toFixed(1)
        } ms of round trip, overlapped by concurrency) stays far below a sample's.`,
    );
  } finally {
    await pool.close();
    await nats.stop();
  }
  console.log(`load average after: ${await loadavg()}`);
}
