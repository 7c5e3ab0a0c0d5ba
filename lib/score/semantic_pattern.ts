/**
 * Which wrong-answer category the failing cases point to: `boundary` when only edge cases fail,
 * `misunderstanding` when more than half of the core cases fail, `partial` when at most half do.
 *
 * @module
 */
import type { CaseVerdict } from "../record/case_verdict.ts";

type Verdict = Pick<CaseVerdict, "name" | "kind" | "status" | "message">;

/**
 * Read the cases that failed by behaviour (an assertion or a deliberate throw, not a crash)
 * against all the sample's cases; null when none failed that way.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { semanticPattern } from "./semantic_pattern.ts";
 * const v = (name: string, kind: "core" | "edge", status: "pass" | "fail") => ({ name, kind, status, message: "" });
 * const cases = [v("a", "core", "fail"), v("b", "core", "pass"), v("c", "core", "pass"), v("e", "edge", "fail")];
 * const failed = cases.filter((c) => c.status === "fail");
 * assert.deepEqual(semanticPattern(cases, failed), {
 *   category: "partial",
 *   text: '1 of 3 core case(s) fail without crashing: "a"; edge: "e"',
 * });
 * assert.equal(semanticPattern(cases, failed.slice(1))?.category, "boundary");
 * ```
 */
export function semanticPattern(
  cases: readonly Verdict[],
  behaviour: readonly Verdict[],
): { category: "boundary" | "misunderstanding" | "partial"; text: string } | null {
  if (behaviour.length === 0) return null;
  const core = cases.filter((c) => c.kind === "core").length;
  const coreFailed = behaviour.filter((c) => c.kind === "core");
  const edgeFailed = behaviour.filter((c) => c.kind === "edge");
  if (coreFailed.length === 0) {
    return {
      category: "boundary",
      text: `no core case fails by assertion, ${edgeFailed.length} edge case(s) do: ${
        quoteNames(edgeFailed.map((c) => c.name))
      }`,
    };
  }
  const edgeText = edgeFailed.length > 0
    ? `; edge: ${quoteNames(edgeFailed.map((c) => c.name))}`
    : "";
  const share = coreFailed.length / Math.max(core, 1);
  const text = `${coreFailed.length} of ${core} core case(s) fail without crashing: ${
    quoteNames(coreFailed.map((c) => c.name))
  }${edgeText}`;
  return { category: share > 0.5 ? "misunderstanding" : "partial", text };
}

/**
 * Quote up to six names, then say how many more.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { quoteNames } from "./semantic_pattern.ts";
 * assert.equal(quoteNames(["a", "b"]), '"a", "b"');
 * assert.equal(quoteNames(["1", "2", "3", "4", "5", "6", "7"]), '"1", "2", "3", "4", "5", "6" and 1 more');
 * ```
 */
export function quoteNames(names: readonly string[]): string {
  const shown = names.slice(0, 6).map((n) => `"${n}"`).join(", ");
  return names.length > 6 ? `${shown} and ${names.length - 6} more` : shown;
}
