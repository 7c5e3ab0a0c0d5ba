/**
 * One place that turns a model spec into a provider.
 *
 * @module
 */
import type { Task } from "../task/schema.ts";
import { openaiProvider } from "./openai.ts";
import { parseModelSpec, type Provider } from "./provider.ts";
import { syntheticProvider } from "./synthetic.ts";

/** Options for {@link createProvider}. */
export interface CreateProviderOptions {
  /** The tasks the synthetic model may be asked about. @default [] */
  tasks?: readonly Task[];
  /** API key for `openai:` models (the CLI reads OPENAI_API_KEY). Never recorded. */
  apiKey?: string;
  /** Base URL for `openai:` models (the CLI reads OPENAI_BASE_URL). */
  baseURL?: string;
  /** Sampling temperature for real models. */
  temperature?: number;
  /** Maximum completion tokens for real models. @default 2048 */
  maxTokens?: number;
}

/**
 * Create the provider for a spec such as `"synthetic:default"` or `"openai:gpt-4o-mini"`.
 *
 * @example
 * ```ts
 * import { createProvider } from "./create.ts";
 * const p = createProvider("synthetic:reference");
 * console.assert(p.synthetic);
 * await p.close();
 * ```
 */
export function createProvider(spec: string, options: CreateProviderOptions = {}): Provider {
  const { provider, model } = parseModelSpec(spec);
  if (provider === "synthetic") return syntheticProvider(model, options.tasks ?? []);
  if (!options.apiKey && !options.baseURL) {
    throw new Error(
      `Cannot use model "${spec}": no API key and no base URL: set OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (a compatible server), or use a synthetic:* model offline`,
    );
  }
  return openaiProvider(model, {
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    temperature: options.temperature,
    maxTokens: options.maxTokens,
  });
}
