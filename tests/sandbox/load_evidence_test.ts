import assert from "node:assert/strict";
import { answerSyntaxError } from "../../lib/sandbox/answer_syntax.ts";
import { loadEvidence } from "../../lib/sandbox/load_evidence.ts";
import { exportEntry } from "../../lib/source/export_entry.ts";
import { LEDGER_CODE, LEDGER_DETAIL } from "./ledger_fixture.ts";

Deno.test("answerSyntaxError() places the end of input on the answer's last written line", () => {
  assert.equal(answerSyntaxError(LEDGER_CODE), LEDGER_DETAIL);
  // Trailing blank lines are not lines the model wrote either.
  assert.equal(answerSyntaxError(`${LEDGER_CODE}\n\n   \n`), LEDGER_DETAIL);
});

Deno.test("answerSyntaxError() returns null for code that parses", () => {
  assert.equal(answerSyntaxError(""), null);
  assert.equal(
    answerSyntaxError("enum E { A }\nexport class C { constructor(private x: E) {} }"),
    null,
  );
});

Deno.test("loadEvidence() prefers the answer's own parse error to what the loader says", () => {
  const { code, appended } = exportEntry(LEDGER_CODE, "Ledger");
  assert.ok(code.endsWith("export { Ledger };\n"));
  const raw =
    "TypeError: SyntaxError: 'import', and 'export' cannot be used outside of module code\n" +
    "   |\n40 | export { Ledger };\n   | ~~~~~~\n    at file:///tmp/assay-job-f62a180d/solution.ts:40:1";
  assert.equal(loadEvidence(raw, LEDGER_CODE, appended), LEDGER_DETAIL);
});

Deno.test("loadEvidence() names a job file other than the answer", () => {
  const raw = "TypeError: SyntaxError: Expression expected\n  |\n3 | let = ;\n" +
    "    at file:///job/src/util.ts:3:5\n    at file:///job/tests.ts:2:21";
  assert.equal(
    loadEvidence(raw, "", null),
    "SyntaxError: Expression expected in src/util.ts at line 3:5",
  );
});

Deno.test("loadEvidence() leaves link errors, JSON errors and throws at load as they are", () => {
  const code = "export const f = 1;\n";
  for (
    const detail of [
      "SyntaxError: The requested module './solution.ts' does not provide an export named 'add' at file:///job/tests.ts:2:10",
      "SyntaxError: Unexpected token } in JSON at position 5",
      "Error: boom",
    ]
  ) {
    assert.equal(loadEvidence(detail, code, null), detail);
  }
});

Deno.test("exportEntry() changes nothing when the entry is exported or not defined", () => {
  for (
    const code of [
      "export function add() {}",
      "export default async function add() {}",
      "const add = 1;\nexport { add as default, add };",
      "function plus() {}",
    ]
  ) {
    assert.deepEqual(exportEntry(code, "add"), { code, change: null, appended: null });
  }
});
