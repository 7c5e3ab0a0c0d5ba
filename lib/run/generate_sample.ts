/**
 * One sample's generation: ask the model (or the cache) with the planned messages and turn the
 * answer into a {@link GenerationRecord}, code extracted, prompt hash and endpoint recorded.
 *
 * @module
 */
import { cacheKey, type GenerationCache } from "../model/cache.ts";
import { extractCode } from "../model/extract.ts";
import { filesAnswerCode } from "../model/extract_files.ts";
import type { Generation, Provider } from "../model/provider.ts";
import type { Job } from "./plan.ts";
import type { GenerationRecord } from "../record/generation.ts";

/** How the cache is used: read and write, write only (refresh), or not at all. */
export type CacheMode = "use" | "refresh" | "off";

/**
 * The server a provider talks to (its base URL, never a key), or null for an offline one.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { endpointOf } from "./generate_sample.ts";
 * assert.equal(endpointOf({ params: { baseURL: "http://127.0.0.1:11434/v1" } }), "http://127.0.0.1:11434/v1");
 * assert.equal(endpointOf({ params: { profile: "default" } }), null);
 * ```
 */
export function endpointOf(model: Pick<Provider, "params">): string | null {
  const url = model.params.baseURL;
  return typeof url === "string" && url !== "" ? url : null;
}

/**
 * Ask for one job's answer and record it (the cache serves real models' repeats). `beforeRequest`
 * runs right before a request is sent (never for a cache hit): a budget's check, which may throw.
 */
export async function generateSample(
  job: Job,
  seed: number,
  queueMs: number,
  cache: GenerationCache | undefined,
  cacheMode: CacheMode,
  signal?: AbortSignal,
  beforeRequest?: () => void,
): Promise<GenerationRecord> {
  const startedAt = new Date().toISOString();
  const request = {
    messages: job.messages,
    sample: job.sample,
    seed: seed + job.sample,
    task: job.task.id,
    variant: job.variant.name,
  };
  const useCache = cache !== undefined && cacheMode !== "off" && !job.model.synthetic;
  const k = useCache
    ? await cacheKey({ spec: job.model.spec, params: { ...job.model.params }, ...request })
    : "";
  let g: Generation | null = useCache && cacheMode === "use" ? await cache!.get(k) : null;
  const cached = g !== null;
  if (!g) {
    beforeRequest?.();
    g = await job.model.generate(signal ? { ...request, signal } : request);
    if (useCache && g.error === null) await cache!.put(k, g);
  }
  return {
    task: job.task.id,
    model: job.model.spec,
    variant: job.variant.name,
    sample: job.sample,
    synthetic: job.model.synthetic,
    startedAt,
    text: g.text,
    // A files answer's code is its changed files as a file bundle (`// file: <path>` lines).
    code: g.error === null
      ? (job.task.answer === "files"
        ? filesAnswerCode(g.text, job.task)
        : extractCode(g.text, job.task.entry, job.task.language))
      : null,
    ttftMs: g.ttftMs,
    totalMs: g.totalMs,
    tokensIn: g.tokensIn,
    tokensOut: g.tokensOut,
    tokensEstimated: g.tokensEstimated,
    tokensPerSec: g.tokensPerSec,
    queueMs,
    retries: g.retries,
    retryMs: g.retryMs,
    cached,
    error: g.error,
    mutations: g.mutations,
    gapP50Ms: g.gapP50Ms,
    gapMaxMs: g.gapMaxMs,
    reasoningTokens: g.reasoningTokens,
    promptHash: job.promptHash,
    endpoint: endpointOf(job.model),
  };
}
