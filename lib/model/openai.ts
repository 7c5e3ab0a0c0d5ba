/**
 * The `openai` provider: the official SDK, streaming, against OpenAI or any
 * OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio, OpenRouter…)
 * through `baseURL`.
 *
 * @module
 */
import OpenAI from "openai";
import type { GenerateRequest, Generation, GenerationParams, Provider } from "./provider.ts";
import { ProviderError } from "./provider_error.ts";

/** Options for {@link openaiProvider}. */
export interface OpenAIProviderOptions {
  /** API key. Never recorded. @default "" (fine for local servers) */
  apiKey?: string;
  /** Base URL of the server. @default the SDK's (https://api.openai.com/v1) */
  baseURL?: string;
  /** Generation parameters (temperature, top_p, max_tokens, seed, reasoning_effort, stop). @default the server's, max_tokens 2048 */
  params?: GenerationParams;
  /** Retries after a 429, a 5xx or a connection error. @default 2 */
  maxRetries?: number;
  /** Request timeout, ms. @default 120000 */
  timeoutMs?: number;
  /** Abort (and retry) a request when no data arrives for this long, ms. @default 60000 */
  idleTimeoutMs?: number;
  /** The spec recorded in the run (e.g. "synthetic:default" when wrapped). @default `openai:<model>` */
  spec?: string;
  /** Mark generations as synthetic. @default false */
  synthetic?: boolean;
  /** The server's name for messages about it ("is Ollama running?"). @default "the server" */
  serverLabel?: string;
}

/** Rough token estimate when a server reports no usage (~4 characters a token). */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.round(text.length / 4));
}

/**
 * Create a provider for `model` on an OpenAI-compatible server.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { openaiProvider } from "./openai.ts";
 * const p = openaiProvider("llama3", { baseURL: "http://127.0.0.1:11434/v1" });
 * assert(p.spec === "openai:llama3" && !p.synthetic);
 * await p.close();
 * ```
 */
export function openaiProvider(model: string, options: OpenAIProviderOptions = {}): Provider {
  const client = new OpenAI({
    apiKey: options.apiKey || "not-needed",
    baseURL: options.baseURL,
    maxRetries: 0, // retries are ours, so they are counted and timed
    timeout: options.timeoutMs ?? 120_000,
  });
  const maxRetries = options.maxRetries ?? 2;
  // Adaptive backoff: a 429 pauses every request to this server until its Retry-After has passed,
  // so concurrent samples wait together instead of each hitting the limit again.
  let pausedUntil = 0;
  const gate = async () => {
    const wait = pausedUntil - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  };
  return {
    spec: options.spec ?? `openai:${model}`,
    synthetic: options.synthetic ?? false,
    params: {
      baseURL: options.baseURL ?? null,
      ...options.params,
    },
    async generate(request: GenerateRequest): Promise<Generation> {
      const started = performance.now();
      let retries = 0;
      for (;;) {
        await gate();
        try {
          // Latency is measured on the attempt that answered; earlier attempts only count as retries.
          const attemptStart = performance.now();
          return {
            ...(await streamOnce(client, model, request, options, attemptStart)),
            retries,
            retryMs: attemptStart - started,
          };
        } catch (error) {
          const status = error instanceof OpenAI.APIError ? error.status : undefined;
          const retryable = error instanceof StreamError ||
            error instanceof OpenAI.APIConnectionError ||
            status === 429 || (status !== undefined && status >= 500);
          if (!retryable || retries >= maxRetries || request.signal?.aborted) {
            return failed(
              describeFailure(error, options.baseURL ?? DEFAULT_BASE_URL, options.serverLabel),
              performance.now() - started,
              retries,
            );
          }
          retries++;
          const delay = retryDelayMs(error, retries);
          if (status === 429) pausedUntil = Math.max(pausedUntil, performance.now() + delay);
          else await new Promise((r) => setTimeout(r, delay));
        }
      }
    },
    close() {
      return Promise.resolve();
    },
  };
}

function retryDelayMs(error: unknown, attempt: number): number {
  const header = error instanceof OpenAI.APIError ? error.headers?.get("retry-after") : null;
  const seconds = header ? Number(header) : NaN;
  if (Number.isFinite(seconds)) return Math.min(seconds * 1000, 60_000);
  return Math.min(250 * 2 ** (attempt - 1), 8_000);
}

const DEFAULT_BASE_URL = "https://api.openai.com/v1";

/**
 * What a failed request says, naming the server: a connection error reads
 * "no answer from <base URL>: <cause> — is <server> running?" (the SDK alone says "Connection
 * error."); an HTTP error keeps its status and message, with the base URL.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import OpenAI from "openai";
 * import { describeFailure } from "./openai.ts";
 * const error = new OpenAI.APIConnectionError({ cause: new TypeError("error sending request: Connection refused (os error 111)") });
 * assert.equal(
 *   describeFailure(error, "http://127.0.0.1:11434/v1", "Ollama"),
 *   "no answer from http://127.0.0.1:11434/v1: error sending request: Connection refused (os error 111) — is Ollama running?",
 * );
 * ```
 */
