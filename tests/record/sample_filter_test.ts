import assert from "node:assert/strict";
import { parseSampleFilterHash, sampleFilterHash } from "../../lib/record/sample_filter.ts";

Deno.test("sampleFilterHash() round-trips every field through parseSampleFilterHash()", () => {
  const filter = {
    run: "B",
    model: "openai:gpt-4o?temperature=0&seed=7",
    variant: "plain+reword",
    language: "py",
    task: "chunk",
    bucket: "almost",
    category: "boundary",
    status: "failed" as const,
    q: "a = b & c # 100%",
    sample: '["chunk","openai:gpt-4o?temperature=0&seed=7","plain",2]',
  };
  assert.deepEqual(parseSampleFilterHash(sampleFilterHash(filter)), filter);
});

Deno.test("parseSampleFilterHash() ignores unknown fields and keeps a malformed escape as text", () => {
  assert.deepEqual(parseSampleFilterHash("samples?evil=1&q=100%&task=x"), { q: "100%", task: "x" });
  assert.deepEqual(parseSampleFilterHash("#samples"), {});
  assert.equal(parseSampleFilterHash("#samplesX?task=x"), undefined);
});
