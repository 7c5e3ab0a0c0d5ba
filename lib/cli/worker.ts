/**
 * `./assay worker --nats nats://HOST:4222 [--concurrency N] [--sandbox pooled|strict]
 * [--languages ts,js,py]`: a fleet worker, until Ctrl-C (jobs in flight finish first; a second
 * Ctrl-C quits at once, and the server redelivers its jobs to another worker).
 *
 * @module
 */
import { parseArgs } from "./args.ts";
import { ToolError, UsageError } from "./errors.ts";
import { runWorker, type WorkerReport } from "../run/fleet/worker.ts";

const LANGUAGES = ["ts", "js", "py"] as const;

/**
 * Run the worker command.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runWorkerCommand } from "./worker.ts";
 * await assert.rejects(runWorkerCommand([]), /--nats is required/);
 * await assert.rejects(runWorkerCommand(["--nats", "nats://127.0.0.1:1", "--languages", "ts,rust"]), /"rust"/);
 * ```
 *
 * @param args The command line after `worker`.
 * @returns What the worker did.
 */
export async function runWorkerCommand(args: string[]): Promise<WorkerReport> {
  const { values } = parseArgs({
    args,
    options: {
      nats: { type: "string" },
      concurrency: { type: "string", default: String(Math.max(1, navigator.hardwareConcurrency)) },
      sandbox: { type: "string", default: "pooled" },
      languages: { type: "string", default: LANGUAGES.join(",") },
      "ack-wait-ms": { type: "string", default: "30000" },
      "max-deliver": { type: "string", default: "4" },
    },
  });
  if (!values.nats) {
    throw new UsageError(
      "Cannot start a worker: --nats is required: ./assay worker --nats nats://HOST:4222",
    );
  }
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new UsageError(
      `Cannot start a worker with --concurrency "${values.concurrency}": use a whole number >= 1`,
    );
  }
  if (values.sandbox !== "pooled" && values.sandbox !== "strict") {
    throw new UsageError(
      `Cannot start a worker with --sandbox "${values.sandbox}": use pooled or strict`,
    );
  }
  const languages = values.languages.split(",").map((l) => l.trim()).filter(Boolean);
  const unknown = languages.find((l) => !(LANGUAGES as readonly string[]).includes(l));
  if (unknown !== undefined || languages.length === 0) {
    throw new UsageError(
      `Cannot start a worker with --languages "${
        unknown ?? ""
      }": use ts, js and py, comma-separated`,
    );
  }
  const ackWaitMs = Number(values["ack-wait-ms"]);
  const maxDeliver = Number(values["max-deliver"]);
  if (!(ackWaitMs >= 100) || !(Number.isInteger(maxDeliver) && maxDeliver >= 2)) {
    throw new UsageError(
      "Cannot start a worker: --ack-wait-ms must be >= 100 and --max-deliver a whole number >= 2",
    );
  }
  const stop = new AbortController();
  const onSignal = () => {
    if (stop.signal.aborted) Deno.exit(130);
    console.error("assay worker: stopping after the jobs in flight (Ctrl-C again quits at once)");
    stop.abort();
  };
  Deno.addSignalListener("SIGINT", onSignal);
  Deno.addSignalListener("SIGTERM", onSignal);
  try {
    const report = await runWorker({
      url: values.nats,
      env: Deno.env.toObject(),
      concurrency,
      sandbox: values.sandbox,
      languages: languages as ("ts" | "js" | "py")[],
      ackWaitMs,
      maxDeliver,
      signal: stop.signal,
      log: (line) => console.error(`assay worker: ${line}`),
    });
    console.error(
      `assay worker: stopped: ${report.judged} jobs judged, ${report.errors} answered with an infrastructure error, ${report.refused} handed back`,
    );
    return report;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new ToolError((error as Error).message, { cause: error });
  } finally {
    Deno.removeSignalListener("SIGINT", onSignal);
    Deno.removeSignalListener("SIGTERM", onSignal);
  }
}
