/**
 * One model answer and how long it took (`generations.jsonl`), and one distinct prompt
 * (`prompts.jsonl`).
 *
 * @module
 */
import { z } from "zod";
import { SampleKey } from "./sample_key.ts";

/** One model answer and how long it took. */
export const GenerationRecord = SampleKey.extend({
  /** True when the answer came from the offline synthetic model (not a real LLM). */
  synthetic: z.boolean().describe("true when the answer came from the offline synthetic model"),
  /** ISO time the request was sent. */
  startedAt: z.string().describe("ISO time the request was sent"),
  /** The raw completion text. */
  text: z.string().describe("the raw completion text"),
  /** The code extracted from the completion; null when none could be found. */
  code: z.string().nullable().describe("the code extracted from the completion, null when none"),
  /** Time to first content token, ms; null when nothing streamed. */
  ttftMs: z.number().nullable().describe("time to first content token, ms"),
  /** Time from request to the end of the stream, ms. */
  totalMs: z.number().describe("time from request to end of stream, ms"),
  /** Prompt tokens (from usage). */
  tokensIn: z.number().nullable().describe("prompt tokens, from usage"),
  /** Completion tokens (from usage, or estimated when `tokensEstimated`). */
  tokensOut: z.number().nullable().describe("completion tokens"),
  /** True when token counts are an estimate (the server reported no usage). */
  tokensEstimated: z.boolean().describe("true when token counts are estimated"),
  /** Completion tokens per second over the streaming phase (after the first token). */
  tokensPerSec: z.number().nullable().describe(
    "completion tokens per second after the first token",
  ),
  /** Time the sample waited for a free request slot before it was sent, ms. */
  queueMs: z.number().default(0).describe("time waiting for a request slot before sending, ms"),
  /** Time spent on failed attempts and backoff before the attempt that answered, ms (not in totalMs). */
  retryMs: z.number().default(0).describe(
    "time on failed attempts and backoff before the answering attempt, ms",
  ),
  /** Number of retried requests before this answer. */
  retries: z.number().int().nonnegative().describe("retried requests before this answer"),
  /** True when served from the cache (latency then excluded from statistics). */
  cached: z.boolean().describe("true when served from the cache"),
  /** A generation error (the request finally failed); null on success. */
  error: z.string().nullable().describe("a generation error, null on success"),
  /** What the synthetic model did to the reference (mutation names), else []. */
  mutations: z.array(z.string()).default([]).describe(
    "synthetic only: mutations applied to the reference",
  ),
  /** Median gap between streamed content chunks, ms; null with fewer than two chunks. */
  gapP50Ms: z.number().nullable().default(null).describe(
    "median gap between streamed content chunks, ms",
  ),
  /** Longest gap between streamed content chunks, ms: stalls show here. */
  gapMaxMs: z.number().nullable().default(null).describe(
    "longest gap between streamed content chunks, ms",
  ),
  /** Reasoning tokens, when the server reports them. */
  reasoningTokens: z.number().nullable().default(null).describe("reasoning tokens, when reported"),
  /** SHA-256 of the messages sent (their record is in `prompts.jsonl`); absent before format 2. */
  promptHash: z.string().nullable().optional().describe(
    "hash of the messages sent, a key into prompts.jsonl; absent before format 2",
  ),
  /** Where the request went (the server's base URL, never a key); null for offline providers. */
  endpoint: z.string().nullable().optional().describe(
    "the server's base URL (never a key); null for offline providers",
  ),
});
/** One model answer and how long it took. */
export type GenerationRecord = z.infer<typeof GenerationRecord>;

/** One line of `prompts.jsonl`: the messages of one distinct prompt, stored once. */
export const PromptRecord = z.object({
  /** SHA-256 of the messages' JSON (what generation records point at). */
  hash: z.string().describe("SHA-256 of the messages' JSON"),
  /** The chat messages as sent. */
  messages: z.array(z.object({ role: z.string(), content: z.string() }))
    .describe("the chat messages as sent"),
});
/** One line of `prompts.jsonl`. */
export type PromptRecord = z.infer<typeof PromptRecord>;
