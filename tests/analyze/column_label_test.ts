import assert from "node:assert/strict";
import { columnLabel, metricLabel } from "../../lib/analyze/column_label.ts";

Deno.test("columnLabel() writes assay's column names in words, units included", () => {
  assert.equal(columnLabel("passRate"), "pass rate");
  assert.equal(columnLabel("ttftP50"), "TTFT p50 (ms)");
  assert.equal(columnLabel("tokensPerSecP50"), "tokens/s p50");
  assert.equal(columnLabel("generationErrors"), "generation errors");
  assert.equal(columnLabel("wrong_interface"), "wrong interface");
});

Deno.test("columnLabel() splits an unknown camelCase or snake_case name into words", () => {
  assert.equal(columnLabel("meanCaseMs"), "mean case ms");
  assert.equal(columnLabel("HTTPStatus"), "HTTP status");
  assert.equal(columnLabel("first_tag"), "first tag");
  assert.equal(columnLabel("model"), "model");
  assert.equal(columnLabel("pass % A"), "pass % A", "already in words");
  assert.equal(columnLabel("pass^3"), "pass^3");
});

Deno.test("metricLabel() names policy thresholds in words", () => {
  assert.equal(metricLabel("passHatK@5"), "pass^5");
  assert.equal(metricLabel("hallucinationRate"), "hallucination rate");
  assert.equal(metricLabel("p95TtftMs"), "TTFT p95");
});
