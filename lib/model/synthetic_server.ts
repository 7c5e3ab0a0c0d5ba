/**
 * The synthetic model's loopback server: it speaks the OpenAI
 * chat-completions protocol (JSON and SSE streaming with usage), so the
 * offline path exercises exactly the client code real models use. The model
 * name is a profile; the answer is the reference of the task the prompt
 * describes, mutated deterministically from the request's seed.
 *
 * @module
 */
import { REASONING_REQUEST } from "../prompt/templates.ts";
import type { Task } from "../task/schema.ts";
import { hash32 } from "../task/hash.ts";
import { applicableMutations, mutate, type MutationName } from "./mutate.ts";
import { type SyntheticProfile, syntheticProfile } from "./synthetic_profiles.ts";

/** A running synthetic server. */
export interface SyntheticServer {
  /** The base URL to give an OpenAI client, e.g. `http://127.0.0.1:41234/v1`. */
  baseURL: string;
  /** Stop the server. */
  close(): Promise<void>;
}

/** A synthetic answer before streaming. */
export interface SyntheticAnswer {
  /** The completion text. */
  text: string;
  /** Mutations applied (empty for the reference). */
  mutations: string[];
  /** Time to first token, ms. */
  ttftMs: number;
}

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickWeighted(
  random: () => number,
  weights: [MutationName, number][],
): MutationName | null {
  const total = weights.reduce((n, [, w]) => n + w, 0);
  if (total <= 0) return null;
  let x = random() * total;
  for (const [name, w] of weights) {
    x -= w;
    if (x < 0) return name;
  }
  return weights[weights.length - 1][0];
}

/**
 * The answer the synthetic model gives for a task, deterministic in
 * (profile, task, seed).
 *
 * @example
 * ```ts
 * import { syntheticAnswer } from "./synthetic_server.ts";
 * import { SYNTHETIC_PROFILES } from "./synthetic_profiles.ts";
 * const task = { id: "t", entry: "f", referenceSource: "export function f() { return 1; }\n" } as any;
 * const a = syntheticAnswer(SYNTHETIC_PROFILES.reference, task, 7);
 * console.assert(a.text.includes("return 1") && a.mutations.length === 0);
 * ```
 */
export function syntheticAnswer(
  profile: SyntheticProfile,
  task: Pick<Task, "id" | "entry" | "referenceSource">,
  seed: number,
  options: { reasoning?: boolean } = {},
): SyntheticAnswer {
  const random = rng(hash32(`${task.id}|${seed}|${JSON.stringify(profile)}`));
  const ttftMs = profile.ttftMs[0] + random() * (profile.ttftMs[1] - profile.ttftMs[0]);
  let source = task.referenceSource.trim() + "\n";
  const mutations: string[] = [];
  // Asked to reason first, the synthetic model errs half as often and writes more (slower).
  const rate = options.reasoning
    ? profile.mutationRate * REASONING_MUTATION_FACTOR
    : profile.mutationRate;
  if (random() < rate) {
    const possible = applicableMutations(source, task.entry);
    const weights = possible.map((m) => [m, profile.weights[m] ?? 0] as [MutationName, number]);
    const name = pickWeighted(random, weights);
    const mutant = name ? mutate(source, task.entry, name, Math.floor(random() * 2 ** 31)) : null;
    if (mutant) {
      if (mutant.name === "refusal") return { text: mutant.source, mutations: ["refusal"], ttftMs };
      source = mutant.source;
      mutations.push(mutant.name);
    }
  }
  if (random() < profile.dropExportRate) {
    const dropped = source.replace(
      new RegExp(`export\\s+((?:async\\s+)?(?:function|class|const)\\s+${task.entry}\\b)`),
      "$1",
    );
    if (dropped !== source) {
      source = dropped;
      mutations.push("dropped_export");
    }
  }
  const raw = random() < profile.rawRate && !options.reasoning;
  const fenced = `\`\`\`ts\n${source.trimEnd()}\n\`\`\`\n`;
  const text = raw
    ? source
    : options.reasoning
    ? `${reasoningProse(task.entry, random)}\n\n${fenced}`
    : `Here is an implementation:\n\n${fenced}`;
  return { text, mutations, ttftMs };
}

/** How much less often the synthetic model mutates when asked to reason first. */
export const REASONING_MUTATION_FACTOR = 0.5;

const REASONING_LINES = [
  "restate the requirement in my own words and check the signature",
  "consider the empty input and what it must return",
  "check the boundaries: the first and last element, equal values, negative numbers",
  "decide what invalid input must do and where to validate it",
  "think about ordering and ties, and keep the order stable where it is specified",
  "walk through the examples by hand to confirm the expected outputs",
  "consider very large inputs and avoid quadratic work",
  "check unicode strings: iterate code points, not code units",
];

/** A deterministic paragraph of synthetic "reasoning" (more tokens, so more latency). */
function reasoningProse(entry: string, random: () => number): string {
  const n = 4 + Math.floor(random() * 4);
  const steps = Array.from(
    { length: n },
    (_, i) => `${i + 1}. I ${REASONING_LINES[Math.floor(random() * REASONING_LINES.length)]}.`,
  );
  return `Let me think step by step about \`${entry}\` before writing it.\n\n${steps.join("\n")}`;
}

