/**
 * One place that turns a model spec into a provider.
 *
 * @module
 */
import type { Task } from "../task/schema.ts";
import { openaiProvider } from "./openai.ts";
import { resolvePreset } from "./presets.ts";
import { parseModelSpec, type Provider } from "./provider.ts";
import { replayProvider } from "./replay.ts";
import { syntheticProvider } from "./synthetic.ts";

/** Options for {@link createProvider}. */
export interface CreateProviderOptions {
  /** The tasks the synthetic model may be asked about. @default [] */
  tasks?: readonly Task[];
  /** Where API keys and base-URL overrides are read from (the CLI passes the process environment). Keys are never recorded. @default {} */
  env?: Record<string, string | undefined>;
  /** Sampling temperature for real models, unless the spec sets one. */
  temperature?: number;
}

/**
 * Create the provider for a spec such as `"synthetic:default"`,
 * `"openai:gpt-4o-mini?temperature=0"` or `"ollama:qwen2.5-coder"`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createProvider } from "./create.ts";
 * const p = createProvider("synthetic:reference");
 * assert(p.synthetic);
 * await p.close();
 * const local = createProvider("ollama:llama3.1?temperature=0");
 * assert(local.spec === "ollama:llama3.1?temperature=0" && !local.synthetic);
 * await local.close();
 * ```
 */
export function createProvider(spec: string, options: CreateProviderOptions = {}): Provider {
  const parsed = parseModelSpec(spec);
  if (parsed.provider === "synthetic") return syntheticProvider(parsed.model, options.tasks ?? []);
  if (parsed.provider === "replay") return replayProvider(parsed.model);
  const { baseURL, apiKey, label } = resolvePreset(parsed.provider, options.env ?? {});
  const params = options.temperature === undefined || parsed.params.temperature !== undefined
    ? parsed.params
    : { ...parsed.params, temperature: options.temperature };
  return openaiProvider(parsed.model, {
    apiKey,
    baseURL,
    params,
    spec: parsed.spec,
    serverLabel: label,
  });
}
