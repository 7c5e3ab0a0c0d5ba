/**
 * The coordinator's side of a fleet: an {@link Executor} that sends each sample's execution to
 * the workers through JetStream and waits for its result. Generation and recording stay with the
 * caller (`evaluate()`, the run store's single writer). A job's id is a hash of what it runs
 * within the run (and which of identical jobs it is), so a resumed coordinator finds a result a
 * worker published while it was away instead of running the job again, and JetStream's
 * duplicate detection keeps a job queued twice from running twice.
 *
 * @module
 */
import { jetstream, type JetStreamManager } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/nats-core";
import { Kvm } from "@nats-io/kv";
import { Objm } from "@nats-io/obj";
import { shipStore } from "./dep_shipping.ts";
import type { SandboxJob, SandboxResult } from "../../sandbox/sandbox.ts";
import { sha256 } from "../../task/hash.ts";
import type { Executor } from "../execute_sample.ts";
import { connectFleet, ensureFleet, type FleetQueueOptions, publicUrl } from "./connect.ts";
import { fleetVersion } from "./version.ts";
import { FLEET, type FleetJob, FleetResult, type FleetTaskFiles, WIRE_FORMAT } from "./wire.ts";
import { SandboxUnavailableError } from "../../sandbox/sandbox_unavailable.ts";

/** Options for {@link openFleet}. */
export interface OpenFleetOptions extends FleetQueueOptions {
  /** The run the jobs belong to (its id): results are scoped by it. */
  runId: string;
  /** Where NATS credentials are read. @default {} */
  env?: Record<string, string | undefined>;
  /** A connection made earlier ({@link connectFleet}, e.g. before the run folder exists). @default a new one */
  connection?: NatsConnection;
}

/** A coordinator's connection to a fleet. */
export interface FleetRun {
  /** Runs a job on the fleet. */
  executor: Executor;
  /** The server, without credentials. */
  url: string;
  /** The workers that answered, by id: their sandbox versions. */
  workers: Map<string, string>;
  /** Close the connection (jobs still queued stay queued). */
  close(): Promise<void>;
}

/**
 * Connect a run to a fleet.
 *
 * @param url The fleet's server.
 * @param options The run's id, credentials and redelivery settings.
 * @returns The fleet's executor.
 * @throws {Error} When it cannot connect (see `connectFleet`).
 */
