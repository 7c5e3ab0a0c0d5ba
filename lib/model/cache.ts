/**
 * The generation cache: one JSON file per answer under `data/cache/`, keyed by
 * provider, model, parameters, messages and sample index (repeats are
 * independent samples, never one cached answer served twice). A hit keeps the
 * original latency measurement; the run flags it `cached` and leaves it out of
 * latency statistics. API keys never enter a key or an entry.
 *
 * @module
 */
import { join } from "node:path";
import type { ChatMessage } from "../prompt/templates.ts";
import { sha256 } from "../task/hash.ts";
import type { Generation } from "./provider.ts";

/** What identifies one cached answer. */
export interface CacheKeyParts {
  /** The provider spec, `provider:model`. */
  spec: string;
  /** Parameters that change the answer (temperature, max tokens, base URL…). */
  params: Record<string, unknown>;
  /** The request messages. */
  messages: ChatMessage[];
  /** The sample index. */
  sample: number;
  /** The request seed, if any. */
  seed?: number;
}

/** A store of answers. */
export interface GenerationCache {
  /** The cached answer for a key, or null. */
  get(key: string): Promise<Generation | null>;
  /** Store an answer (only successful ones are worth storing). */
  put(key: string, generation: Generation): Promise<void>;
}

/**
 * The cache key: SHA-256 of the canonical JSON of its parts.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cacheKey } from "./cache.ts";
 * const parts = { spec: "openai:m", params: {}, messages: [], sample: 0 };
 * assert((await cacheKey(parts)) !== (await cacheKey({ ...parts, sample: 1 })));
 * ```
 */
export function cacheKey(parts: CacheKeyParts): Promise<string> {
  const params = Object.fromEntries(
    Object.entries(parts.params).sort(([a], [b]) => a.localeCompare(b)),
  );
  return sha256(
    JSON.stringify([1, parts.spec, params, parts.messages, parts.sample, parts.seed ?? null]),
  );
}

/**
 * A cache in a folder: `<dir>/<first two hex>/<key>.json`, written atomically.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fileCache } from "./cache.ts";
 * const cache = fileCache(await Deno.makeTempDir());
 * assert((await cache.get("0".repeat(64))) === null);
 * ```
 */
export function fileCache(dir: string): GenerationCache {
  const path = (key: string) => join(dir, key.slice(0, 2), `${key}.json`);
  return {
    async get(key) {
      try {
        const entry = JSON.parse(await Deno.readTextFile(path(key)));
        return entry.generation as Generation;
      } catch {
        return null; // missing or torn: a miss
      }
    },
    async put(key, generation) {
      await Deno.mkdir(join(dir, key.slice(0, 2)), { recursive: true });
      const tmp = `${path(key)}.${crypto.randomUUID()}.tmp`;
      await Deno.writeTextFile(
        tmp,
        JSON.stringify({ version: 1, storedAt: new Date().toISOString(), generation }),
      );
      await Deno.rename(tmp, path(key));
    },
  };
}
