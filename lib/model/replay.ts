/**
 * The `replay` provider: serves answers recorded earlier — a previous run's
 * generations, or a JSONL file of `{task, sample?, variant?, text}` records —
 * so a run can be re-scored (new tests, a stricter policy, a fixed sandbox)
 * or explored ("what if") without asking a model again. Recorded latency is
 * served as recorded. A Reflexion log (lib/model/replay_reflexion.ts) is read as answers too.
 *
 * Spec: `replay:<run folder or file>`, or `replay:<run folder>#<model spec>`
 * when the run compared several models.
 *
 * @module
 */
import { join } from "node:path";
import type { GenerateRequest, Generation, Provider } from "./provider.ts";
import { readReflexionAnswers } from "./replay_reflexion.ts";
import { ProviderError } from "./provider_error.ts";

interface Recorded {
  task: string;
  variant?: string;
  sample?: number;
  model?: string;
  text: string;
  ttftMs?: number | null;
  totalMs?: number;
  tokensIn?: number | null;
  tokensOut?: number | null;
  tokensEstimated?: boolean;
  tokensPerSec?: number | null;
  error?: string | null;
}

/**
 * Create a replay provider from a run folder or a JSONL file.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { replayProvider } from "./replay.ts";
 * const file = await Deno.makeTempFile({ suffix: ".jsonl" });
 * await Deno.writeTextFile(file, JSON.stringify({ task: "t", sample: 0, text: "export const x = 1;" }) + "\n");
 * const p = replayProvider(file);
 * const g = await p.generate({ messages: [], sample: 0, task: "t" });
 * assert.equal(g.text, "export const x = 1;");
 * ```
 */
export function replayProvider(source: string): Provider {
  const hash = source.indexOf("#");
  const path = hash < 0 ? source : source.slice(0, hash);
  const model = hash < 0 ? undefined : source.slice(hash + 1);
  let isDir: boolean;
  try {
    isDir = Deno.statSync(path).isDirectory;
  } catch {
    throw new ProviderError(`Cannot replay "${path}": no such run folder or file`);
  }
  const file = isDir ? join(path, "generations.jsonl") : path;
  // A Reflexion log (HumanEval or mbpp-py records with `solution` and `is_solved`): its answers.
  const reflexion = isDir ? null : readReflexionAnswers(file);
  const records: Recorded[] = reflexion?.map(({ task, text }) => ({ task, text })) ?? [];
  const lines = reflexion ? [] : Deno.readTextFileSync(file).split("\n");
  const last = lines.findLastIndex((l) => l.trim() !== "");
  for (const [i, line] of lines.entries()) {
    if (line.trim() === "") continue;
    let r: Recorded;
    try {
      r = JSON.parse(line);
    } catch (error) {
      // Only the run store's own last line may be torn (a kill mid-write); a file a person wrote
      // must be whole: a skipped answer would silently shrink the run's denominator.
      if (i === last && isDir) continue;
      throw new ProviderError(
        `Cannot replay "${file}": line ${i + 1} is not JSON (${
          (error as Error).message
        }): fix or remove that line`,
      );
    }
    if (typeof r.task !== "string" || typeof r.text !== "string") {
      throw new ProviderError(
        `Cannot replay "${file}": line ${i + 1}: every record needs "task" and "text" strings`,
      );
    }
    records.push(r);
  }
  const models = [...new Set(records.map((r) => r.model).filter((m): m is string => !!m))];
  if (!model && models.length > 1) {
    throw new ProviderError(
      `Cannot replay "${path}": it holds ${models.length} models (${
        models.join(", ")
      }): use replay:${path}#<model>`,
    );
  }
  const chosen = model ? records.filter((r) => r.model === model) : records;
  if (chosen.length === 0) {
    throw new ProviderError(
      `Cannot replay "${source}": no recorded answers${model ? ` for ${model}` : ""}`,
    );
  }
  const exact = new Map<string, Recorded>();
  const loose = new Map<string, Recorded>();
  for (const r of chosen) {
    exact.set(JSON.stringify([r.task, r.variant ?? null, r.sample ?? 0]), r);
    if (!loose.has(JSON.stringify([r.task, r.sample ?? 0]))) {
      loose.set(JSON.stringify([r.task, r.sample ?? 0]), r);
    }
  }
  const label = model ?? models[0] ?? path;
  return {
    spec: `replay:${label}`,
    synthetic: label.startsWith("synthetic:"),
    params: { source: path, model: model ?? null },
    generate(request: GenerateRequest): Promise<Generation> {
      const r =
        exact.get(JSON.stringify([request.task, request.variant ?? null, request.sample])) ??
          loose.get(JSON.stringify([request.task, request.sample]));
      if (!r) {
        return Promise.resolve(
          failed(`no recorded answer for task "${request.task}" sample ${request.sample}`),
        );
      }
      return Promise.resolve({
        text: r.text,
        ttftMs: r.ttftMs ?? null,
        totalMs: r.totalMs ?? 0,
        tokensIn: r.tokensIn ?? null,
        tokensOut: r.tokensOut ?? null,
        tokensEstimated: r.tokensEstimated ?? r.tokensOut == null,
        tokensPerSec: r.tokensPerSec ?? null,
        retries: 0,
        retryMs: 0,
        error: r.error ?? null,
        mutations: [],
        gapP50Ms: null,
        gapMaxMs: null,
        reasoningTokens: null,
      });
    },
    close: () => Promise.resolve(),
  };
}

function failed(error: string): Generation {
  return {
    text: "",
    ttftMs: null,
    totalMs: 0,
    tokensIn: null,
    tokensOut: null,
    tokensEstimated: false,
    tokensPerSec: null,
    retries: 0,
    retryMs: 0,
    error,
    mutations: [],
    gapP50Ms: null,
    gapMaxMs: null,
    reasoningTokens: null,
  };
}
