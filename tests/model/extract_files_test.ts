import assert from "node:assert/strict";
import { extractFiles, filesAnswerCode } from "../../lib/model/extract_files.ts";
import { parseFileBundle } from "../../lib/task/tree.ts";

const F = "`".repeat(3);
const CART =
  "export function total(xs: number[]): number {\n  let t = 0;\n  for (const x of xs) t += x;\n  return t;\n}\n";
const MONEY = "export const cents = (n: number) => Math.round(n * 100);\n";
const task = { contextFiles: { "src/cart.ts": CART, "src/money.ts": MONEY } };
const NEW = "export const total = () => 42;\n";

Deno.test("extractFiles() reads whole files in every path convention", () => {
  const answers: Record<string, string> = {
    "markdown heading": `### src/cart.ts\n${F}ts\n${NEW}${F}`,
    "heading with backticks": `## \`src/cart.ts\`\n\n${F}typescript\n${NEW}${F}`,
    "path and colon": `src/cart.ts:\n${F}ts\n${NEW}${F}`,
    "comment line before the fence": `// file: src/cart.ts\n${F}ts\n${NEW}${F}`,
    "bold path in prose": `Here is the updated **src/cart.ts**:\n\n${F}ts\n${NEW}${F}`,
    "prose naming a known path": `Change \`./src/cart.ts\` like this:\n${F}ts\n${NEW}${F}`,
    "title attribute": `${F}ts title="src/cart.ts"\n${NEW}${F}`,
    "path after the language": `${F}ts src/cart.ts\n${NEW}${F}`,
    "file comment inside the block": `${F}ts\n// file: src/cart.ts\n${NEW}${F}`,
    "bare path comment inside the block": `${F}ts\n// src/cart.ts\n${NEW}${F}`,
  };
  for (const [name, text] of Object.entries(answers)) {
    assert.deepEqual(
      extractFiles(text, task),
      { ok: true, files: { "src/cart.ts": NEW }, form: "whole" },
      name,
    );
  }
});

Deno.test("extractFiles() takes several files and lets a later block for the same path win", () => {
  const text =
    `### src/cart.ts\n${F}ts\n${CART}${F}\n\nFixed:\n\n### src/cart.ts\n${F}ts\n${NEW}${F}\n\n` +
    `### src/money.ts\n${F}ts\nexport const cents = (n: number) => Math.trunc(n * 100);\n${F}\n`;
  const r = extractFiles(text, task);
  assert.ok(r.ok);
  assert.deepEqual(Object.keys(r.files).sort(), ["src/cart.ts", "src/money.ts"]);
  assert.equal(r.files["src/cart.ts"], NEW);
});

Deno.test("extractFiles() gives an unnamed block to the only editable file, and refuses to guess otherwise", () => {
  const only = { ...task, editable: ["src/cart.ts"] };
  assert.deepEqual(extractFiles(`${F}ts\n${NEW}${F}`, only), {
    ok: true,
    files: { "src/cart.ts": NEW },
    form: "whole",
  });
  const r = extractFiles(`${F}ts\n${NEW}${F}`, task);
  assert.ok(
    !r.ok && /no code block names its file: precede each block with its path/.test(r.reason),
  );
});

Deno.test("extractFiles() applies a diff in a fenced block and as raw text", () => {
  const diff =
    "--- a/src/cart.ts\n+++ b/src/cart.ts\n@@ -1,5 +1,5 @@\n export function total(xs: number[]): number {\n" +
    "-  let t = 0;\n+  let t = 1;\n   for (const x of xs) t += x;\n   return t;\n }\n";
  const want = CART.replace("let t = 0", "let t = 1");
  for (const text of [`${F}diff\n${diff}${F}`, diff, `Sure.\n\n${F}\n${diff}${F}\nDone.`]) {
    assert.deepEqual(extractFiles(text, task), {
      ok: true,
      files: { "src/cart.ts": want },
      form: "diff",
    });
  }
});

