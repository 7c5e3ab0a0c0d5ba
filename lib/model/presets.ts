/**
 * OpenAI-compatible servers by name: a preset is a base URL and the
 * environment variables that hold its key and an optional base-URL override.
 * `ollama:llama3.1` means the `openai` client at Ollama's URL.
 *
 * @module
 */
import { ProviderError } from "./provider_error.ts";

/** One OpenAI-compatible server. */
export interface Preset {
  /** The server's name in messages ("is Ollama running?"). */
  label: string;
  /** The default base URL. */
  baseURL: string;
  /** The environment variable holding the API key (read by the CLI only). */
  keyVar: string;
  /** The environment variable that overrides the base URL. */
  urlVar: string;
  /** Whether the server needs a key. */
  needsKey: boolean;
}

/** The built-in presets. */
export const PRESETS: Readonly<Record<string, Preset>> = {
  openai: {
    label: "OpenAI",
    baseURL: "https://api.openai.com/v1",
    keyVar: "OPENAI_API_KEY",
    urlVar: "OPENAI_BASE_URL",
    needsKey: true,
  },
  ollama: {
    label: "Ollama",
    baseURL: "http://127.0.0.1:11434/v1",
    keyVar: "OLLAMA_API_KEY",
    urlVar: "OLLAMA_BASE_URL",
    needsKey: false,
  },
  vllm: {
    label: "vLLM",
    baseURL: "http://127.0.0.1:8000/v1",
    keyVar: "VLLM_API_KEY",
    urlVar: "VLLM_BASE_URL",
    needsKey: false,
  },
  llamacpp: {
    label: "the llama.cpp server",
    baseURL: "http://127.0.0.1:8080/v1",
    keyVar: "LLAMACPP_API_KEY",
    urlVar: "LLAMACPP_BASE_URL",
    needsKey: false,
  },
  lmstudio: {
    label: "LM Studio",
    baseURL: "http://127.0.0.1:1234/v1",
    keyVar: "LMSTUDIO_API_KEY",
    urlVar: "LMSTUDIO_BASE_URL",
    needsKey: false,
  },
  openrouter: {
    label: "OpenRouter",
    baseURL: "https://openrouter.ai/api/v1",
    keyVar: "OPENROUTER_API_KEY",
    urlVar: "OPENROUTER_BASE_URL",
    needsKey: true,
  },
  together: {
    label: "Together",
    baseURL: "https://api.together.xyz/v1",
    keyVar: "TOGETHER_API_KEY",
    urlVar: "TOGETHER_BASE_URL",
    needsKey: true,
  },
  groq: {
    label: "Groq",
    baseURL: "https://api.groq.com/openai/v1",
    keyVar: "GROQ_API_KEY",
    urlVar: "GROQ_BASE_URL",
    needsKey: true,
  },
  deepseek: {
    label: "DeepSeek",
    baseURL: "https://api.deepseek.com/v1",
    keyVar: "DEEPSEEK_API_KEY",
    urlVar: "DEEPSEEK_BASE_URL",
    needsKey: true,
  },
};

/**
 * Resolve a preset's base URL and key from an environment record (the CLI
 * passes `Deno.env.toObject()`; library code passes what it has).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { resolvePreset } from "./presets.ts";
 * const r = resolvePreset("ollama", {});
 * assert(r.baseURL === "http://127.0.0.1:11434/v1" && r.apiKey === undefined);
 * ```
 */
export function resolvePreset(name: string, env: Record<string, string | undefined>): {
  baseURL: string;
  apiKey: string | undefined;
  label: string;
} {
  const preset = PRESETS[name];
  if (!preset) {
    throw new ProviderError(
      `Cannot find provider preset "${name}": known presets are ${Object.keys(PRESETS).join(", ")}`,
    );
  }
  const apiKey = env[preset.keyVar] || undefined;
  if (preset.needsKey && !apiKey && !env[preset.urlVar]) {
    throw new ProviderError(
      `Cannot use provider "${name}": no API key: set ${preset.keyVar} (or ${preset.urlVar} for a compatible server), or use a synthetic:* model offline`,
    );
  }
  return { baseURL: env[preset.urlVar] || preset.baseURL, apiKey, label: preset.label };
}
