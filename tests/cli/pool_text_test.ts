import assert from "node:assert/strict";
import { poolText, strictReasonText } from "../../lib/cli/pool_text.ts";

Deno.test("strictReasonText() words every reason code of the pools in plain words (issue 16)", () => {
  // The codes lib/sandbox/pool.ts and python_pool.ts count (host fallbacks cut to three words).
  const codes = [
    'imports "lodash"',
    'imports "node:fs"',
    "uses a dynamic import",
    "uses Deno",
    "uses fetch",
    "host died",
    "host did not start",
    "output over the cap",
    "output passed the",
    "the job does",
    "the job did",
    'unsupported import "x"',
    "a timer or",
    "a microtask loop",
    "the event loop",
    "tests.ts does not",
    "solution.ts does not",
    '"helper.ts" is not',
    "CPython without bubblewrap",
    "Python: declared packages",
    "Python: a memory cap of its own",
    "Python: host died",
    "host: Error: x",
  ];
  for (const code of codes) {
    const words = strictReasonText(code);
    assert.notEqual(words, code, `${code} has plain words`);
    assert.doesNotMatch(words, /\b(does|did|is|the|a|or)$/, `${code} → ${words}: a whole phrase`);
  }
  assert.equal(
    strictReasonText("uses Deno"),
    strictReasonText("uses fetch"),
    "one phrase for globals",
  );
});

Deno.test("poolText() states every count against the samples run and merges reasons by phrase (issue 16)", () => {
  const text = poolText({
    pooled: 10,
    strict: { 'imports "a"': 1, 'imports "b"': 2, "uses Deno": 1, "the job does": 1 },
    timeouts: 2,
    hostsStarted: 3,
    contaminated: 1,
    recycled: { "wrote files": 1 },
  });
  assert.equal(
    text,
    "sandbox: 10 of 15 samples ran in warm hosts (2 of them timed out there); 5 ran in a fresh process " +
      "(imports a package: 3; uses a process-only global (Deno, fetch…): 1; its modules do not link in a warm host: 1); " +
      "1 host was replaced after a sample left state behind (wrote files: 1)",
  );
});
