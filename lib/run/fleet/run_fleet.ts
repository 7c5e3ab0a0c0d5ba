/**
 * A run's fleet, as `evaluate()` holds it: an executor that exists before the run (the task
 * executors are built from it) and connects once the run's id, which scopes its jobs, is known;
 * at the end, the fleet's server and workers are recorded in the manifest.
 *
 * @module
 */
import type { Executor } from "../execute_sample.ts";
import type { RunWriter } from "../store.ts";
import type { NatsConnection } from "@nats-io/nats-core";
import { connectFleet, type FleetQueueOptions } from "./connect.ts";
import { type FleetRun, openFleet } from "./coordinator.ts";

/** Where and how a run reaches its fleet (`EvaluateOptions.fleet`). */
export type FleetOptions =
  & { url: string; env?: Record<string, string | undefined> }
  & FleetQueueOptions;

/** A run's fleet, connected by {@link RunFleet.connect}, scoped to a run by {@link RunFleet.open}. */
export interface RunFleet {
  /** Runs a job on the fleet (only after `open`). */
  executor: Executor;
  /** Connect to the server: before the run folder is made, so an unreachable fleet leaves none. */
  connect(): Promise<void>;
  /** Scope the jobs by the run's id (connecting first if `connect` was not called). */
  open(runId: string): Promise<void>;
  /** Record the server and the workers that answered in the manifest, and disconnect. */
  close(writer: Pick<RunWriter, "recordExecutor">): Promise<void>;
}

/**
 * A run's fleet, not yet connected.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runFleet } from "./run_fleet.ts";
 * const fleet = runFleet({ url: "nats://127.0.0.1:1" });
 * await assert.rejects(fleet.executor({} as never, {}), /not connected/);
 * await fleet.close({ recordExecutor: () => Promise.reject(new Error("not called")) });
 * ```
 */
export function runFleet(options: FleetOptions): RunFleet {
  let fleet: FleetRun | null = null;
  let connection: NatsConnection | undefined;
  return {
    async connect() {
      connection ??= await connectFleet(options.url, options.env ?? {});
    },
    executor: (job, limits) =>
      fleet
        ? fleet.executor(job, limits)
        : Promise.reject(new Error("the fleet is not connected yet")),
    async open(runId) {
      fleet = await openFleet(options.url, { ...options, runId, connection });
    },
    async close(writer) {
      if (!fleet) {
        await connection?.drain().catch(() => {});
        connection = undefined;
        return;
      }
      const { url, workers } = fleet;
      await writer.recordExecutor({ kind: "fleet", url, workers: Object.fromEntries(workers) });
      await fleet.close();
      fleet = null;
    },
  };
}
