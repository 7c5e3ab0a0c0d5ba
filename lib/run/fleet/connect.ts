/**
 * Connecting to a fleet's NATS server and making sure its JetStream streams, consumers and
 * bucket exist. Credentials come from the caller's environment (`NATS_USER` and
 * `NATS_PASSWORD`, or `NATS_TOKEN`), or from the URL; they are never recorded
 * ({@link publicUrl} is what a manifest keeps).
 *
 * @module
 */
import { connect } from "@nats-io/transport-node";
import type { NatsConnection } from "@nats-io/nats-core";
import {
  AckPolicy,
  type JetStreamManager,
  jetstreamManager,
  RetentionPolicy,
} from "@nats-io/jetstream";
import { FLEET } from "./wire.ts";

/** The languages a fleet serves, one consumer each. */
export const FLEET_LANGUAGES = ["ts", "js", "py"] as const;

/** How a fleet redelivers jobs. */
export interface FleetQueueOptions {
  /** A job not acknowledged (nor reported as in progress) within this is delivered again, ms. @default 30000 */
  ackWaitMs?: number;
  /** Deliveries of a job before it is given up as an infrastructure error (the last one is not run). @default 4 */
  maxDeliver?: number;
}

/**
 * A NATS URL without its credentials, for records and messages.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { publicUrl } from "./connect.ts";
 * assert.equal(publicUrl("nats://alice:s3cret@10.0.0.5:4222"), "nats://10.0.0.5:4222");
 * assert.equal(publicUrl("tls://token@nats.example:4222"), "tls://nats.example:4222");
 * assert.equal(publicUrl("127.0.0.1:4222"), "nats://127.0.0.1:4222");
 * ```
 */
export function publicUrl(url: string): string {
  const withScheme = /^[a-z]+:\/\//.test(url) ? url : `nats://${url}`;
  return withScheme.replace(/^([a-z]+:\/\/)[^@/]*@/, "$1");
}

/**
 * Connect to a NATS server, reconnecting for ever when it goes away (a server restart mid-run
 * loses nothing: JetStream keeps the jobs and the results).
 *
 * @param url `nats://host:port` (or `tls://…`; `user:password@` or `token@` allowed).
 * @param env Where `NATS_USER`, `NATS_PASSWORD` and `NATS_TOKEN` are read. @default {}
 * @throws {Error} `Cannot connect to the fleet at "<url>": <reason>: is nats-server -js running there?`
 */
export async function connectFleet(
  url: string,
  env: Record<string, string | undefined> = {},
): Promise<NatsConnection> {
  const parsed = new URL(/^[a-z]+:\/\//.test(url) ? url : `nats://${url}`);
  const user = decodeURIComponent(parsed.username) || env.NATS_USER;
  const pass = decodeURIComponent(parsed.password) || env.NATS_PASSWORD;
  const token = (!parsed.password && decodeURIComponent(parsed.username)) || env.NATS_TOKEN;
  const auth = user && pass ? { user, pass } : token ? { token } : {};
  try {
    return await connect({
      servers: `${parsed.protocol === "tls:" ? "tls://" : ""}${parsed.host}`,
      ...auth,
      ...(parsed.protocol === "tls:" ? { tls: {} } : {}),
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
      timeout: 5000,
    });
  } catch (error) {
    throw new Error(
      `Cannot connect to the fleet at "${publicUrl(url)}": ${
        (error as Error).message
      }: is nats-server -js running there?`,
      { cause: error },
    );
  }
}

/**
 * Make sure the jobs stream (a work queue), the results stream, one durable pull consumer per
 * language and the task bucket exist, with these redelivery settings.
 *
 * @param nc A connection from {@link connectFleet}.
 * @param options Redelivery settings.
 * @returns The JetStream manager.
 */
export async function ensureFleet(
  nc: NatsConnection,
  options: FleetQueueOptions = {},
): Promise<JetStreamManager> {
  const jsm = await jetstreamManager(nc);
  const { ackWaitMs = 30_000, maxDeliver = 4 } = options;
  const stream = async (name: string, config: Record<string, unknown>) => {
    try {
      await jsm.streams.info(name);
    } catch {
      await jsm.streams.add({ name, ...config }).catch(async (error) => {
        // Another process created it meanwhile.
        if (!(await jsm.streams.info(name).then(() => true, () => false))) throw error;
      });
    }
  };
  await stream(FLEET.jobsStream, {
    subjects: ["assay.jobs.>"],
    retention: RetentionPolicy.Workqueue,
  });
  await stream(FLEET.resultsStream, {
    subjects: ["assay.results.>"],
    max_age: 7 * 24 * 3600 * 1e9, // results kept a week, for coordinators that resume late
  });
  for (const language of FLEET_LANGUAGES) {
    const config = {
      durable_name: FLEET.consumer(language),
      ack_policy: AckPolicy.Explicit,
      ack_wait: ackWaitMs * 1e6,
      max_deliver: maxDeliver,
      filter_subject: FLEET.jobsSubject(language),
    };
    const existing = await jsm.consumers.info(FLEET.jobsStream, config.durable_name).catch(() =>
      null
    );
    if (!existing) {
      await jsm.consumers.add(FLEET.jobsStream, config).catch(() => {});
    } else if (
      existing.config.ack_wait !== config.ack_wait || existing.config.max_deliver !== maxDeliver
    ) {
      await jsm.consumers.update(FLEET.jobsStream, config.durable_name, {
        ack_wait: config.ack_wait,
        max_deliver: maxDeliver,
      });
    }
  }
  return jsm;
}
