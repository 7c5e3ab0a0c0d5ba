/**
 * The warm pool's statistics in plain words, for the line `eval` prints after a pooled run:
 * how many of the samples ran in warm hosts, how many in a fresh process and why, how many hosts
 * were replaced. Counts samples only (evaluate() leaves the reference timings out).
 *
 * @module
 */
import type { PoolStats } from "../sandbox/pool.ts";

/** Reasons that are a process-only global (`uses Deno`, `uses fetch`…), grouped into one phrase. */
const GLOBAL = /^uses (?!a dynamic import)(.+)$/;

/**
 * The plain words for one of the pool's reason codes (lib/sandbox/pool.ts, python_pool.ts): why
 * a sample ran in a fresh process rather than a warm host.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { strictReasonText } from "./pool_text.ts";
 * assert.equal(strictReasonText('imports "lodash"'), "imports a package");
 * assert.equal(strictReasonText("the job does"), "its modules do not link in a warm host");
 * assert.equal(strictReasonText("package code used"), "its declared package used what warm hosts do not provide");
 * assert.equal(strictReasonText("Python: declared packages"), "Python: imports a declared package");
 * ```
 */
export function strictReasonText(reason: string): string {
  const python = reason.startsWith("Python: ");
  const code = python ? reason.slice("Python: ".length) : reason;
  const words = phrase(code);
  return python ? `Python: ${words}` : words;
}

function phrase(code: string): string {
  if (/^imports "node:/.test(code)) return "imports a Node built-in module";
  if (code.startsWith("imports declared ")) {
    return "imports a declared package warm hosts do not load";
  }
  if (code.startsWith("package code used")) {
    return "its declared package used what warm hosts do not provide";
  }
  if (code.startsWith("imports ")) return "imports a package";
  if (code === "uses a dynamic import") return "uses a dynamic import or require()";
  if (GLOBAL.test(code)) return "uses a process-only global (Deno, fetch…)";
  if (code === "host died") return "its warm host died (memory or stack limit)";
  if (code === "host did not start") return "a warm host did not start";
  if (code === "output over the cap" || code.startsWith("output passed the")) {
    return "its output passed the cap";
  }
  if (code.startsWith("the job does")) return "its modules do not link in a warm host";
  if (code.startsWith("the job did")) return "it did not load in a warm host";
  if (code.startsWith("unsupported import")) return "imports a module warm hosts do not provide";
  if (/^a (timer|microtask)/.test(code) || code.startsWith("the event loop")) {
    return "its timers or microtasks need a process of their own";
  }
  if (/does not( parse| export)?$/.test(code) || / is not$/.test(code)) {
    return "its files did not load in a warm host";
  }
  if (code === "declared packages") return "imports a declared package";
  if (code === "a memory cap of its own") return "has a memory cap of its own";
  if (code === "CPython without bubblewrap") return "CPython runs only under bubblewrap";
  if (code.startsWith("host: ")) return "a warm host failed";
  return code;
}

/**
 * One line on where the samples ran, every count with its denominator; null when the pool ran
 * nothing.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { poolText } from "./pool_text.ts";
 * assert.equal(
 *   poolText({ pooled: 352, strict: { 'imports "x"': 5, 'imports "y"': 1, "uses Deno": 2 }, timeouts: 0, hostsStarted: 4, contaminated: 3 }),
 *   "sandbox: 352 of 360 samples ran in warm hosts; 8 ran in a fresh process (imports a package: 6; " +
 *     "uses a process-only global (Deno, fetch…): 2); 3 hosts were replaced after a sample left state behind",
 * );
 * assert.equal(poolText({ pooled: 0, strict: {}, timeouts: 0, hostsStarted: 0, contaminated: 0 }), null);
 * assert.match(poolText({ pooled: 8, strict: {}, timeouts: 0, hostsStarted: 1, contaminated: 0 }, 10)!, /; 2 more had no code to run$/);
 * assert.match(
 *   poolText({ pooled: 0, strict: { 'imports declared "p"': 2 }, timeouts: 0, hostsStarted: 0, contaminated: 0, packageGraphs: { p: "refused: p/i.js uses import.meta" } })!,
 *   /; warm hosts do not load p: p\/i\.js uses import\.meta$/,
 * );
 * ```
 *
 * @param stats What the pool did for the run's samples.
 * @param judged The samples this call judged (those with no code to run included), when known.
 */
export function poolText(stats: PoolStats, judged?: number): string | null {
  const reasons = new Map<string, number>();
  for (const [code, n] of Object.entries(stats.strict)) {
    const words = strictReasonText(code);
    reasons.set(words, (reasons.get(words) ?? 0) + n);
  }
  const fresh = [...reasons.values()].reduce((a, b) => a + b, 0);
  const total = stats.pooled + fresh;
  if (total === 0) return null;
  const parts = [
    `sandbox: ${stats.pooled} of ${total} sample${total === 1 ? "" : "s"} ran in warm hosts${
      stats.timeouts ? ` (${stats.timeouts} of them timed out there)` : ""
    }`,
  ];
  if (fresh > 0) {
    const why = [...reasons].sort((a, b) => b[1] - a[1]).map(([w, n]) => `${w}: ${n}`);
    parts.push(`${fresh} ran in a fresh process (${why.join("; ")})`);
  }
  if (stats.contaminated > 0) {
    parts.push(
      `${stats.contaminated} host${
        stats.contaminated === 1 ? " was" : "s were"
      } replaced after a sample left state behind${
        stats.recycled && Object.keys(stats.recycled).length
          ? ` (${Object.entries(stats.recycled).map(([w, n]) => `${w}: ${n}`).join("; ")})`
          : ""
      }`,
    );
  }
  // Why warm hosts did not load a package graph (its samples are among the fresh ones).
  for (const [packages, status] of Object.entries(stats.packageGraphs ?? {})) {
    if (status.startsWith("refused: ")) {
      parts.push(`warm hosts do not load ${packages}: ${status.slice("refused: ".length)}`);
    }
  }
  // Samples with nothing to run (no code extracted) never reach a sandbox: said, not hidden.
  if (judged !== undefined && judged > total) {
    parts.push(`${judged - total} more had no code to run`);
  }
  return parts.join("; ");
}
