/**
 * A line diff (Myers' O(ND) algorithm) and the unified-diff text it prints, as `diff -u` and
 * `git diff` write it. The synthetic model answers files tasks with it; `apply_diff.ts` reads it.
 *
 * @module
 */

/** One step of an edit script: keep, delete (from the old text) or insert (from the new). */
export interface LineEdit {
  /** `=` keep, `-` delete, `+` insert. */
  op: "=" | "-" | "+";
  /** The line, without its newline. */
  line: string;
}

/**
 * The shortest edit script turning lines `a` into lines `b` (Myers 1986), deletions before
 * insertions within a change.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { diffLines } from "./line_diff.ts";
 * const ops = diffLines(["a", "b", "c"], ["a", "x", "c"]).map((e) => e.op + e.line);
 * assert.deepEqual(ops, ["=a", "-b", "+x", "=c"]);
 * ```
 */
export function diffLines(a: readonly string[], b: readonly string[]): LineEdit[] {
  const n = a.length, m = b.length, max = n + m, off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1])
        ? v[off + k + 1]
        : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) x++, y++;
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  const out: LineEdit[] = [];
  let x = n, y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const t = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && t[off + k - 1] < t[off + k + 1]) ? k + 1 : k - 1;
    const prevX = t[off + prevK], prevY = prevX - prevK;
    while (x > prevX && y > prevY) out.push({ op: "=", line: a[--x] }), y--;
    if (x === prevX) out.push({ op: "+", line: b[--y] });
    else out.push({ op: "-", line: a[--x] });
  }
  while (x > 0 && y > 0) out.push({ op: "=", line: a[--x] }), y--;
  return out.reverse();
}

/** Options for {@link unifiedDiff}. */
export interface UnifiedDiffOptions {
  /** Unchanged lines shown around each change. @default 3 */
  context?: number;
  /** The old file's label; null writes `/dev/null` (a new file). @default "a/<path>" */
  oldLabel?: string | null;
}

const lines = (text: string) =>
  text === "" ? [] : (text.endsWith("\n") ? text.slice(0, -1) : text).split("\n");

/**
 * A unified diff from `before` to `after` for the file at `path` (`--- a/path`, `+++ b/path`,
 * `@@ -l,s +l,s @@` hunks); "" when nothing changed.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { unifiedDiff } from "./line_diff.ts";
 * const diff = unifiedDiff("a\nb\nc\n", "a\nB\nc\n", "src/x.ts");
 * assert.equal(diff, "--- a/src/x.ts\n+++ b/src/x.ts\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
 * ```
 */
export function unifiedDiff(
  before: string,
  after: string,
  path: string,
  options: UnifiedDiffOptions = {},
): string {
  const context = options.context ?? 3;
  const edits = diffLines(lines(before), lines(after));
  const changed = edits.flatMap((e, i) => (e.op === "=" ? [] : [i]));
  if (changed.length === 0) return "";
  // Group changes whose gap of kept lines is at most 2 × context into one hunk.
  const groups: [number, number][] = [];
  for (const i of changed) {
    const last = groups.at(-1);
    if (last && i - last[1] - 1 <= 2 * context) last[1] = i;
    else groups.push([i, i]);
  }
  // Old/new line numbers before each edit.
  const oldAt: number[] = [], newAt: number[] = [];
  let o = 0, nw = 0;
  for (const e of edits) {
    oldAt.push(o), newAt.push(nw);
    if (e.op !== "+") o++;
    if (e.op !== "-") nw++;
  }
  const oldLabel = options.oldLabel === undefined ? `a/${path}` : options.oldLabel ?? "/dev/null";
  const out = [`--- ${oldLabel}`, `+++ b/${path}`];
  for (const [first, last] of groups) {
    const from = Math.max(0, first - context), to = Math.min(edits.length - 1, last + context);
    const body = edits.slice(from, to + 1);
    const oldCount = body.filter((e) => e.op !== "+").length;
    const newCount = body.filter((e) => e.op !== "-").length;
    const oldStart = oldCount === 0 ? oldAt[from] : oldAt[from] + 1;
    const newStart = newCount === 0 ? newAt[from] : newAt[from] + 1;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const e of body) out.push(`${e.op === "=" ? " " : e.op}${e.line}`);
  }
  return `${out.join("\n")}\n`;
}
