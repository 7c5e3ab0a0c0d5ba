/**
 * Latency under load: the same requests at increasing concurrency, so one
 * sees which model degrades under pressure (time to first token, total time,
 * throughput per level).
 *
 * @module
 */
import { percentile } from "../analyze/summary.ts";
import type { Generation, Provider } from "../model/provider.ts";
import { plain, type PromptTemplate } from "../prompt/templates.ts";
import type { Task } from "../task/schema.ts";
import { limiter } from "./limiter.ts";
import type { LoadLevel } from "../record/load_level.ts";

export type { LoadLevel } from "../record/load_level.ts";

/** Options for {@link measureLoad}. */
export interface LoadOptions {
  /** Concurrency levels, in order. @default [1, 2, 4, 8, 16] */
  levels?: number[];
  /** Requests per level. @default 32 */
  requests?: number;
  /** The prompt template. @default plain */
  template?: PromptTemplate;
  /** Called after each level. */
  onLevel?: (level: LoadLevel) => void;
}

/**
 * Send `requests` prompts (cycling through `tasks`) at each concurrency level
 * and measure latency and throughput. Requests are never cached.
 *
 * @example
 * ```ts ignore
 * import { measureLoad, syntheticProvider, loadSuite } from "../mod.ts";
 * const suite = await loadSuite("tasks/builtin");
 * const levels = await measureLoad(syntheticProvider("default", suite.tasks), suite.tasks, { levels: [1, 4] });
 * ```
 */
export async function measureLoad(
  provider: Provider,
  tasks: readonly Task[],
  options: LoadOptions = {},
): Promise<LoadLevel[]> {
  if (tasks.length === 0) throw new RangeError("Cannot measure load: the suite has no tasks");
  const levels = options.levels ?? [1, 2, 4, 8, 16];
  const n = options.requests ?? 32;
  const template = options.template ?? plain;
  const out: LoadLevel[] = [];
  for (const concurrency of levels) {
    const limit = limiter(concurrency);
    const started = performance.now();
    const gens: Generation[] = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        limit(() =>
          provider.generate({
            messages: template.render(tasks[i % tasks.length]),
            sample: i,
            seed: i,
          })
        )),
    );
    const wallMs = performance.now() - started;
    const ok = gens.filter((g) => g.error === null);
    const level: LoadLevel = {
      concurrency,
      requests: n,
      errors: n - ok.length,
      wallMs,
      throughputRps: ok.length / (wallMs / 1000),
      tokensPerSec: ok.reduce((t, g) => t + (g.tokensOut ?? 0), 0) / (wallMs / 1000),
      ttftP50: percentile(ok.flatMap((g) => g.ttftMs ?? []), 0.5),
      ttftP95: percentile(ok.flatMap((g) => g.ttftMs ?? []), 0.95),
      totalP50: percentile(ok.map((g) => g.totalMs), 0.5),
      totalP95: percentile(ok.map((g) => g.totalMs), 0.95),
    };
    out.push(level);
    options.onLevel?.(level);
  }
  return out;
}
