/**
 * The `synthetic` provider: the `openai` provider pointed at the loopback
 * synthetic server. Offline, deterministic, and labelled synthetic.
 *
 * @module
 */
import type { Task } from "../task/schema.ts";
import { openaiProvider } from "./openai.ts";
import type { Provider } from "./provider.ts";
import { syntheticProfile } from "./synthetic_profiles.ts";
import type { FaultPlan } from "./synthetic_faults.ts";
import { startSyntheticServer } from "./synthetic_server.ts";

/** Options for {@link syntheticProvider}. */
export interface SyntheticProviderOptions {
  /** Inject faults into the server (reliability tests). @default none */
  faults?: FaultPlan;
  /** Retries of the client. @default 2 */
  maxRetries?: number;
  /** The client's stall timeout, ms. @default 60000 */
  idleTimeoutMs?: number;
}

/**
 * Create a synthetic provider for a profile (`reference`, `default`,
 * `sloppy`) that knows the given tasks. Its server stops on `close()`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { syntheticProvider } from "./synthetic.ts";
 * const p = syntheticProvider("default", []);
 * assert(p.spec === "synthetic:default" && p.synthetic);
 * await p.close();
 * ```
 */
export function syntheticProvider(
  profile: string,
  tasks: readonly Task[],
  options: SyntheticProviderOptions = {},
): Provider {
  syntheticProfile(profile); // fail early on an unknown profile
  const server = startSyntheticServer(tasks, { faults: options.faults });
  const inner = openaiProvider(profile, {
    baseURL: server.baseURL,
    apiKey: "synthetic",
    spec: `synthetic:${profile}`,
    synthetic: true,
    maxRetries: options.maxRetries,
    idleTimeoutMs: options.idleTimeoutMs,
  });
  return {
    spec: inner.spec,
    synthetic: true,
    params: { profile },
    generate: (request) => inner.generate(request),
    async close() {
      await inner.close();
      await server.close();
    },
  };
}
