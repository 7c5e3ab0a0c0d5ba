/**
 * Which samples the warm pool runs itself: a vm context has none of a Deno
 * process's globals and can load only node:assert, node:util and the job's own
 * files, so a sample that names anything else goes to the strict runner
 * (lib/sandbox/pool.ts).
 *
 * @module
 */
import { stripTypeScriptTypes } from "node:module";
import { type Token, tokenize } from "../source/tokenize.ts";
import type { SandboxJob } from "./sandbox.ts";

/** Globals a vm context does not have: naming one sends the sample to the strict runner. */
const PROCESS_GLOBALS = [
  "Deno",
  "fetch",
  "URL",
  "URLSearchParams",
  "TextEncoder",
  "TextDecoder",
  "structuredClone",
  "crypto",
  "atob",
  "btoa",
  "performance",
  "process",
  "require",
  "Buffer",
  "Worker",
  "WebSocket",
  "WebAssembly",
  "SharedArrayBuffer",
  "Atomics",
  "Blob",
  "File",
  "FormData",
  "Response",
  "Request",
  "Headers",
  "AbortController",
  "AbortSignal",
  "EventTarget",
  "Event",
  "CustomEvent",
  "MessageChannel",
  "BroadcastChannel",
  "navigator",
  "location",
  "addEventListener",
  "removeEventListener",
  "dispatchEvent",
  "reportError",
  "setImmediate",
  "ReadableStream",
  "WritableStream",
  "TransformStream",
  "DOMException",
  "caches",
  "localStorage",
  "sessionStorage",
  "close",
  "alert",
  "confirm",
  "prompt",
  "window",
  "self",
  "global",
  "__dirname",
  "__filename",
];
const PROCESS_GLOBAL_NAMES = new Set(PROCESS_GLOBALS);
const PROCESS_GLOBAL = new RegExp(`(?<![\\w$.])(?:${PROCESS_GLOBALS.join("|")})(?![\\w$])`);
const IMPORT_SPECIFIER = /(?:\bfrom\s*|\bimport\s*)(["'])([^"']*)\1/g;
const POOL_MODULES = new Set(["node:assert", "node:assert/strict", "node:util"]);

/**
 * Why a job must run in the strict runner rather than the pool, or null when
 * the pool can run it exactly as the strict runner would.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { strictReason } from "./pool_route.ts";
 * const job = (code: string) => ({ code, testsSource: 'import assert from "node:assert";', cases: [], entry: "f" });
 * assert(strictReason(job("export const f = (x: number) => x + 1;")) === null);
 * assert(strictReason(job("export const f = () => Deno.pid;"))?.includes("Deno"));
 * assert(strictReason(job('import fs from "node:fs"; export const f = 1;'))?.includes("node:fs"));
 * ```
 */
export function strictReason(job: SandboxJob): string | null {
  const sources = [job.code, job.testsSource, ...Object.values(job.files ?? {})];
  for (const text of sources) {
    // A task's tests are the same text for each of its samples: their reason is read once.
    let reason = text === job.testsSource ? TESTS_REASONS.get(text) : undefined;
    if (reason === undefined) {
      reason = sourceReason(text);
      if (text === job.testsSource) {
        if (TESTS_REASONS.size >= TESTS_REASONS_MAX) TESTS_REASONS.clear();
        TESTS_REASONS.set(text, reason);
      }
    }
    if (reason !== null) return reason;
  }
  return null;
}

/** The reasons of recent tests sources (a pure function of the text: a cache cannot change one). */
const TESTS_REASONS = new Map<string, string | null>();
const TESTS_REASONS_MAX = 1024;

/** Why one source needs the strict runner, or null. */
function sourceReason(text: string): string | null {
  // Imports are read from the text as written (stripping types drops unused ones); globals
  // after stripping, since type annotations name none (`{ fetch: number }`). A source that
  // does not parse is scanned as it is (the pool will not load it anyway).
  for (const m of text.matchAll(IMPORT_SPECIFIER)) {
    const specifier = m[2];
    if (POOL_MODULES.has(specifier)) continue;
    if (/^\.\.?\//.test(specifier) && /\.(ts|js|mjs|mts)$/.test(specifier)) continue;
    return `imports "${specifier}"`;
  }
  if (/\bimport\s*\(|\bimport\.meta\b|\brequire\s*\(/.test(text)) return "uses a dynamic import";
  let source = text;
  try {
    source = stripTypeScriptTypes(text, { mode: "transform" });
  } catch { /* scanned as is */ }
  const global = processGlobal(source);
  if (global) return `uses ${global}`;
  return null;
}

/**
 * The first process-only global the code names: as an identifier (not a property `o.fetch`,
 * but `globalThis.fetch` counts), inside a template literal, or as a string equal to the name
 * (`globalThis["Deno"]`). Comments do not count.
 */
function processGlobal(source: string): string | null {
  let tokens: Token[];
  try {
    tokens = tokenize(source);
  } catch {
    return PROCESS_GLOBAL.exec(source)?.[0] ?? null;
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === "template") {
      const found = PROCESS_GLOBAL.exec(t.text);
      if (found) return found[0];
    } else if (t.kind === "string") {
      const inner = t.text.slice(1, -1);
      if (PROCESS_GLOBAL_NAMES.has(inner)) return inner;
    } else if (t.kind === "word" && PROCESS_GLOBAL_NAMES.has(t.text)) {
      const before = tokens[i - 1];
      const member = before?.kind === "punct" && (before.text === "." || before.text === "?.");
      if (!member || ["globalThis", "this"].includes(tokens[i - 2]?.text ?? "")) return t.text;
    }
  }
  return null;
}
