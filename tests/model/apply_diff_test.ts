import assert from "node:assert/strict";
import { applyHunks, parseUnifiedDiff } from "../../lib/model/apply_diff.ts";
import { diffLines, unifiedDiff } from "../../lib/model/line_diff.ts";

const numbered = (n: number) =>
  Array.from({ length: n }, (_, i) => `line ${i + 1}`).join("\n") + "\n";

Deno.test("diffLines() finds a shortest edit script (Myers' example: D = 5)", () => {
  const ops = diffLines([..."ABCABBA"], [..."CBABAC"]);
  assert.equal(ops.filter((e) => e.op !== "=").length, 5);
  assert.deepEqual(ops.filter((e) => e.op !== "+").map((e) => e.line), [..."ABCABBA"]);
  assert.deepEqual(ops.filter((e) => e.op !== "-").map((e) => e.line), [..."CBABAC"]);
});

Deno.test("unifiedDiff() writes separate hunks with 3 lines of context and applies back cleanly", () => {
  const before = numbered(30);
  const after = before.replace("line 2\n", "line two\n").replace(
    "line 25\n",
    "line 25\nline 25b\n",
  );
  const diff = unifiedDiff(before, after, "f.ts");
  assert.match(diff, /^--- a\/f\.ts\n\+\+\+ b\/f\.ts\n@@ -1,5 \+1,5 @@\n/);
  assert.match(diff, /\n@@ -23,6 \+23,7 @@\n line 23\n/);
  const [patch] = parseUnifiedDiff(diff);
  assert.deepEqual(applyHunks(before, patch.hunks), { ok: true, text: after });
  assert.equal(unifiedDiff(before, before, "f.ts"), "");
});

Deno.test("applyHunks() applies a hunk at an offset when the file moved", () => {
  const before = numbered(20);
  const after = before.replace("line 10\n", "line ten\n");
  const [patch] = parseUnifiedDiff(unifiedDiff(before, after, "f.ts"));
  const moved = "// header\n// more\n// more\n" + before;
  assert.deepEqual(applyHunks(moved, patch.hunks), {
    ok: true,
    text: "// header\n// more\n// more\n" + after,
  });
});

Deno.test("applyHunks() tolerates a changed outer context line (fuzz) and trailing whitespace", () => {
  const before = numbered(12);
  const [patch] = parseUnifiedDiff(
    unifiedDiff(before, before.replace("line 6\n", "six\n"), "f.ts"),
  );
  const drifted = before.replace("line 3\n", "line three\n").replace("line 5\n", "line 5   \n");
  const r = applyHunks(drifted, patch.hunks);
  assert.ok(r.ok);
  assert.equal(r.text, drifted.replace("line 6\n", "six\n"));
  assert.ok(!applyHunks(drifted, patch.hunks, { fuzz: 0 }).ok, "no fuzz, no match");
});

Deno.test("applyHunks() fails with a reason naming the hunk when its removed lines are gone", () => {
  const [patch] = parseUnifiedDiff(
    "--- a/f.ts\n+++ b/f.ts\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n@@ -9,3 +9,3 @@\n x\n-y\n+Y\n z\n",
  );
  const r = applyHunks("a\nb\nc\n", patch.hunks, { path: "f.ts" });
  assert.deepEqual(r, {
    ok: false,
    reason:
      'hunk 2 of f.ts (@@ -9,3 +9,3 @@) does not apply: its context and removed lines were not found near line 9, starting with "x"',
  });
});

Deno.test("parseUnifiedDiff() reads git headers, several files, headerless hunks and trailing prose", () => {
  const text = [
    "diff --git a/a.ts b/a.ts",
    "index 123..456 100644",
    "--- a/a.ts\t2024-01-01",
    "+++ b/a.ts",
    "@@ @@",
    "-x",
    "+y",
    "\\ No newline at end of file",
    "--- a/b.ts",
    "+++ b/b.ts",
    "@@ -1,1 +1,2 @@",
    " k",
    "+l",
    "",
    "That's it.",
  ].join("\n");
  const patches = parseUnifiedDiff(text);
  assert.deepEqual(patches.map((p) => p.newPath), ["a.ts", "b.ts"]);
  assert.equal(patches[0].hunks[0].oldStart, null);
  assert.deepEqual(patches[1].hunks[0].lines.map((l) => l.op + l.text), [" k", "+l"]);
  assert.deepEqual(applyHunks("k\n", patches[1].hunks), { ok: true, text: "k\nl\n" });
});
