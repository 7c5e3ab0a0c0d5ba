/**
 * The one shape every model provider has, and how model specs are written.
 *
 * @module
 */
import type { ChatMessage } from "../prompt/templates.ts";

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
  /** The request finally failed: the error; null on success. */
  error: string | null;
  /** Mutations a synthetic server reported applying (header `x-assay-mutations`), else []. */
  mutations: string[];
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
  /** The provider name: openai, synthetic… */
  provider: string;
  /** The model name as the provider knows it. */
  model: string;
}

/** Providers known to {@link parseModelSpec}. */
export const PROVIDERS = ["openai", "synthetic"] as const;

/**
 * Normalise a model spec: `"synthetic:default"`, `"openai:gpt-4o-mini"`; a bare
 * name means `openai:<name>`.
 *
 * @example
 * ```ts
 * import { parseModelSpec } from "./provider.ts";
 * console.assert(parseModelSpec("gpt-4o-mini").provider === "openai");
 * console.assert(parseModelSpec("synthetic:sloppy").model === "sloppy");
 * ```
 */
export function parseModelSpec(spec: string): ModelSpec {
  const i = spec.indexOf(":");
  const [provider, model] = i < 0 ? ["openai", spec] : [spec.slice(0, i), spec.slice(i + 1)];
  if (!(PROVIDERS as readonly string[]).includes(provider)) {
    throw new Error(
      `Cannot parse model "${spec}": unknown provider "${provider}", use one of ${
        PROVIDERS.join(", ")
      }`,
    );
  }
  if (model.trim() === "") throw new Error(`Cannot parse model "${spec}": the model name is empty`);
  return { provider, model };
}
