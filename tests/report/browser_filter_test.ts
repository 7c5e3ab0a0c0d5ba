import assert from "node:assert/strict";
import { fieldOptions, sampleMatcher } from "../../lib/report/browser/filter.ts";
import type { BrowserSample } from "../../lib/report/browser/payload.ts";

function sample(over: Partial<BrowserSample>): BrowserSample {
  return {
    key: "k",
    run: "A",
    task: "chunk",
    model: "m",
    variant: "plain",
    language: "ts",
    sample: 0,
    status: "failed",
    bucket: "wrong",
    category: "crash",
    evidence: [],
    answer: "",
    generationError: null,
    taskError: null,
    ...over,
  } as BrowserSample;
}

Deno.test("sampleMatcher() needs every field to match and finds the search text in answer and evidence", () => {
  const a = sample({ key: "a", answer: "function Chunk() { return NaN }" });
  const b = sample({
    key: "b",
    model: "n",
    category: "syntax",
    evidence: [{
      category: "syntax",
      source: "load",
      text: "SyntaxError: Unexpected end of input",
    }],
  });
  const keys = (f: Parameters<typeof sampleMatcher>[0]) =>
    [a, b].filter(sampleMatcher(f)).map((s) => s.key);
  assert.deepEqual(keys({}), ["a", "b"]);
  assert.deepEqual(keys({ model: "n" }), ["b"]);
  assert.deepEqual(keys({ model: "n", category: "crash" }), []);
  assert.deepEqual(keys({ q: "return nan" }), ["a"], "case-insensitive, in the answer");
  assert.deepEqual(keys({ q: "unexpected END" }), ["b"], "in the evidence");
  assert.deepEqual(
    keys({ q: "chunk", sample: "b" }),
    ["a", "b"],
    "the open sample does not filter",
  );
});

Deno.test("fieldOptions() counts each value and leaves out samples without one", () => {
  const samples = [
    sample({ category: "crash" }),
    sample({ category: null }),
    sample({ category: "crash" }),
  ];
  assert.deepEqual(fieldOptions(samples, "category"), [["crash", 2]]);
});
