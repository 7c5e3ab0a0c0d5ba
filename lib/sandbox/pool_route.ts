/**
 * Which samples the warm pool runs itself: a vm context has none of a Deno
 * process's globals and can load only node:assert, node:util and the job's own
 * files, so a sample that names anything else goes to the strict runner
 * (lib/sandbox/pool.ts); but for a declared package of the job's store, which the pool loads
 * itself when type stripping removes its import or its graph allows (pool_packages.ts).
 *
 * @module
 */
import { stripTypeScriptTypes } from "node:module";
import { type Token, tokenize } from "../source/tokenize.ts";
import { packageResolves } from "./pool_packages.ts";
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
/**
 * Any mention of a process-only global's name (a property, a comment, a string too), or an
 * escape (stripping decodes `\u0044eno` to `Deno`): a source without one names none once
 * stripped, and is neither stripped nor tokenized to find out.
 */
const MAY_NAME_GLOBAL = new RegExp(`(?<![\\w$])(?:${PROCESS_GLOBALS.join("|")})(?![\\w$])|\\\\u`);
const IMPORT_SPECIFIER = /(?:\bfrom\s*|\bimport\s*)(["'])([^"']*)\1/g;
const POOL_MODULES = new Set(["node:assert", "node:assert/strict", "node:util"]);

/** Where a job runs: why the strict runner must judge it, else the declared packages it loads. */
export interface PoolRoute {
  /** Why it needs the strict runner, or null when the pool can run it as the strict runner would. */
  reason: string | null;
  /**
   * The declared packages its code still imports once types are stripped, in order (empty when
   * `reason` is set): the pool loads them in the job's context when their graph allows
   * (pool_packages.ts), else hands the job to the strict runner.
   */
  kept: string[];
}

/**
 * Where a job runs ({@link PoolRoute}): each of its sources read once (a task's tests once for
 * all its samples).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { poolRoute } from "./pool_route.ts";
 * const job = (code: string) => ({ code, testsSource: "export const cases = {};", cases: [], entry: "f", dependencies: { nodeModules: "/nowhere" } });
 * assert.deepEqual(poolRoute(job("export const f = () => Deno.pid;")), { reason: "uses Deno", kept: [] });
 * assert.equal(poolRoute(job('import { Heap } from "heap-js"; export const f = () => new Heap();')).reason, 'imports "heap-js"');
 * ```
 */
export function poolRoute(job: SandboxJob): PoolRoute {
  const sources = [job.code, job.testsSource, ...Object.values(job.files ?? {})];
  const store = job.dependencies?.nodeModules;
  const kept: string[] = [];
  for (const text of sources) {
    // A task's tests are the same text for each of its samples: they are read once.
    let read = text === job.testsSource ? TESTS_READ.get(text) : undefined;
    if (read === undefined) {
      read = readSource(text);
      if (text === job.testsSource) {
        if (TESTS_READ.size >= TESTS_READ_MAX) TESTS_READ.clear();
        TESTS_READ.set(text, read);
      }
    }
    // A package the job cannot import first (as it was named before any other reason).
    const reason = missingPackage(read, store) ?? read.reason;
    if (reason !== null) return { reason, kept: [] };
    for (const p of read.packages) if (read.kept.has(p) && !kept.includes(p)) kept.push(p);
  }
  return { reason: null, kept };
}

/**
 * Why a job must run in the strict runner rather than the pool, or null when
 * the pool can run it exactly as the strict runner would ({@link poolRoute}'s reason). A job
 * with declared dependencies may import packages of its store (pool_packages.ts).
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
  return poolRoute(job).reason;
}

/** What routing needs of one source (a pure function of its text: a cache cannot change it). */
interface SourceRead {
  /** Why it needs the strict runner whatever the job's dependencies, or null. */
  reason: string | null;
  /** The bare package specifiers it imports, as written, in order. */
  packages: string[];
  /** Those still imported once its types are stripped (their bindings are used). */
  kept: Set<string>;
}

/** The reading of recent tests sources. */
const TESTS_READ = new Map<string, SourceRead>();
const TESTS_READ_MAX = 1024;

/** The first package import that does not resolve in the job's store (or it has none). */
function missingPackage(read: SourceRead, store: string | undefined): string | null {
  const missing = read.packages.find((p) => store === undefined || !packageResolves(store, p));
  return missing === undefined ? null : `imports "${missing}"`;
}

/** Read one source: what sends it to the strict runner, its package imports. */
function readSource(text: string): SourceRead {
  // Imports are read from the text as written (stripping types drops unused ones); globals
  // after stripping, since type annotations name none (`{ fetch: number }`). A source that
  // does not parse is scanned as it is (the pool will not load it anyway).
  const packages: string[] = [];
  for (const m of text.matchAll(IMPORT_SPECIFIER)) {
    const specifier = m[2];
    if (POOL_MODULES.has(specifier)) continue;
    if (/^\.\.?\//.test(specifier) && /\.(ts|js|mjs|mts)$/.test(specifier)) continue;
    // Not a package (a built-in, a URL, a path): as before, the strict runner.
    if (/^(\.|\/|[a-z][\w+.-]*:)/i.test(specifier) || specifier === "") {
      return { reason: `imports "${specifier}"`, packages, kept: new Set() };
    }
    packages.push(specifier);
  }
  const none = (reason: string | null): SourceRead => ({ reason, packages, kept: new Set() });
  if (/\bimport\s*\(|\bimport\.meta\b|\brequire\s*\(/.test(text)) {
    return none("uses a dynamic import");
  }
  if (packages.length === 0 && !MAY_NAME_GLOBAL.test(text)) return none(null);
  let source = text;
  try {
    source = stripTypeScriptTypes(text, { mode: "transform" });
  } catch { /* scanned as is */ }
  const global = processGlobal(source);
  if (global) return none(`uses ${global}`);
  // The packages still imported after stripping (all of them when it did not parse).
  const kept = new Set<string>();
  if (packages.length > 0) {
    for (const m of source.matchAll(IMPORT_SPECIFIER)) kept.add(m[2]);
  }
  return { reason: null, packages, kept };
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
