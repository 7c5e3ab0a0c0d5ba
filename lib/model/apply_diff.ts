/**
 * Reading and applying unified diffs the way `patch` does, tolerant of how models write them:
 * hunk line counts are not trusted (the hunk ends at the next header), a hunk that is not at its
 * stated line is searched for nearby and then anywhere in the file (offset), lines may differ in
 * trailing whitespace, and up to `fuzz` leading/trailing context lines may be dropped. A hunk that
 * still does not match fails with a reason naming the file, the hunk and the line it looked for.
 *
 * @module
 */

/** One line of a hunk: ` ` context, `-` removed, `+` added. */
export interface HunkLine {
  /** The kind of line. */
  op: " " | "-" | "+";
  /** The text, without the marker and newline. */
  text: string;
}

/** One hunk of a file patch. */
export interface Hunk {
  /** The `@@ … @@` header as written. */
  header: string;
  /** The old file's 1-based start line, null when the header has none (`@@ @@`). */
  oldStart: number | null;
  /** The hunk's lines. */
  lines: HunkLine[];
}

/** The changes to one file. */
export interface FilePatch {
  /** The `---` path (prefix `a/` removed), null for `/dev/null` (a new file). */
  oldPath: string | null;
  /** The `+++` path (prefix `b/` removed), null for `/dev/null` (a deleted file). */
  newPath: string | null;
  /** Its hunks, in order. */
  hunks: Hunk[];
}

const HUNK = /^@@+ *(?:-(\d+)(?:,\d+)?)? *(?:\+\d+(?:,\d+)?)? *@@+/;

