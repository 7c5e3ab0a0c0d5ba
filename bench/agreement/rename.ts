/**
 * Candidates for a benchmark without solutions, built from real programs of another: a
 * function renamed to the benchmark's entry name, matched by the problem's number
 * (MultiPL-E `HumanEval_0_has_close_elements` ← HumanEval-X `JavaScript/0`,
 * `mbpp_3_is_not_prime` ← MBXP `MBJSP/3`). Pure.
 *
 * @module
 */
import { tokenize } from "../../lib/source/tokenize.ts";

/**
 * `code` with every use of the identifier `from` renamed `to` (declaration, calls, recursion);
 * strings, comments and property names (`x.from`) are left alone.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { renameIdentifier } from "./rename.ts";
 * assert.equal(
 *   renameIdentifier("const isPrime = (n) => n < 2 ? false : isPrime.x || 'isPrime'; // isPrime", "isPrime", "is_prime"),
 *   "const is_prime = (n) => n < 2 ? false : is_prime.x || 'isPrime'; // isPrime",
 * );
 * ```
 */
export function renameIdentifier(code: string, from: string, to: string): string {
  if (from === to) return code;
  const tokens = tokenize(code);
  let out = "";
  let at = 0;
  for (const [k, t] of tokens.entries()) {
    if (t.kind !== "word" || t.text !== from || tokens[k - 1]?.text === ".") continue;
    out += code.slice(at, t.start) + to;
    at = t.end;
  }
  return out + code.slice(at);
}

/**
 * The problem number in a benchmark id (`JavaScript/12`, `MBJSP/3`, `HumanEval_12_foo`,
 * `mbpp_3_is_not_prime`), or null.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { problemNumber } from "./rename.ts";
 * assert.equal(problemNumber("HumanEval_12_longest"), 12);
 * assert.equal(problemNumber("MBJSP/3"), 3);
 * assert.equal(problemNumber("nothing"), null);
 * ```
 */
export function problemNumber(id: string): number | null {
  const m = id.match(/(?:\/|_)(\d+)(?:_|$)/);
  return m ? Number(m[1]) : null;
}

/** A program that solves problem `number`, with the name its function has. */
export interface SourceProgram {
  /** Its id in its own benchmark. */
  id: string;
  /** The problem number. */
  number: number;
  /** The whole program (the function and any helpers). */
  code: string;
  /** The function's name there. */
  entry: string;
}

/** A MultiPL-E problem: its name (`HumanEval_0_has_close_elements`) and entry point. */
export interface TargetProblem {
  /** MultiPL-E's name. */
  name: string;
  /** The function the tests call. */
  entry: string;
}

/**
 * One candidate per target problem that a source program solves (same number), the source's
 * function renamed to the target's entry.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { renamedCandidates } from "./rename.ts";
 * const out = renamedCandidates(
 *   [{ id: "MBJSP/3", number: 3, code: "function isNotPrime(n) { return n > 1; }", entry: "isNotPrime" }],
 *   [{ name: "mbpp_3_is_not_prime", entry: "is_not_prime" }, { name: "mbpp_4_x", entry: "x" }],
 * );
 * assert.deepEqual(out, [{ name: "mbpp_3_is_not_prime", from: "MBJSP/3", code: "function is_not_prime(n) { return n > 1; }" }]);
 * ```
 */
export function renamedCandidates(
  sources: readonly SourceProgram[],
  targets: readonly TargetProblem[],
): { name: string; from: string; code: string }[] {
  const byNumber = new Map(sources.map((s) => [s.number, s]));
  return targets.flatMap((t) => {
    const n = problemNumber(t.name);
    const source = n === null ? undefined : byNumber.get(n);
    return source
      ? [{
        name: t.name,
        from: source.id,
        code: renameIdentifier(source.code, source.entry, t.entry),
      }]
      : [];
  });
}
