import assert from "node:assert/strict";
import { lintBatch } from "../../lib/score/lint_batch.ts";

Deno.test("lintBatch() maps each finding back to its program in one run", async () => {
  const found = await lintBatch([
    { id: "a", code: "export function f() {\n  var x = 1;\n  debugger;\n  return x;\n}\n" },
    { id: "b", code: "export const g = (y: number) => y;\n" },
    { id: "c", code: "export function h(x) { return x == null; }\n", language: "js" },
  ]);
  assert.deepEqual(found.get("a")!.map((f) => [f.rule, f.line]), [["no-var", 2], [
    "no-debugger",
    3,
  ]]);
  assert.deepEqual(found.get("b"), []);
  assert.deepEqual(found.get("c"), []);
});

Deno.test("lintBatch() reports a program that does not parse as null without stopping the batch", async () => {
  const found = await lintBatch([
    { id: "broken", code: "export function (" },
    { id: "unused", code: "const unused = 1;\nexport const x = 2;\n" },
  ]);
  assert.equal(found.get("broken"), null);
  assert.deepEqual(found.get("unused")!.map((f) => f.rule), ["no-unused-vars"]);
});

Deno.test("lintBatch() leaves out no-explicit-any by default and honours excludeRules", async () => {
  const code = "export const f = (a: any) => a;\n";
  assert.deepEqual(await lintBatch([{ id: "x", code }]), new Map([["x", []]]));
  const all = await lintBatch([{ id: "x", code }], { excludeRules: [] });
  assert.deepEqual(all.get("x")!.map((f) => f.rule), ["no-explicit-any"]);
});

Deno.test("lintBatch() rejects duplicate ids and returns an empty map for no programs", async () => {
  await assert.rejects(
    lintBatch([{ id: "a", code: "" }, { id: "a", code: "" }]),
    /Cannot lint "a": duplicate sample id/,
  );
  assert.equal((await lintBatch([])).size, 0);
});