/** Split text into pseudo-tokens of ~4 characters (the synthetic model's token unit). */
function tokenize(text: string): string[] {
  return text.match(/[\s\S]{1,4}/g) ?? [];
}

function findTask(tasks: readonly Task[], messages: { content?: unknown }[]): Task | undefined {
  const text = messages.map((m) => (typeof m.content === "string" ? m.content : "")).join("\n");
  return tasks.find((t) => text.includes(t.instructions.trim()));
}

function errorResponse(status: number, message: string): Response {
  return Response.json({
    error: { message, type: "invalid_request_error", code: null, param: null },
  }, { status });
}

/**
 * Start the synthetic server on a free loopback port.
 *
 * @example
 * ```ts
 * import { startSyntheticServer } from "./synthetic_server.ts";
 * const server = startSyntheticServer([]);
 * console.assert(server.baseURL.startsWith("http://127.0.0.1:"));
 * await server.close();
 * ```
 */
export function startSyntheticServer(tasks: readonly Task[]): SyntheticServer {
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    const url = new URL(req.url);
    if (req.method === "GET" && url.pathname === "/v1/models") {
      return Response.json({
        object: "list",
        data: ["reference", "default", "sloppy"].map((id) => ({ id, object: "model" })),
      });
    }
    if (req.method !== "POST" || url.pathname !== "/v1/chat/completions") {
      return errorResponse(404, `no route ${req.method} ${url.pathname}`);
    }
    let body: {
      model?: string;
      messages?: { content?: unknown }[];
      stream?: boolean;
      seed?: number;
      stream_options?: { include_usage?: boolean };
    };
    try {
      body = await req.json();
    } catch {
      return errorResponse(400, "the body is not JSON");
    }
    let profile: SyntheticProfile;
    try {
      profile = syntheticProfile(String(body.model));
    } catch (error) {
      return errorResponse(404, (error as Error).message);
    }
    const task = findTask(tasks, body.messages ?? []);
    if (!task) {
      return errorResponse(
        400,
        "the synthetic model only answers prompts that contain a known task's instructions",
      );
    }
    const prompt = (body.messages ?? []).map((m) => String(m.content ?? "")).join("\n");
    const answer = syntheticAnswer(profile, task, body.seed ?? 0, {
      reasoning: prompt.includes(REASONING_REQUEST),
    });
    const promptTokens = tokenize(
      (body.messages ?? []).map((m) => String(m.content ?? "")).join("\n"),
    ).length;
    const tokens = tokenize(answer.text);
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: tokens.length,
      total_tokens: promptTokens + tokens.length,
    };
    const headers = { "x-assay-mutations": answer.mutations.join(","), "x-assay-synthetic": "1" };
    const id = `chatcmpl-synthetic-${hash32(answer.text + (body.seed ?? 0))}`;
    const created = Math.floor(Date.now() / 1000);
    const base = { id, created, model: String(body.model), system_fingerprint: "assay-synthetic" };
    if (!body.stream) {
      await delay(answer.ttftMs + (tokens.length / profile.tokensPerSec) * 1000);
      return Response.json({
        ...base,
        object: "chat.completion",
        choices: [{
          index: 0,
          message: { role: "assistant", content: answer.text },
          finish_reason: "stop",
          logprobs: null,
        }],
        usage,
      }, { headers });
    }
    const includeUsage = body.stream_options?.include_usage === true;
    const cancelled = new AbortController(); // the client went away mid-stream
    const stream = new ReadableStream<Uint8Array>({
      cancel() {
        cancelled.abort();
      },
      async start(controller) {
        const enc = new TextEncoder();
        const send = (obj: unknown) =>
          controller.enqueue(enc.encode(`data: ${JSON.stringify(obj)}\n\n`));
        const chunk = (delta: Record<string, unknown>, finish: string | null) =>
          send({
            ...base,
            object: "chat.completion.chunk",
            choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
          });
        try {
          await delay(answer.ttftMs, cancelled.signal);
          chunk({ role: "assistant", content: "" }, null);
          const t0 = performance.now();
          let sent = 0;
          while (sent < tokens.length) {
            // Send every token that is due by now; wait about 8 ms between chunks.
            const due = Math.max(
              sent + 1,
              Math.floor(((performance.now() - t0) / 1000) * profile.tokensPerSec) + 1,
            );
            chunk({ content: tokens.slice(sent, due).join("") }, null);
            sent = Math.min(due, tokens.length);
            if (sent < tokens.length) {
              await delay(
                Math.max(1, ((sent / profile.tokensPerSec) * 1000) - (performance.now() - t0)),
                cancelled.signal,
              );
            }
          }
          chunk({}, "stop");
          if (includeUsage) send({ ...base, object: "chat.completion.chunk", choices: [], usage });
          controller.enqueue(enc.encode("data: [DONE]\n\n"));
          controller.close();
        } catch {
          try {
            controller.close();
          } catch { /* client went away */ }
        }
      },
    });
    return new Response(stream, {
      headers: { ...headers, "content-type": "text/event-stream", "cache-control": "no-cache" },
    });
  });
  const addr = server.addr as Deno.NetAddr;
  return {
    baseURL: `http://127.0.0.1:${addr.port}/v1`,
    async close() {
      await server.shutdown();
    },
  };
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error("aborted"));
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(t);
      reject(new Error("aborted"));
    }, { once: true });
  });
}
