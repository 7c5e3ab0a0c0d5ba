/**
 * What a fleet worker refuses (a job of another sandbox version, task files that do not match
 * their hash) and a coordinator killed mid-run that resumes without running a job twice: a real
 * `nats-server -js` on a loopback port.
 */
import assert from "node:assert/strict";
import { basename, dirname, join } from "node:path";
import { jetstream } from "@nats-io/jetstream";
import { Kvm } from "@nats-io/kv";
import { Objm } from "@nats-io/obj";
import { openFleet } from "../../lib/run/fleet/coordinator.ts";
import { receiveStore } from "../../lib/run/fleet/dep_shipping.ts";
import { resolveDependencies } from "../../lib/sandbox/dep_store.ts";
import { bwrapAvailable } from "../../lib/sandbox/isolate.ts";
import { connectFleet, ensureFleet } from "../../lib/run/fleet/connect.ts";
import { fleetVersion } from "../../lib/run/fleet/version.ts";
import {
  FLEET,
  type FleetJob,
  type FleetResult,
  type FleetTaskFiles,
} from "../../lib/run/fleet/wire.ts";
import { runWorker } from "../../lib/run/fleet/worker.ts";
import { sampleKey } from "../../lib/record/sample_key.ts";
import { sha256 } from "../../lib/task/hash.ts";
import { natsUnavailable, startNats, startWorker } from "./_nats.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const skip = await natsUnavailable();
if (skip) console.log(`fleet worker tests ignored: ${skip}`);

const FILES: FleetTaskFiles = {
  testsSource:
    'import { add } from "./solution.ts";\nexport const cases = { adds: () => { if (add(1, 2) !== 3) throw new Error("no"); } };\n',
  cases: [{ name: "adds", kind: "core", tags: [] }],
  entry: "add",
  language: "ts",
};

/** Publish one job (its task files stored under `hash`) and wait for its answer. */
async function answerTo(
  url: string,
  job: Omit<FleetJob, "format" | "jobId" | "runId">,
  filesText: string,
): Promise<FleetResult> {
  const nc = await connectFleet(url);
  try {
    await ensureFleet(nc, { ackWaitMs: 1000, maxDeliver: 2 });
    const kv = await new Kvm(nc).create(FLEET.tasksBucket);
    await kv.put(job.taskHash, filesText);
    const runId = `t${crypto.randomUUID().slice(0, 8)}`;
    const sub = nc.subscribe(`assay.results.${runId}.*`, { max: 1 });
    const message: FleetJob = { format: 1, jobId: "j1", runId, ...job };
    await jetstream(nc).publish(FLEET.jobsSubject("ts"), JSON.stringify(message));
    for await (const m of sub) return m.json<FleetResult>();
    throw new Error("no answer");
  } finally {
    await nc.drain();
  }
}

/** Run `fn` with an in-process worker (strict sandbox, 2 deliveries at most); its log lines. */
async function withWorker(url: string, fn: () => Promise<void>): Promise<string[]> {
  const log: string[] = [];
  const stop = new AbortController();
  const worker = runWorker({
    url,
    concurrency: 1,
    sandbox: "strict",
    maxDeliver: 2,
    ackWaitMs: 1000,
    signal: stop.signal,
    log: (l) => log.push(l),
  });
  try {
    await fn();
  } finally {
    stop.abort();
    await worker;
  }
  return log;
}

Deno.test({
  name:
    "runWorker() hands back a job of another sandbox version, then answers it as an infrastructure error",
  ignore: skip !== null,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const nats = await startNats();
    try {
      const text = JSON.stringify(FILES);
      let answer: FleetResult | undefined;
      const log = await withWorker(nats.url, async () => {
        answer = await answerTo(nats.url, {
          version: "deno 0.0.0 sandbox 000000000000",
          taskHash: await sha256(text),
          code: "export function add(a: number, b: number) { return a + b; }",
          limits: { timeoutMs: 5000 },
          isolation: "none",
        }, text);
      });
      assert.equal(answer!.result, undefined, "never judged");
      assert.match(answer!.error!, /delivered 2 times and never finished/);
      assert.ok(
        log.some((l) => /refused: it needs sandbox version "deno 0\.0\.0/.test(l)),
        log.join("\n"),
      );
    } finally {
      await nats.stop();
    }
  },
});

Deno.test({
  name: "runWorker() refuses task files that do not match their hash, and judges those that do",
  ignore: skip !== null,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const nats = await startNats();
    try {
      const text = JSON.stringify(FILES);
      const version = await fleetVersion();
      const code = "export function add(a: number, b: number) { return a + b; }";
      const job = { version, code, limits: { timeoutMs: 5000 }, isolation: "none" as const };
      let forged: FleetResult | undefined;
      let honest: FleetResult | undefined;
      await withWorker(nats.url, async () => {
        const tampered = text.replace("!== 3", "!== 4");
        forged = await answerTo(nats.url, { ...job, taskHash: await sha256(text + " ") }, tampered);
        honest = await answerTo(nats.url, { ...job, taskHash: await sha256(text) }, text);
      });
      assert.match(forged!.error!, /do not match their hash/);
      assert.equal(forged!.result, undefined);
      assert.equal(honest!.result?.cases[0].status, "pass", JSON.stringify(honest));
    } finally {
      await nats.stop();
    }
  },
});

