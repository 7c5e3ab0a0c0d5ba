/**
 * The one shape every model provider has, and how model specs are written.
 *
 * @module
 */
import type { ChatMessage } from "../prompt/templates.ts";
import { ProviderError } from "./provider_error.ts";

/** What to ask a provider for. */
export interface GenerateRequest {
  /** The chat messages. */
  messages: ChatMessage[];
  /** The sample index (repeats are independent samples). */
  sample: number;
  /** A seed sent to the server (OpenAI's `seed`); the synthetic model is deterministic in it. */
  seed?: number;
  /** Aborts the request. */
  signal?: AbortSignal;
  /** The task id (not sent to servers; the replay provider looks answers up by it). */
  task?: string;
  /** The variant name (not sent to servers; used by the replay provider). */
  variant?: string;
}

/** One answer and how long it took to arrive. */
export interface Generation {
  /** The completion text. */
  text: string;
  /** Time to first content token, ms (null when no content streamed). */
  ttftMs: number | null;
  /** Time from request to end of stream, ms. */
  totalMs: number;
  /** Prompt tokens, from usage (null when unknown). */
  tokensIn: number | null;
  /** Completion tokens, from usage or estimated. */
  tokensOut: number | null;
  /** True when token counts were estimated (no usage reported). */
  tokensEstimated: boolean;
  /** Completion tokens per second after the first token (null when not measurable). */
  tokensPerSec: number | null;
  /** Retried requests before this answer. */
  retries: number;
  /** Time spent before the attempt that answered (failed attempts and backoff), ms. */
  retryMs: number;
  /** The request finally failed: the error; null on success. */
  error: string | null;
  /** Mutations a synthetic server reported applying (header `x-assay-mutations`), else []. */
  mutations: string[];
  /** Median gap between streamed content chunks, ms (null with fewer than two chunks). */
  gapP50Ms: number | null;
  /** Longest gap between streamed content chunks, ms: stalls show here. */
  gapMaxMs: number | null;
  /** Reasoning tokens, when the server reports them (usage.completion_tokens_details). */
  reasoningTokens: number | null;
}

/** A model behind one interface. */
export interface Provider {
  /** The normalised spec, `provider:model`. */
  readonly spec: string;
  /** True for the offline synthetic model: labelled so everywhere. */
  readonly synthetic: boolean;
  /** Parameters that change answers (temperature, max tokens, base URL…): part of cache keys. Never secrets. */
  readonly params: Readonly<Record<string, unknown>>;
  /** Ask for one completion. Never throws for a failed request: it is recorded in `error`. */
  generate(request: GenerateRequest): Promise<Generation>;
  /** Release resources (servers, sockets). */
  close(): Promise<void>;
}

/** A parsed model spec. */
export interface ModelSpec {
  /** The provider name: synthetic, openai, or an OpenAI-compatible preset (ollama, vllm…). */
  provider: string;
  /** The model name as the provider knows it. */
  model: string;
  /** Generation parameters given in the spec's query string. */
  params: GenerationParams;
  /** The normalised spec: `provider:model`, then the parameters sorted, as a query string. */
  spec: string;
}

/** Generation parameters a spec may carry (`?temperature=0.2&max_tokens=512…`). */
export interface GenerationParams {
  /** Sampling temperature. */
  temperature?: number;
  /** Nucleus sampling. */
  top_p?: number;
  /** Maximum completion tokens. */
  max_tokens?: number;
  /** A fixed seed (otherwise each sample gets its own). */
  seed?: number;
  /** Reasoning effort for reasoning models. */
  reasoning_effort?: ReasoningEffort;
  /** Stop sequences (repeat the parameter for several). */
  stop?: string[];
}

/** Providers known to {@link parseModelSpec}: synthetic plus the OpenAI-compatible presets. */
export const PROVIDERS = [
  "synthetic",
  "replay",
  "openai",
  "ollama",
  "vllm",
  "llamacpp",
  "lmstudio",
  "openrouter",
  "together",
  "groq",
  "deepseek",
] as const;

const NUMERIC = new Set(["temperature", "top_p", "max_tokens", "seed"]);

/** Reasoning effort levels accepted in a spec. */
export const REASONING_EFFORTS = ["none", "minimal", "low", "medium", "high", "xhigh"] as const;
/** A reasoning effort level. */
export type ReasoningEffort = typeof REASONING_EFFORTS[number];

/**
 * Normalise a model spec once, at the boundary: `"synthetic:default"`,
 * `"openai:gpt-4o-mini?temperature=0.2"`, `"ollama:llama3.1"`; a bare name
 * means `openai:<name>`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseModelSpec } from "./provider.ts";
 * assert(parseModelSpec("gpt-4o-mini").provider === "openai");
 * const s = parseModelSpec("ollama:qwen2.5-coder?top_p=0.9&temperature=0");
 * assert(s.params.temperature === 0 && s.spec === "ollama:qwen2.5-coder?temperature=0&top_p=0.9");
 * ```
 */
export function parseModelSpec(spec: string): ModelSpec {
  const fail = (detail: string): never => {
    throw new ProviderError(`Cannot parse model "${spec}": ${detail}`);
  };
  const q = spec.indexOf("?");
  const head = q < 0 ? spec : spec.slice(0, q);
  const i = head.indexOf(":");
  const [provider, model] = i < 0 ? ["openai", head] : [head.slice(0, i), head.slice(i + 1)];
  if (!(PROVIDERS as readonly string[]).includes(provider)) {
    fail(`unknown provider "${provider}", use one of ${PROVIDERS.join(", ")}`);
  }
  if (model.trim() === "") fail("the model name is empty");
  const params: GenerationParams = {};
  const query = new URLSearchParams(q < 0 ? "" : spec.slice(q + 1));
  for (const [key, value] of query) {
    if (NUMERIC.has(key)) {
      const n = Number(value);
      if (value === "" || !Number.isFinite(n)) fail(`${key} must be a number, got "${value}"`);
      (params as Record<string, number>)[key] = n;
    } else if (key === "reasoning_effort") {
      if (!(REASONING_EFFORTS as readonly string[]).includes(value)) {
        fail(`reasoning_effort must be one of ${REASONING_EFFORTS.join(", ")}, got "${value}"`);
      }
      params.reasoning_effort = value as ReasoningEffort;
    } else if (key === "stop") (params.stop ??= []).push(value);
    else {fail(
        `unknown parameter "${key}": use temperature, top_p, max_tokens, seed, reasoning_effort or stop`,
      );}
  }
  const sorted = [...query].sort(([a], [b]) => a.localeCompare(b));
  const suffix = sorted.length ? `?${new URLSearchParams(sorted)}` : "";
  return { provider, model, params, spec: `${provider}:${model}${suffix}` };
}
