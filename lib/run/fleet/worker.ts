/**
 * A fleet worker: pulls execution jobs from the fleet's JetStream work queue, runs each in its
 * local sandbox with the isolation the run asked for, and publishes the result. A job it cannot
 * judge as the coordinator's machine would (another sandbox version, no bubblewrap) is handed
 * back for another worker; a job delivered `maxDeliver` times (it stopped every worker that
 * took it) is answered as an infrastructure error, never judged.
 *
 * @module
 */
import { hostname } from "node:os";
import type { NatsConnection } from "@nats-io/nats-core";
import { jetstream, type JsMsg } from "@nats-io/jetstream";
import { Kvm } from "@nats-io/kv";
import { Objm } from "@nats-io/obj";
import { fileURLToPath } from "node:url";
import { receiveStore } from "./dep_shipping.ts";
import { runSample } from "../../sandbox/deno.ts";
import { bwrapAvailable } from "../../sandbox/isolate.ts";
import { createPool } from "../../sandbox/pool.ts";
import type { SandboxJob, SandboxResult } from "../../sandbox/sandbox.ts";
import { sha256 } from "../../task/hash.ts";
import { connectFleet, ensureFleet, FLEET_LANGUAGES, type FleetQueueOptions } from "./connect.ts";
import { fleetVersion } from "./version.ts";
import { FLEET, FleetJob, type FleetResult, FleetTaskFiles } from "./wire.ts";

/** Options for {@link runWorker}. */
export interface WorkerOptions extends FleetQueueOptions {
  /** The fleet's server, `nats://host:4222`. */
  url: string;
  /** Where NATS credentials are read (`NATS_USER`, `NATS_PASSWORD`, `NATS_TOKEN`). @default {} */
  env?: Record<string, string | undefined>;
  /** Jobs run at once. @default 2 */
  concurrency?: number;
  /** `pooled` (warm hosts) or `strict` (a process per job). @default "pooled" */
  sandbox?: "pooled" | "strict";
  /** The languages this worker takes. @default ["ts", "js", "py"] */
  languages?: readonly ("ts" | "js" | "py")[];
  /** Stops the worker: no new job is taken, jobs in flight finish. @default none */
  signal?: AbortSignal;
  /** Where progress lines go. @default none */
  log?: (line: string) => void;
  /** Where dependency stores fetched from the fleet are unpacked. @default data/cache/fleet-deps in this checkout */
  depsDir?: string;
}

/** What a worker did. */
export interface WorkerReport {
  /** Its id: host name and process id. */
  id: string;
  /** Jobs answered with a result. */
  judged: number;
  /** Jobs answered with an infrastructure error. */
  errors: number;
  /** Jobs handed back (another version, no bubblewrap). */
  refused: number;
}

/** A tiny counting semaphore. */
function semaphore(n: number) {
  let free = n;
  const waiting: (() => void)[] = [];
  return {
    acquire: () =>
      free > 0 ? (free--, Promise.resolve()) : new Promise<void>((r) => waiting.push(r)),
    release: () => {
      const next = waiting.shift();
      if (next) next();
      else free++;
    },
  };
}

/**
 * Run a worker until the signal aborts.
 *
 * @example
 * ```ts ignore
 * import { runWorker } from "./worker.ts";
 * await runWorker({ url: "nats://127.0.0.1:4222", concurrency: 2, log: console.log });
 * ```
 *
 * @param options The server, concurrency, sandbox, languages and stop signal.
 * @returns What it did.
 * @throws {Error} When it cannot connect (see `connectFleet`).
 */
