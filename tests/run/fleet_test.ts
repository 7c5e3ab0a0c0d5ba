/**
 * The fleet end to end: a real `nats-server -js` on a loopback port, real workers (`lib/cli.ts
 * worker` subprocesses) and a coordinator (`evaluate({ fleet })`): a worker SIGKILLed mid-run, a
 * job that stops every worker that takes it, a server restart mid-run.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { runGaps } from "../../lib/analyze/run_gaps.ts";
import { createProvider } from "../../lib/model/create.ts";
import { sampleKey } from "../../lib/record/sample_key.ts";
import type { ResultRecord } from "../../lib/record/result.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import type { EvaluateOptions } from "../../lib/run/evaluate_options.ts";
import { bwrapAvailable } from "../../lib/sandbox/isolate.ts";
import { sha256 } from "../../lib/task/hash.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { natsUnavailable, startNats, startWorker } from "./_nats.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const skip = await natsUnavailable();
if (skip) console.log(`fleet tests ignored: ${skip}`);

/** A slice of the builtin suite whose synthetic answers never loop forever. */
async function slice(ids: string[]) {
  const builtin = await loadSuite(join(ROOT, "tasks/builtin"));
  const tasks = builtin.tasks.filter((t) => ids.includes(t.id));
  return { builtin, suite: { ...builtin, tasks, hash: await sha256(`${builtin.hash}|${ids}`) } };
}

/** Evaluate with the synthetic models, closing them after. */
async function run(
  ids: string[],
  samples: number,
  options: Partial<EvaluateOptions> & { runsDir: string },
): Promise<string> {
  const { builtin, suite } = await slice(ids);
  const models = ["synthetic:default", "synthetic:sloppy"].map((spec) =>
    createProvider(spec, { tasks: builtin.tasks, env: {} })
  );
  try {
    const isolation = (await bwrapAvailable()) ? "bwrap" : "none";
    // Declared limits (no reference timing), so a local and a fleet run judge under the same ones.
    const e = await evaluate(suite, {
      models,
      samples,
      isolation,
      referenceTimeouts: false,
      seed: 11,
      ...options,
    });
    return e.dir;
  } finally {
    await Promise.all(models.map((m) => m.close()));
  }
}

/** Every result by sample key, checking each key is recorded exactly once. */
async function resultsOnce(dir: string): Promise<Map<string, ResultRecord>> {
  const lines = (await Deno.readTextFile(join(dir, "results.jsonl"))).trim().split("\n");
  const byKey = new Map<string, ResultRecord>();
  for (const line of lines) {
    const r = JSON.parse(line) as ResultRecord;
    assert.ok(!byKey.has(sampleKey(r)), `${sampleKey(r)} is recorded once`);
    byKey.set(sampleKey(r), r);
  }
  return byKey;
}

const TASKS = [
  "chunk",
  "group-by",
  "levenshtein",
  "dedupe-stable",
  "compare-semver",
  "count-inversions",
  "is-palindrome",
  "parse-duration",
  "deep-merge",
  "customer-totals",
];