export async function openFleet(url: string, options: OpenFleetOptions): Promise<FleetRun> {
  const nc: NatsConnection = options.connection ?? await connectFleet(url, options.env ?? {});
  const jsm: JetStreamManager = await ensureFleet(nc, options);
  const js = jetstream(nc);
  const kv = await new Kvm(nc).create(FLEET.tasksBucket);
  const deps = await new Objm(nc).create(FLEET.depsBucket);
  const shipped = new Map<string, Promise<string>>();
  const version = await fleetVersion();
  const uploaded = new Set<string>();
  const occurrences = new Map<string, number>();
  const waiting = new Map<string, (r: FleetResult) => void>();
  const workers = new Map<string, string>();
  const { runId } = options;
  // Every result of this run, as it is published (the stream keeps them for a resumed run).
  const sub = nc.subscribe(`assay.results.${runId}.*`);
  void (async () => {
    for await (const m of sub) {
      const parsed = FleetResult.safeParse(m.json());
      if (parsed.success) waiting.get(parsed.data.jobId)?.(parsed.data);
    }
  })();
  /** A result published while this connection was away is in the stream: look for every job waiting. */
  const recheck = async () => {
    for (const jobId of [...waiting.keys()]) {
      const stored = await jsm.streams.getMessage(FLEET.resultsStream, {
        last_by_subj: FLEET.resultSubject(runId, jobId),
      }).catch(() => null);
      if (stored) waiting.get(jobId)?.(FleetResult.parse(stored.json()));
    }
  };
  void (async () => {
    for await (const s of nc.status()) if (s.type === "reconnect") await recheck();
  })();
  const sweep = setInterval(() => void recheck(), 10_000);

  const executor: Executor = async (job: SandboxJob, limits) => {
    // A declared dependency store travels once, by its hash, as the task's files do.
    const nodeModules = job.dependencies?.nodeModules;
    if (nodeModules && !shipped.has(nodeModules)) {
      shipped.set(nodeModules, shipStore(deps, nodeModules));
    }
    const depsHash = nodeModules ? await shipped.get(nodeModules)! : undefined;
    const files: FleetTaskFiles = {
      testsSource: job.testsSource,
      cases: job.cases,
      entry: job.entry,
      ...(job.language ? { language: job.language } : {}),
      ...(job.semantics ? { semantics: job.semantics } : {}),
      ...(job.files ? { files: job.files } : {}),
      ...(job.pythonPackages ? { pythonPackages: job.pythonPackages } : {}),
    };
    const filesText = JSON.stringify(files);
    const taskHash = await sha256(filesText);
    if (!uploaded.has(taskHash)) {
      if (!(await kv.get(taskHash))) await kv.put(taskHash, filesText);
      uploaded.add(taskHash);
    }
    const { signal, isolation, denoPath: _, ...rest } = limits;
    const wireLimits = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    const content = await sha256(
      JSON.stringify([
        taskHash,
        job.code,
        job.python ?? null,
        depsHash ?? null,
        wireLimits,
        isolation ?? "bwrap",
      ]),
    );
    const n = occurrences.get(content) ?? 0;
    occurrences.set(content, n + 1);
    const jobId = `${content.slice(0, 32)}-${n}`;
    // The abort listener goes with the job (a long run must not keep one per job it ever ran).
    let onAbort: (() => void) | undefined;
    const answered = new Promise<FleetResult>((resolve, reject) => {
      waiting.set(jobId, resolve);
      onAbort = () => reject(signal!.reason);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
    const subject = FLEET.resultSubject(runId, jobId);
    const stored = await jsm.streams.getMessage(FLEET.resultsStream, { last_by_subj: subject })
      .catch(() => null);
    if (stored) {
      waiting.get(jobId)?.(FleetResult.parse(stored.json()));
    } else {
      const message: FleetJob = {
        format: WIRE_FORMAT,
        version,
        jobId,
        runId,
        taskHash,
        code: job.code,
        ...(job.python ? { python: job.python } : {}),
        ...(depsHash ? { dependencies: depsHash } : {}),
        limits: wireLimits as FleetJob["limits"],
        isolation: isolation === "none" ? "none" : "bwrap",
      };
      await js.publish(FLEET.jobsSubject(job.language ?? "ts"), JSON.stringify(message), {
        msgID: `${runId}-${jobId}`,
      });
    }
    try {
      const r = await answered;
      workers.set(r.worker, r.workerVersion);
      if (r.result) {
        return { ...r.result, executedBy: { worker: r.worker, version: r.workerVersion } };
      }
      const reason = r.error ?? "no result";
      if (r.errorKind === "sandbox") {
        throw new SandboxUnavailableError(`Cannot execute a sample on the fleet: ${reason}`);
      }
      return infrastructureError(job, reason, r);
    } finally {
      waiting.delete(jobId);
      if (onAbort) signal?.removeEventListener("abort", onAbort);
    }
  };
  return {
    executor,
    url: publicUrl(url),
    workers,
    close: async () => {
      clearInterval(sweep);
      sub.unsubscribe();
      await nc.drain().catch(() => {});
    },
  };
}

/** A job the fleet could not judge: every case missing, the reason recorded apart from any score. */
function infrastructureError(job: SandboxJob, reason: string, r: FleetResult): SandboxResult {
  return {
    outcome: "exited",
    detail: `infrastructure error: ${reason}`,
    cases: job.cases.map((c) => ({
      name: c.name,
      kind: c.kind,
      status: "missing",
      message: "not judged: infrastructure error",
      ms: null,
    })),
    execMs: 0,
    stderr: "",
    executionError: reason,
    executedBy: { worker: r.worker, version: r.workerVersion },
  };
}