Deno.test({
  name:
    "./assay eval --nats killed mid-run resumes with the same command: every sample once, no job run twice",
  ignore: skip !== null,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const nats = await startNats();
    const dir = await Deno.makeTempDir({ prefix: "assay-fleet-resume-" });
    const worker = startWorker(nats.url, ["--concurrency", "1", "--ack-wait-ms", "30000"]);
    const lines = worker.lines;
    const evalArgs = [
      "run",
      "-A",
      join(ROOT, "lib/cli.ts"),
      "eval",
      "--suite",
      join(ROOT, "tasks/builtin"),
      "--tasks",
      "chunk,group-by,levenshtein,dedupe-stable,compare-semver",
      "--model",
      "synthetic:default",
      "--model",
      "synthetic:sloppy",
      "--samples",
      "4",
      "--nats",
      nats.url,
      "--runs-dir",
      dir,
      "--no-cache",
      "--quiet",
    ];
    try {
      const first = new Deno.Command(Deno.execPath(), {
        args: evalArgs,
        stdout: "null",
        stderr: "null",
      }).spawn();
      // Kill the coordinator (SIGKILL: nothing is flushed or closed) once the worker started 15 jobs.
      while (lines.filter((l) => l.includes(": started")).length < 15) {
        await new Promise((r) => setTimeout(r, 50));
      }
      first.kill("SIGKILL");
      await first.status;
      const second = await new Deno.Command(Deno.execPath(), {
        args: evalArgs,
        stdout: "null",
        stderr: "piped",
      }).output();
      assert.equal(second.code, 0, new TextDecoder().decode(second.stderr));
      const [run] = [...Deno.readDirSync(dir)].filter((e) => e.isDirectory).map((e) =>
        join(dir, e.name)
      );
      const keys = (await Deno.readTextFile(join(run, "results.jsonl"))).trim().split("\n").map((
        l,
      ) => sampleKey(JSON.parse(l)));
      assert.equal(keys.length, 40, "every sample recorded");
      assert.equal(new Set(keys).size, 40, "once");
      const started = lines.map((l) => /job (\S+): started/.exec(l)?.[1]).filter((id) =>
        id !== undefined
      );
      assert.equal(new Set(started).size, started.length, "no job was run twice");
    } finally {
      await worker.kill("SIGTERM");
      await nats.stop();
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name:
    "openFleet() ships a declared dependency store once; the worker unpacks it, checks its hash and runs the sample with it",
  ignore: skip !== null,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const nats = await startNats();
    const cacheDir = await Deno.makeTempDir({ prefix: "assay-fleet-deps-" });
    try {
      const store = (await resolveDependencies({ mathjs: "^11.0.0" }, {
        cacheDir,
        projectDir: ROOT,
        offline: true,
      }))!;
      const isolation = (await bwrapAvailable()) ? "bwrap" : "none";
      const job = (code: string) => ({
        code,
        testsSource:
          'import assert from "node:assert";\nimport { f } from "./solution.ts";\nexport const cases = { gcd: () => assert.equal(f(12, 18), 6) };',
        cases: [{ name: "gcd", kind: "core" as const, tags: [] }],
        entry: "f",
        language: "ts" as const,
        dependencies: { nodeModules: store.nodeModules },
      });
      const depsDir = join(cacheDir, "worker");
      const stop = new AbortController();
      const worker = runWorker({
        url: nats.url,
        concurrency: 1,
        sandbox: "strict",
        depsDir,
        signal: stop.signal,
      });
      const fleet = await openFleet(nats.url, { runId: "deps" });
      try {
        const ok = await fleet.executor(
          job(
            'import * as math from "mathjs";\nexport const f = (a: number, b: number) => math.gcd(a, b);',
          ),
          { isolation, timeoutMs: 20_000 },
        );
        assert.equal(ok.outcome, "completed", ok.detail);
        assert.equal(ok.cases[0].status, "pass");
        const other = await fleet.executor(
          job('import { z } from "zod";\nexport const f = (a: number, b: number) => (z, 6);'),
          { isolation, timeoutMs: 20_000 },
        );
        assert.equal(
          other.outcome,
          "load_error",
          "an undeclared package is refused on the worker too",
        );
        assert.deepEqual([...Deno.readDirSync(depsDir)].map((e) => e.name), [
          basename(dirname(store.nodeModules)),
        ]);
      } finally {
        await fleet.close();
        stop.abort();
        await worker;
      }
      // A store whose content does not match its name is refused, never mounted.
      const nc = await connectFleet(nats.url);
      const objects = await new Objm(nc).create(FLEET.depsBucket);
      const fake = "0".repeat(64);
      const tar = await new Deno.Command("tar", {
        args: ["-C", dirname(store.nodeModules), "-cf", "-", "node_modules"],
        stdout: "piped",
      }).output();
      await objects.putBlob({ name: fake }, tar.stdout);
      const refused = await receiveStore(objects, fake, join(cacheDir, "other"));
      await nc.drain();
      assert.match((refused as { refused: string }).refused, /does not match its hash/);
    } finally {
      await nats.stop();
      await new Deno.Command("chmod", { args: ["-R", "u+w", cacheDir] }).output();
      await Deno.remove(cacheDir, { recursive: true });
    }
  },
});