function diffPath(raw: string, prefix: "a/" | "b/"): string | null {
  let p = raw.replace(/\t.*$/, "").trim(); // drop a timestamp after a tab
  if (/^["'`].*["'`]$/.test(p)) p = p.slice(1, -1);
  if (p === "/dev/null") return null;
  if (p.startsWith(prefix)) p = p.slice(2);
  return p.replace(/^\.\//, "");
}

/**
 * Parse every file patch in a unified diff (`---`/`+++` headers, `@@` hunks; `diff --git` and
 * `index` lines are skipped). Returns [] when the text holds none.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseUnifiedDiff } from "./apply_diff.ts";
 * const [p] = parseUnifiedDiff("--- a/src/x.ts\n+++ b/src/x.ts\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n");
 * assert.equal(p.newPath, "src/x.ts");
 * assert.deepEqual(p.hunks[0].lines.map((l) => l.op + l.text), [" a", "-b", "+c"]);
 * ```
 */
export function parseUnifiedDiff(text: string): FilePatch[] {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const patches: FilePatch[] = [];
  let patch: FilePatch | null = null;
  let hunk: Hunk | null = null;
  const closeHunk = () => {
    if (hunk) {
      // Blank lines after a hunk are usually separators, not context: drop them.
      while (hunk.lines.length && hunk.lines.at(-1)!.op === " " && hunk.lines.at(-1)!.text === "") {
        hunk.lines.pop();
      }
      if (hunk.lines.length) patch!.hunks.push(hunk);
    }
    hunk = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith("--- ") && lines[i + 1]?.startsWith("+++ ")) {
      closeHunk();
      patch = {
        oldPath: diffPath(line.slice(4), "a/"),
        newPath: diffPath(lines[i + 1].slice(4), "b/"),
        hunks: [],
      };
      patches.push(patch);
      i++;
      continue;
    }
    if (
      /^(diff --git |index [0-9a-f]|new file mode|deleted file mode|similarity index)/.test(line)
    ) {
      closeHunk();
      continue;
    }
    const h = patch ? HUNK.exec(line) : null;
    if (h) {
      closeHunk();
      hunk = { header: h[0], oldStart: h[1] === undefined ? null : Number(h[1]), lines: [] };
      continue;
    }
    if (!hunk) continue;
    if (line.startsWith("\\")) continue; // "\ No newline at end of file"
    const op = line[0];
    if (op === " " || op === "-" || op === "+") hunk.lines.push({ op, text: line.slice(1) });
    else if (line === "") hunk.lines.push({ op: " ", text: "" }); // an empty context line, space stripped
    else closeHunk(); // prose after the diff
  }
  closeHunk();
  return patches;
}

/** The outcome of {@link applyHunks}: the new text, or why a hunk did not apply. */
export type ApplyResult = { ok: true; text: string } | { ok: false; reason: string };

/** Options for {@link applyHunks}. */
export interface ApplyOptions {
  /** Context lines that may be dropped at each end of a hunk to make it match. @default 2 */
  fuzz?: number;
  /** Named in failure reasons. @default "the file" */
  path?: string;
}

type Eq = (x: string, y: string) => boolean;
const EXACT: Eq = (x, y) => x === y;
const LOOSE: Eq = (x, y) => x.trimEnd() === y.trimEnd();

/**
 * Apply hunks to `source` in order. Each hunk is looked for at its stated line (shifted by what
 * earlier hunks added or removed), then at the nearest matching place after the previous hunk;
 * failing that, with trailing whitespace ignored; failing that, with up to `fuzz` context lines
 * dropped at each end. Context lines keep the file's own text.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { applyHunks, parseUnifiedDiff } from "./apply_diff.ts";
 * // The hunk says line 1, but the file gained two lines on top: it applies at offset 2.
 * const [p] = parseUnifiedDiff("--- a/x.ts\n+++ b/x.ts\n@@ -1,2 +1,2 @@\n a\n-b\n+B\n");
 * assert.deepEqual(applyHunks("top\ntop\na\nb\n", p.hunks), { ok: true, text: "top\ntop\na\nB\n" });
 * const bad = applyHunks("x\ny\n", p.hunks, { path: "x.ts" });
 * assert.ok(!bad.ok && bad.reason.includes("hunk 1 of x.ts"));
 * ```
 */
export function applyHunks(
  source: string,
  hunks: readonly Hunk[],
  options: ApplyOptions = {},
): ApplyResult {
  const fuzz = options.fuzz ?? 2;
  const path = options.path ?? "the file";
  const finalNewline = source === "" || source.endsWith("\n");
  let lines = source === "" ? [] : (finalNewline ? source.slice(0, -1) : source).split("\n");
  let shift = 0; // lines added minus removed by the hunks applied so far
  let floor = 0; // a hunk may not start before the end of the previous one
  for (const [n, hunk] of hunks.entries()) {
    let placed: { at: number; body: HunkLine[] } | null = null;
    for (let f = 0; f <= fuzz && !placed; f++) {
      const body = trimContext(hunk.lines, f);
      if (f > 0 && body.length === hunk.lines.length) break; // nothing more to drop
      const old = body.filter((l) => l.op !== "+").map((l) => l.text);
      const expected = hunk.oldStart === null
        ? floor
        : Math.max(0, hunk.oldStart - 1 + shift + (f > 0 ? leading(hunk.lines, f) : 0));
      for (const eq of [EXACT, LOOSE]) {
        const at = old.length === 0
          ? Math.min(Math.max(expected, floor), lines.length)
          : find(lines, old, expected, floor, eq);
        if (at !== null) {
          placed = { at, body };
          break;
        }
      }
    }
    if (!placed) {
      const first = hunk.lines.find((l) => l.op !== "+" && l.text.trim() !== "") ??
        hunk.lines.find((l) => l.op !== "+");
      const where = hunk.oldStart === null ? "" : ` near line ${hunk.oldStart}`;
      return {
        ok: false,
        reason:
          `hunk ${
            n + 1
          } of ${path} (${hunk.header}) does not apply: its context and removed lines ` +
          `were not found${where}${
            first ? `, starting with "${first.text.trim().slice(0, 80)}"` : ""
          }`,
      };
    }
    const { at, body } = placed;
    const out: string[] = [];
    let cursor = at;
    for (const l of body) {
      if (l.op === " ") out.push(lines[cursor++]);
      else if (l.op === "-") cursor++;
      else out.push(l.text);
    }
    lines = [...lines.slice(0, at), ...out, ...lines.slice(cursor)];
    shift += out.length - (cursor - at);
    floor = at + out.length;
  }
  const text = lines.join("\n");
  return { ok: true, text: lines.length && (finalNewline || source === "") ? `${text}\n` : text };
}

/** The hunk without up to `f` context lines at each end. */
function trimContext(body: readonly HunkLine[], f: number): HunkLine[] {
  let start = 0, end = body.length;
  while (start < f && start < end && body[start].op === " ") start++;
  while (body.length - end < f && end > start && body[end - 1].op === " ") end--;
  return body.slice(start, end);
}

function leading(body: readonly HunkLine[], f: number): number {
  let k = 0;
  while (k < f && body[k]?.op === " ") k++;
  return k;
}

/** The start of `old` in `lines` at or after `floor`, nearest to `expected`; null when absent. */
function find(
  lines: readonly string[],
  old: readonly string[],
  expected: number,
  floor: number,
  eq: Eq,
): number | null {
  const last = lines.length - old.length;
  if (last < floor) return null;
  expected = Math.min(Math.max(expected, floor), last); // a stated line past the end: search back
  const matches = (at: number) => old.every((o, k) => eq(lines[at + k], o));
  for (let d = 0; d <= lines.length; d++) {
    for (const at of d === 0 ? [expected] : [expected - d, expected + d]) {
      if (at >= floor && at <= last && matches(at)) return at;
    }
    if (expected - d < floor && expected + d > last) break;
  }
  return null;
}
