/**
 * The pure parts of `deno task bench agreement`: verdict comparison, cause derivation, candidate
 * renaming, sampling and the printed table, on tiny inline data (no sandbox, no datasets).
 */
import assert from "node:assert/strict";
import { agreementRow } from "../../bench/agreement/compare.ts";
import { deriveCause } from "../../bench/agreement/cause.ts";
import { assayVerdict } from "../../bench/agreement/verdict.ts";
import { problemNumber, renamedCandidates } from "../../bench/agreement/rename.ts";
import { numberSamples, seededSubset } from "../../bench/agreement/sampling.ts";
import { causeCounts, formatDifferences, formatTable } from "../../bench/agreement/report.ts";

const result = (passed: boolean, extra: Record<string, unknown> = {}) =>
  ({
    passed,
    outcome: "completed",
    detail: "",
    failure: passed ? null : { category: "crash" },
    cases: [
      { name: "assert 1: f(1) → 2", status: "pass", message: "" },
      {
        name: "assert 2: f(2) → 4",
        status: passed ? "pass" : "error",
        message: passed ? "" : "ReferenceError: total is not defined\n    at f",
      },
    ],
    ...extra,
  }) as never;
const answer = (code: string | null) => ({ code, entry: "f" });

Deno.test("assayVerdict() reads the first failing case and the sloppy-only flag", () => {
  const v = assayVerdict(result(false), answer("function f(n) { total = n; return total * 2; }"));
  assert.equal(v.pass, false);
  assert.deepEqual(v.failedCase?.name, "assert 2: f(2) → 4");
  assert.equal(v.sloppyOnly, false);
  const flagged = assayVerdict(
    result(true, {
      labels: [{ label: "sloppy_only", cases: ["a"], names: ["total"], evidence: ["x"] }],
    }),
    answer(null),
  );
  assert.equal(flagged.sloppyOnly, true);
});

Deno.test("deriveCause() names an implicit global, a missing entry, other code and a harness check", () => {
  const harnessPass = { pass: true, detail: null };
  const implicit = assayVerdict(
    result(false),
    answer("function f(n) { total = n; return total * 2; }"),
  );
  assert.match(deriveCause({ id: "1", assay: implicit, harness: harnessPass }), /implicit global/);
  const plain = assayVerdict(result(false), answer("function f(n) { return total; }"));
  assert.equal(
    deriveCause({ id: "1", assay: plain, harness: harnessPass }),
    "assay fails: ReferenceError: <name> is not defined",
  );
  assert.equal(
    deriveCause({
      id: "1",
      assay: { ...plain, taskError: "the reference fails" },
      harness: harnessPass,
    }),
    "[task error] assay fails: ReferenceError: <name> is not defined",
  );
  const missing = assayVerdict(
    result(false, {
      outcome: "load_error",
      detail:
        "SyntaxError: The requested module './solution.ts' does not provide an export named 'f'",
    }),
    answer("function fib(n) {}"),
  );
  assert.equal(
    deriveCause({ id: "1", assay: missing, harness: harnessPass }),
    "assay fails: the answer does not define the entry function",
  );
  assert.equal(
    deriveCause({ id: "1", assay: missing, harness: { ...harnessPass, code: "function f() {}" } }),
    "assay fails: assay extracted other code than the harness (assay's does not define the entry)",
  );
  const pass = assayVerdict(result(true), answer("function f() {}"));
  assert.equal(
    deriveCause({
      id: "1",
      assay: pass,
      harness: { pass: false, detail: 'check f.args[0].name == "n", got "x"' },
    }),
    "harness fails: check f.args[0].name",
  );
  assert.equal(
    deriveCause({ id: "1", assay: pass, harness: { pass: false, detail: "status NO_FUNCTION" } }),
    "harness fails: status NO_FUNCTION",
  );
});

Deno.test("agreementRow() counts both passes and failures as agreement", () => {
  const harness = (pass: boolean) => ({ pass, detail: null });
  const row = agreementRow("b", [
    { id: "1", assay: assayVerdict(result(true), answer(null)), harness: harness(true) },
    { id: "2", assay: assayVerdict(result(false), answer(null)), harness: harness(false) },
    { id: "3", assay: assayVerdict(result(false), answer("x")), harness: harness(true) },
  ], 10);
  assert.deepEqual([row.samples, row.assayPasses, row.harnessPasses, row.agree], [3, 1, 2, 2]);
  assert.deepEqual(row.differences.map((d) => d.id), ["3"]);
  assert.match(formatTable([row]), /\| b +\| +3 \| +1 \| +2 \| +2\/3 \| +66\.67% \| +0 \|/);
  assert.deepEqual(causeCounts([row]), [["b", row.differences[0].cause, 1]]);
  assert.match(formatDifferences([row]), /^b: 1 difference\(s\)\n {2}1 × assay fails: /);
});

Deno.test("renamedCandidates() renames a program to the entry of the problem with its number", () => {
  assert.equal(problemNumber("HumanEval_0_has_close_elements"), 0);
  const out = renamedCandidates([{
    id: "JavaScript/0",
    number: 0,
    code: "const hasCloseElements = (xs, t) => xs.length > 1 && hasCloseElements(xs.slice(1), t);",
    entry: "hasCloseElements",
  }], [{ name: "HumanEval_0_has_close_elements", entry: "has_close_elements" }]);
  assert.deepEqual(out, [{
    name: "HumanEval_0_has_close_elements",
    from: "JavaScript/0",
    code:
      "const has_close_elements = (xs, t) => xs.length > 1 && has_close_elements(xs.slice(1), t);",
  }]);
});

Deno.test("seededSubset() and numberSamples() pick a stable subset and number it per task", () => {
  const items = Array.from({ length: 50 }, (_, i) => ({ task: i % 2 ? "a" : "b", i }));
  const some = numberSamples(seededSubset(items, 6, 14));
  assert.deepEqual(some, numberSamples(seededSubset(items, 6, 14)));
  assert.equal(some.length, 6);
  for (const task of ["a", "b"]) {
    const samples = some.filter((x) => x.task === task).map((x) => x.sample);
    assert.deepEqual(samples, samples.map((_, k) => k));
  }
});

Deno.test("agreementRow() keeps a sample whose task assay could not judge out of the agreement and lists it apart", () => {
  const harness = (pass: boolean) => ({ pass, detail: null });
  const row = agreementRow("b", [
    { id: "1", assay: assayVerdict(result(true), answer(null)), harness: harness(true) },
    {
      id: "2",
      assay: assayVerdict(
        result(false, { taskError: "the reference fails its own tests" }),
        answer(null),
      ),
      harness: harness(false),
    },
  ], 10);
  assert.deepEqual([row.samples, row.judged, row.agree, row.unjudged.length], [2, 1, 1, 1]);
  assert.deepEqual(row.differences, []);
  assert.match(formatTable([row]), /\| +1\/1 \| +100\.00% \| +0 \| +1 \|/);
  assert.match(
    formatDifferences([row]),
    /^b: 2 not judged by assay \(left out of the agreement\): task error: the reference fails/,
  );
});
