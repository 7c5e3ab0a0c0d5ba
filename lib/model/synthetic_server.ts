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
import { syntheticAnswer } from "./synthetic_answer.ts";
import { faultPicker, type FaultPlan } from "./synthetic_faults.ts";
import {
  SYNTHETIC_PROFILES,
  type SyntheticProfile,
  syntheticProfile,
} from "./synthetic_profiles.ts";

/** Options for {@link startSyntheticServer}. */
export interface SyntheticServerOptions {
  /** Inject faults (reliability tests). @default none */
  faults?: FaultPlan;
  /** Observe each request before it is answered (tests). */
  onRequest?: (request: Request) => void;
}

/** A running synthetic server. */
export interface SyntheticServer {
  /** The base URL to give an OpenAI client, e.g. `http://127.0.0.1:41234/v1`. */
  baseURL: string;
  /** Stop the server. */
  close(): Promise<void>;
}

/** Split text into pseudo-tokens of ~4 characters (the synthetic model's token unit). */
function tokenize(text: string): string[] {
  return text.match(/[\s\S]{1,4}/g) ?? [];
}

const words = (text: string) => new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);

/**
 * The task a prompt asks about, and the entry-point name the prompt uses: the
 * task whose instruction words the last user message covers best (so
 * reordered, reworded or padded instructions still match), and the name in
 * the last signature shown (a renamed entry point is answered under its new name).
 */
function findTask(
  tasks: readonly Task[],
  messages: { role?: unknown; content?: unknown }[],
): { task: Task; entry: string } | undefined {
  const users = messages.filter((m) => m.role === "user" && typeof m.content === "string");
  const text = String(users.at(-1)?.content ?? "");
  const seen = words(text);
  let best: Task | undefined;
  let bestScore = 0.6; // below this share of the instruction words, it is not this task
  for (const t of tasks) {
    const ws = words(t.instructions);
    let hit = 0;
    for (const w of ws) if (seen.has(w)) hit++;
    const score = ws.size ? hit / ws.size : 0;
    if (score > bestScore) [best, bestScore] = [t, score];
  }
  if (!best) return undefined;
  // The signature shown is in a code fence; prose such as "what the function must do" is not.
  const fenced = [...text.matchAll(/```[^\n]*\n([\s\S]*?)```/g)].map((m) => m[1]).join("\n");
  const signatures = [...fenced.matchAll(/(?:function\*?|class|const|let)\s+([A-Za-z_$][\w$]*)/g)];
  // Names of the reference or of the context codebase shown in the prompt are not a renamed entry.
  const context = Object.values(best.contextFiles ?? {});
  const named = signatures.map((m) => m[1]).filter((n) =>
    n === best.entry || (!best.referenceSource?.includes(n) && !context.some((c) => c.includes(n)))
  );
  return { task: best, entry: named.at(-1) ?? best.entry };
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
 * import assert from "node:assert/strict";
 * import { startSyntheticServer } from "./synthetic_server.ts";
 * const server = startSyntheticServer([]);
 * assert(server.baseURL.startsWith("http://127.0.0.1:"));
 * await server.close();
 * ```
 */
export function startSyntheticServer(
  tasks: readonly Task[],
  options: SyntheticServerOptions = {},
): SyntheticServer {
  const nextFault = options.faults ? faultPicker(options.faults) : () => null;
  let active = 0; // streams in flight, for the capacity model
  const plan = options.faults;
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    options.onRequest?.(req);
    const url = new URL(req.url);
    if (req.method === "GET" && url.pathname === "/v1/models") {
      return Response.json({
        object: "list",
        data: Object.keys(SYNTHETIC_PROFILES).map((id) => ({ id, object: "model" })),
      });
    }
    if (req.method !== "POST" || url.pathname !== "/v1/chat/completions") {
      return errorResponse(404, `no route ${req.method} ${url.pathname}`);
    }
    let body: {
      model?: string;
      messages?: { role?: unknown; content?: unknown }[];
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
    const found = findTask(tasks, body.messages ?? []);
    if (!found) {
      return errorResponse(
        400,
        "the synthetic model only answers prompts that contain a known task's instructions",
      );
    }
    if (found.task.referenceSource === null) {
      return errorResponse(
        400,
        `task "${found.task.id}" has no reference solution: the synthetic model cannot answer it`,
      );
    }
    const fault = nextFault();
    if (fault === "rate_limit") {
      return Response.json({ error: { message: "synthetic rate limit", type: "rate_limit" } }, {
        status: 429,
        headers: { "retry-after": String(plan?.retryAfterSeconds ?? 0.05) },
      });
    }
    if (fault === "server_error") return errorResponse(500, "synthetic server error");
    if (fault === "reset") {
      return new Response(
        // Deno logs the aborted body once; the message says it is on purpose.
        new ReadableStream({
          start: (c) =>
            c.error(
              new Error(
                "synthetic fault injection: connection reset (expected in reliability tests)",
              ),
            ),
        }),
        {
          headers: { "content-type": "text/event-stream" },
        },
      );
    }
    const { task, entry } = found;
    const prompt = (body.messages ?? []).map((m) => String(m.content ?? "")).join("\n");
    const answer = syntheticAnswer(profile, task, body.seed ?? 0, {
      reasoning: prompt.includes(REASONING_REQUEST),
      perturbed: entry !== task.entry || !prompt.includes(task.instructions.trim())
        ? prompt
        : undefined,
    });
    if (entry !== task.entry) {
      answer.text = answer.text.replace(
        new RegExp(`\\b${task.entry.replace(/\$/g, "\\$")}\\b`, "g"),
        entry,
      );
    }
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
        // Capacity: past `capacity` concurrent streams, the first token waits and tokens slow down.
        active++;
        const load = Math.max(1, active / profile.capacity);
        const speed = profile.tokensPerSec / load;
        try {
          const slow = fault === "slow_first_token" ? plan?.slowFirstTokenMs ?? 1500 : 0;
          await delay(answer.ttftMs * load + slow, cancelled.signal);
          chunk({ role: "assistant", content: "" }, null);
          if (fault === "stall") await delay(24 * 3600_000, cancelled.signal); // until the client gives up
          if (fault === "malformed") {
            controller.enqueue(enc.encode('data: {"choices": [{"delta": \n\n'));
            controller.close();
            return;
          }
          const stopAt = fault === "truncate" ? Math.floor(tokens.length / 2) : tokens.length;
          const t0 = performance.now();
          let sent = 0;
          while (sent < stopAt) {
            // Send every token that is due by now; wait about 8 ms between chunks.
            const due = Math.max(
              sent + 1,
              Math.floor(((performance.now() - t0) / 1000) * speed) + 1,
            );
            chunk({ content: tokens.slice(sent, due).join("") }, null);
            sent = Math.min(due, stopAt);
            if (sent < stopAt) {
              await delay(
                Math.max(1, ((sent / speed) * 1000) - (performance.now() - t0)),
                cancelled.signal,
              );
            }
          }
          if (fault === "truncate") {
            controller.close();
            return;
          }
          chunk({}, "stop");
          if (includeUsage) send({ ...base, object: "chat.completion.chunk", choices: [], usage });
          controller.enqueue(enc.encode("data: [DONE]\n\n"));
          controller.close();
        } catch {
          try {
            controller.close();
          } catch { /* client went away */ }
        } finally {
          active--;
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