export async function runWorker(options: WorkerOptions): Promise<WorkerReport> {
  const { concurrency = 2, sandbox = "pooled", languages = FLEET_LANGUAGES } = options;
  const log = options.log ?? (() => {});
  const id = `${hostname()}:${Deno.pid}`;
  const version = await fleetVersion();
  const maxDeliver = options.maxDeliver ?? 4;
  const ackWaitMs = options.ackWaitMs ?? 30_000;
  const nc: NatsConnection = await connectFleet(options.url, options.env ?? {});
  await ensureFleet(nc, options);
  const js = jetstream(nc);
  const kv = await new Kvm(nc).create(FLEET.tasksBucket);
  const hasBwrap = await bwrapAvailable();
  const pools = new Map<string, ReturnType<typeof createPool>>();
  const poolOf = (isolation: "bwrap" | "none") => {
    if (!pools.has(isolation)) pools.set(isolation, createPool({ size: concurrency, isolation }));
    return pools.get(isolation)!;
  };
  const taskCache = new Map<string, FleetTaskFiles>();
  const depsStore = await new Objm(nc).create(FLEET.depsBucket);
  const depsDir = options.depsDir ??
    fileURLToPath(new URL("../../../data/cache/fleet-deps", import.meta.url));
  const stores = new Map<string, ReturnType<typeof receiveStore>>();
  const report: WorkerReport = { id, judged: 0, errors: 0, refused: 0 };
  const slots = semaphore(concurrency);
  const inFlight = new Set<Promise<void>>();

  /** Publish a job's answer (retried while the server is away), then acknowledge the job. */
  const answer = async (
    m: JsMsg,
    job: Pick<FleetJob, "runId" | "jobId">,
    body: Omit<FleetResult, "jobId" | "worker" | "workerVersion" | "deliveries">,
  ) => {
    const result: FleetResult = {
      jobId: job.jobId,
      worker: id,
      workerVersion: version,
      deliveries: m.info.deliveryCount,
      ...body,
    };
    for (let attempt = 0;; attempt++) {
      try {
        await js.publish(FLEET.resultSubject(job.runId, job.jobId), JSON.stringify(result), {
          msgID: `result-${job.runId}-${job.jobId}`,
        });
        break;
      } catch (error) {
        if (options.signal?.aborted && attempt > 20) throw error;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    m.ack();
  };

  /** The task files a job names, from the cache or the bucket, checked against their hash. */
  const taskFiles = async (hash: string): Promise<FleetTaskFiles | string> => {
    const cached = taskCache.get(hash);
    if (cached) return cached;
    const entry = await kv.get(hash);
    if (!entry) return `the task files ${hash.slice(0, 12)} are not in the bucket`;
    const text = entry.string();
    if ((await sha256(text)) !== hash) {
      return `the task files do not match their hash ${hash.slice(0, 12)}`;
    }
    const files = FleetTaskFiles.parse(JSON.parse(text));
    taskCache.set(hash, files);
    return files;
  };

  const handle = async (m: JsMsg) => {
    let job: FleetJob;
    try {
      job = FleetJob.parse(m.json());
    } catch (error) {
      log(`dropping a malformed job (${m.subject}): ${(error as Error).message.split("\n")[0]}`);
      m.term();
      return;
    }
    if (m.info.deliveryCount >= maxDeliver) {
      report.errors++;
      log(`job ${job.jobId}: delivered ${m.info.deliveryCount} times, giving up`);
      return await answer(m, job, {
        errorKind: "gave_up",
        error: `the job was delivered ${m.info.deliveryCount} times and never finished: the ${
          m.info.deliveryCount - 1
        } workers that took it stopped (killed, crashed or out of memory) or refused it`,
      });
    }
    const mismatch = job.version !== version
      ? `it needs sandbox version "${job.version}", this worker has "${version}"`
      : job.isolation === "bwrap" && !hasBwrap
      ? "it needs bubblewrap, which this worker's machine lacks"
      : null;
    if (mismatch) {
      report.refused++;
      log(`job ${job.jobId}: refused: ${mismatch}`);
      m.nak(500);
      return;
    }
    const files = await taskFiles(job.taskHash);
    if (typeof files === "string") {
      report.errors++;
      return await answer(m, job, { errorKind: "refused", error: `the job was refused: ${files}` });
    }
    let dependencies: { nodeModules: string } | undefined;
    if (job.dependencies) {
      if (!stores.has(job.dependencies)) {
        stores.set(job.dependencies, receiveStore(depsStore, job.dependencies, depsDir));
      }
      const store = await stores.get(job.dependencies)!;
      if ("refused" in store) {
        stores.delete(job.dependencies);
        report.errors++;
        return await answer(m, job, {
          errorKind: "refused",
          error: `the job was refused: ${store.refused}`,
        });
      }
      dependencies = store;
    }
    log(`job ${job.jobId}: started (delivery ${m.info.deliveryCount})`);
    // Tell the server the job is alive while it runs: only a dead worker's job is redelivered.
    const beat = setInterval(() => m.working(), Math.max(100, ackWaitMs / 3));
    try {
      const sandboxJob: SandboxJob = {
        code: job.code,
        ...files,
        ...(job.python ? { python: job.python } : {}),
        ...(dependencies ? { dependencies } : {}),
      };
      const result: SandboxResult = sandbox === "pooled"
        ? await poolOf(job.isolation).run(sandboxJob, job.limits)
        : await runSample(sandboxJob, { ...job.limits, isolation: job.isolation });
      report.judged++;
      await answer(m, job, { result });
      log(`job ${job.jobId}: ${result.outcome}`);
    } catch (error) {
      // A failing sandbox is an error of its own: the coordinator stops the run, as locally.
      report.errors++;
      await answer(m, job, {
        errorKind: "sandbox",
        error: `the sandbox failed on ${id}: ${(error as Error).message}`,
      });
    } finally {
      clearInterval(beat);
    }
  };

  // One pull subscription per language; a delivered job waits for a free slot (kept alive
  // meanwhile), so an idle language never holds a slot another language's job needs.
  const loops = languages.map(async (language) => {
    const consumer = await js.consumers.get(FLEET.jobsStream, FLEET.consumer(language));
    const messages = await consumer.consume({ max_messages: concurrency });
    options.signal?.addEventListener("abort", () => void messages.stop(), { once: true });
    if (options.signal?.aborted) await messages.stop();
    for await (const m of messages) {
      const beat = setInterval(() => m.working(), Math.max(100, ackWaitMs / 3));
      await slots.acquire();
      clearInterval(beat);
      if (options.signal?.aborted) {
        slots.release();
        m.nak(); // not started: another worker takes it now
        continue;
      }
      const done = handle(m).catch((error) => log(`job failed to answer: ${error}`)).finally(() => {
        slots.release();
        inFlight.delete(done);
      });
      inFlight.add(done);
    }
  });
  log(
    `worker ${id} (${version}) serving ${
      languages.join(", ")
    } with ${concurrency} slots, ${sandbox}`,
  );
  await Promise.all(loops);
  await Promise.all(inFlight);
  await Promise.all([...pools.values()].map((p) => p.close()));
  await nc.drain();
  return report;
}