Deno.test({
  name:
    "evaluate({ fleet }) with a worker SIGKILLed mid-run records every sample once, with the verdicts of a local run",
  ignore: skip !== null,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "assay-fleet-" });
    const nats = await startNats();
    const workers = [startWorker(nats.url), startWorker(nats.url)];
    try {
      const local = await resultsOnce(
        await run(TASKS, 10, { runsDir: join(dir, "local"), sandbox: "pooled" }),
      );
      assert.equal(local.size, 200);
      // Kill the first worker after it has judged 30 jobs: its jobs in flight go to the other.
      let judged = 0;
      workers[0].onLine((line) => {
        if (/: (completed|load_error|timeout|exited)/.test(line) && ++judged === 30) {
          void workers[0].kill();
        }
      });
      const fleetDir = await run(TASKS, 10, {
        runsDir: join(dir, "fleet"),
        fleet: { url: nats.url, ackWaitMs: 2000 },
      });
      assert.ok(judged >= 30, `the first worker judged ${judged} jobs before it was killed`);
      assert.notEqual(
        await workers[0].child.status.then((s) => s.signal),
        null,
        "the first worker was killed",
      );
      const fleet = await resultsOnce(fleetDir);
      assert.equal(fleet.size, 200, "every sample recorded");
      // A program that loops while it allocates races two limits: whether memory or time runs out
      // first depends on the machine's speed at that moment, in two local runs as well. Such a
      // sample must end at a limit on both sides, with the same verdicts for the cases before it.
      const LIMITS = new Set(["timeout", "memory_limit"]);
      let races = 0;
      for (const [key, r] of local) {
        const f = fleet.get(key)!;
        assert.ok(f, `${key} ran on the fleet`);
        if (f.outcome !== r.outcome && LIMITS.has(f.outcome) && LIMITS.has(r.outcome)) {
          races++;
          const judged = (cs: typeof r.cases) => {
            const end = cs.findIndex((c) => c.status !== "pass" && c.status !== "fail");
            return cs.slice(0, end < 0 ? cs.length : end).map((c) => [c.name, c.status]);
          };
          const [before, after] = [judged(r.cases), judged(f.cases)];
          const n = Math.min(before.length, after.length);
          assert.deepEqual(after.slice(0, n), before.slice(0, n), `${key}: cases before the limit`);
          continue;
        }
        assert.deepEqual(
          f.cases.map((c) => [c.name, c.status]),
          r.cases.map((c) => [c.name, c.status]),
          `${key}: the same per-case verdicts on the fleet as locally`,
        );
        assert.equal(f.outcome, r.outcome, key);
        // A sample with no code runs nowhere; every other names the worker that ran it.
        if (f.outcome !== "no_code") assert.ok(f.executedBy?.worker, `${key} names its worker`);
      }
      assert.ok(races <= 4, `${races} samples raced time against memory: at most a few may`);
      if (races) console.log(`${races} sample(s) reached a different limit first (time or memory)`);
      const manifest = (await loadRun(fleetDir)).manifest;
      assert.equal(manifest.executor?.kind, "fleet");
      assert.equal(manifest.executor?.url, nats.url);
      assert.equal(Object.keys(manifest.executor!.workers).length, 2, "both workers answered");
    } finally {
      await Promise.all(workers.map((w) => w.kill()));
      await nats.stop();
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name:
    "evaluate({ fleet }) records a job that stops every worker taking it as an infrastructure error, never scored",
  ignore: skip !== null,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "assay-fleet-poison-" });
    const nats = await startNats();
    const killed: number[] = [];
    // Each worker that starts a job is killed at once (SIGKILL), and a fresh one takes its place
    // (until the test ends: every worker started is killed in the end).
    const started: ReturnType<typeof startWorker>[] = [];
    let over = false;
    const spawn = () => {
      const w = startWorker(nats.url, ["--max-deliver", "3"]);
      started.push(w);
      w.onLine((line) => {
        if (!/: started/.test(line)) return;
        killed.push(w.child.pid);
        void w.kill().then(() => over || spawn());
      });
      return w;
    };
    spawn();
    try {
      const runDir = await run(["chunk"], 1, {
        runsDir: dir,
        fleet: { url: nats.url, ackWaitMs: 1000, maxDeliver: 3 },
      }).catch((e) => {
        throw new Error(`${e}\n${started.flatMap((w) => w.lines).join("\n")}`);
      });
      const results = [...(await resultsOnce(runDir)).values()];
      assert.equal(results.length, 2, "one sample per model");
      assert.ok(killed.length >= 2, `workers were killed (${killed.length})`);
      const poisoned = results.filter((r) => r.executionError);
      assert.ok(poisoned.length >= 1, "a job was given up");
      for (const r of poisoned) {
        assert.match(r.executionError!, /delivered 3 times and never finished/);
        assert.equal(r.failure, null, "not classified as the model's failure");
      }
      const loaded = await loadRun(runDir);
      assert.equal(loaded.results.length + loaded.unjudged.length, 2);
      assert.ok(loaded.unjudged.length >= 1, "an infrastructure error is left out of every score");
      assert.match(
        runGaps(loaded).unjudgedTasks[0].reason,
        /^infrastructure error: the job was delivered 3 times/,
      );
    } finally {
      over = true;
      await Promise.all(started.map((w) => w.kill()));
      await nats.stop();
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "evaluate({ fleet }) completes when the NATS server restarts mid-run",
  ignore: skip !== null,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "assay-fleet-restart-" });
    const nats = await startNats();
    const workers = [startWorker(nats.url), startWorker(nats.url)];
    let restarted = false;
    let judged = 0;
    workers[1].onLine((line) => {
      if (/: (completed|load_error|timeout|exited)/.test(line) && ++judged === 10) {
        void nats.restart().then(() => restarted = true);
      }
    });
    try {
      const runDir = await run(TASKS.slice(0, 5), 6, {
        runsDir: dir,
        fleet: { url: nats.url, ackWaitMs: 2000 },
      });
      assert.ok(restarted, "the server was restarted during the run");
      const results = await resultsOnce(runDir);
      assert.equal(results.size, 60, "every sample recorded once");
      assert.ok([...results.values()].every((r) => !r.executionError), "nothing was given up");
    } finally {
      await Promise.all(workers.map((w) => w.kill()));
      await nats.stop();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