Deno.test("extractFiles() applies a hunk whose line numbers are off (offset) and whose counts are wrong", () => {
  const diff =
    `${F}diff\n--- src/cart.ts\n+++ src/cart.ts\n@@ -40,9 +40,9 @@\n   for (const x of xs) t += x;\n-  return t;\n+  return t * 2;\n }\n${F}`;
  const r = extractFiles(diff, task);
  assert.ok(r.ok);
  assert.equal(r.files["src/cart.ts"], CART.replace("return t;", "return t * 2;"));
});

Deno.test("extractFiles() fails with the hunk and the missing line when a hunk does not apply", () => {
  const diff =
    `${F}diff\n--- a/src/cart.ts\n+++ b/src/cart.ts\n@@ -2,2 +2,2 @@\n-  let total = 0;\n+  let total = 1;\n   return total;\n${F}`;
  const r = extractFiles(diff, task);
  assert.ok(!r.ok);
  assert.equal(
    r.reason,
    'hunk 1 of src/cart.ts (@@ -2,2 +2,2 @@) does not apply: its context and removed lines were not found near line 2, starting with "let total = 0;"',
  );
});

Deno.test("extractFiles() rejects paths that escape the tree, absolute paths and files outside the codebase", () => {
  const cases: [string, RegExp][] = [
    [`### ../secrets.ts\n${F}ts\nx\n${F}`, /cannot change "\.\.\/secrets\.ts" escapes the tree/],
    [`### /etc/app.ts\n${F}ts\nx\n${F}`, /cannot change "\/etc\/app\.ts" is absolute/],
    [
      "--- a/../../x.ts\n+++ b/../../x.ts\n@@ -1 +1 @@\n-a\n+b\n",
      /escapes the tree/,
    ],
    [
      `### src/new.ts\n${F}ts\nx\n${F}`,
      /"src\/new\.ts" is not a file of the codebase: this task accepts changes to src\/cart\.ts, src\/money\.ts/,
    ],
    ["--- a/src/cart.ts\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n", /deleting files is not supported/],
  ];
  for (const [text, reason] of cases) {
    const r = extractFiles(text, task);
    assert.ok(!r.ok, text);
    assert.match(r.reason, reason);
  }
  const r = extractFiles(`### src/money.ts\n${F}ts\nx\n${F}`, {
    ...task,
    editable: ["src/cart.ts"],
  });
  assert.ok(
    !r.ok &&
      /"src\/money\.ts" may not be changed: the editable files are src\/cart\.ts/.test(r.reason),
  );
});

Deno.test("extractFiles() adds new files only when the task allows them", () => {
  const diff = "--- /dev/null\n+++ b/src/tax.ts\n@@ -0,0 +1,1 @@\n+export const rate = 0.2;\n";
  const open = { ...task, newFiles: true };
  assert.deepEqual(extractFiles(diff, open), {
    ok: true,
    files: { "src/tax.ts": "export const rate = 0.2;\n" },
    form: "diff",
  });
  assert.ok(!extractFiles(diff, task).ok);
  const r = extractFiles(`### notes.md\n${F}\nhello\n${F}`, open);
  assert.ok(!r.ok, "a block naming no .ts/.js/.json path names no file");
});

Deno.test("extractFiles() combines whole files with a diff over another file", () => {
  const text =
    `### src/money.ts\n${F}ts\nexport const cents = (n: number) => n;\n${F}\n\n${F}diff\n` +
    "--- a/src/cart.ts\n+++ b/src/cart.ts\n@@ -4 +4 @@\n-  return t;\n+  return -t;\n" + F;
  const r = extractFiles(text, task);
  assert.ok(r.ok);
  assert.equal(r.form, "mixed");
  assert.match(r.files["src/cart.ts"], /return -t;/);
});

Deno.test("extractFiles() reports an answer with no files (a refusal)", () => {
  const r = extractFiles("I'm sorry, but I can't help with that request.", task);
  assert.ok(!r.ok && r.reason.startsWith("no changed files in the answer"));
});

Deno.test("filesAnswerCode() records the changed files as a bundle that parses back", () => {
  const code = filesAnswerCode(`### src/cart.ts\n${F}ts\n${NEW}${F}`, task);
  assert.deepEqual(parseFileBundle(code!), { "src/cart.ts": NEW });
});