export function describeFailure(error: unknown, baseURL: string, label = "the server"): string {
  if (error instanceof OpenAI.APIConnectionError) {
    // The SDK says "Connection error."; the reason is down the cause chain (fetch → socket).
    const reasons: string[] = [];
    for (let c = (error as { cause?: unknown }).cause; c instanceof Error; c = c.cause) {
      if (!reasons.includes(c.message)) reasons.push(c.message);
    }
    const why = reasons.length ? reasons.join(": ") : error.message;
    const local = /^https?:\/\/(127\.|localhost|\[::1\])/.test(baseURL);
    return `no answer from ${baseURL}: ${why} — ${
      local ? `is ${label} running?` : "check the network and the base URL"
    }`;
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `${text} (from ${baseURL})`;
}

function failed(error: string, totalMs: number, retries: number): Generation {
  return {
    text: "",
    ttftMs: null,
    totalMs,
    retryMs: totalMs,
    tokensIn: null,
    tokensOut: null,
    tokensEstimated: false,
    tokensPerSec: null,
    retries,
    error,
    mutations: [],
    gapP50Ms: null,
    gapMaxMs: null,
    reasoningTokens: null,
  };
}

/** A stream that broke after it started: stalled, truncated or malformed. Retryable. */
export class StreamError extends ProviderError {
  /** @param message what went wrong with the stream */
  constructor(message: string) {
    super(message);
    this.name = "StreamError";
  }
}

async function streamOnce(
  client: OpenAI,
  model: string,
  request: GenerateRequest,
  options: OpenAIProviderOptions,
  started: number,
): Promise<Omit<Generation, "retries" | "retryMs">> {
  const idleMs = options.idleTimeoutMs ?? 60_000;
  const abort = new AbortController();
  const onOuterAbort = () => abort.abort(request.signal?.reason);
  request.signal?.addEventListener("abort", onOuterAbort, { once: true });
  // Aborted before this attempt began (a request that waited in a queue): it never starts.
  if (request.signal?.aborted) onOuterAbort();
  let stalled = false;
  let idle = setTimeout(() => {
    stalled = true;
    abort.abort();
  }, idleMs);
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      stalled = true;
      abort.abort();
    }, idleMs);
  };
  let text = "";
  let firstAt: number | null = null;
  let finished = false;
  let usage: {
    prompt_tokens: number;
    completion_tokens: number;
    completion_tokens_details?: { reasoning_tokens?: number };
  } | null = null;
  let lastAt: number | null = null;
  const gaps: number[] = []; // between content chunks, ms
  let mutations: string | null = null;
  try {
    const { data: stream, response } = await client.chat.completions.create({
      model,
      messages: request.messages,
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 2048,
      ...(request.seed === undefined ? {} : { seed: request.seed }),
      ...options.params, // a seed given in the spec wins over the per-sample seed
    }, { signal: abort.signal }).withResponse();
    mutations = response.headers.get("x-assay-mutations");
    try {
      for await (const chunk of stream) {
        touch();
        const choice = chunk.choices[0];
        const delta = choice?.delta?.content;
        if (delta) {
          const now = performance.now();
          if (lastAt !== null) gaps.push(now - lastAt);
          firstAt ??= now;
          lastAt = now;
          text += delta;
        }
        if (choice?.finish_reason) finished = true;
        if (chunk.usage) usage = chunk.usage;
      }
    } catch (error) {
      if (stalled) throw new StreamError(`the stream stalled: no data for ${idleMs} ms`);
      if (request.signal?.aborted) throw error;
      throw new StreamError(`the stream broke: ${(error as Error).message}`);
    }
  } catch (error) {
    if (stalled && !(error instanceof StreamError)) {
      throw new StreamError(`no response within ${idleMs} ms`);
    }
    throw error;
  } finally {
    clearTimeout(idle);
    request.signal?.removeEventListener("abort", onOuterAbort);
  }
  if (stalled) throw new StreamError(`the stream stalled: no data for ${idleMs} ms`);
  if (!finished) throw new StreamError("the stream ended without a finish_reason (truncated)");
  const end = performance.now();
  const tokensOut = usage ? usage.completion_tokens : (text ? estimateTokens(text) : 0);
  const streamSec = firstAt === null ? 0 : (end - firstAt) / 1000;
  return {
    text,
    ttftMs: firstAt === null ? null : firstAt - started,
    totalMs: end - started,
    tokensIn: usage ? usage.prompt_tokens : null,
    tokensOut,
    tokensEstimated: usage === null,
    tokensPerSec: streamSec > 0 && tokensOut > 1 ? (tokensOut - 1) / streamSec : null,
    error: null,
    mutations: mutations ? mutations.split(",").filter(Boolean) : [],
    gapP50Ms: gaps.length ? gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)] : null,
    gapMaxMs: gaps.length ? Math.max(...gaps) : null,
    reasoningTokens: usage?.completion_tokens_details?.reasoning_tokens ?? null,
  };
}
