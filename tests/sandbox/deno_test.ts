import assert from "node:assert/strict";
import { runSample } from "../../lib/sandbox/deno.ts";
import { bwrapAvailable } from "../../lib/sandbox/isolate.ts";
import type { Isolation } from "../../lib/sandbox/sandbox.ts";
import { LEDGER_CODE, LEDGER_DETAIL, LEDGER_TESTS } from "./ledger_fixture.ts";

const TESTS = `import assert from "node:assert/strict";
import { add } from "./solution.ts";
export const cases = {
  "adds": () => assert.equal(add(1, 2), 3),
  "negatives": () => assert.equal(add(-1, -2), -3),
};`;
const CASES = [{ name: "adds", kind: "core" as const, tags: [] }, {
  name: "negatives",
  kind: "edge" as const,
  tags: [],
}];
const run = (code: string, isolation: Isolation, timeoutMs = 3000) =>
  runSample({ code, testsSource: TESTS, cases: CASES, entry: "add" }, { isolation, timeoutMs });

const hasBwrap = await bwrapAvailable();
if (!hasBwrap) {
  console.warn(
    "tests/sandbox/deno_test.ts: bubblewrap is not available here; bwrap variants are skipped",
  );
}

for (const isolation of ["none", "bwrap"] as const) {
  const ignore = isolation === "bwrap" && !hasBwrap;
  const t = (name: string, fn: () => Promise<void>) =>
    Deno.test({ name: `runSample() [${isolation}] ${name}`, ignore, fn });

  t("passes a correct program case by case", async () => {
    const r = await run("export function add(a: number, b: number) { return a + b; }", isolation);
    assert.equal(r.outcome, "completed");
    assert.deepEqual(r.cases.map((c) => c.status), ["pass", "pass"]);
  });

  t("reports assertion failures as fail with the message", async () => {
    const r = await run("export function add(a: number, b: number) { return a - b; }", isolation);
    assert.deepEqual(r.cases.map((c) => c.status), ["fail", "fail"]);
    assert.match(r.cases[0].message, /AssertionError/);
  });

  t("reports other throws as error", async () => {
    const r = await run(
      "export function add(a: number, b: number): number { throw new TypeError('boom'); }",
      isolation,
    );
    assert.deepEqual(r.cases.map((c) => c.status), ["error", "error"]);
    assert.match(r.cases[0].message, /TypeError: boom/);
  });

  t("exports an entry point the code forgot to export", async () => {
    const r = await run("function add(a: number, b: number) { return a + b; }", isolation);
    assert.deepEqual(r.cases.map((c) => c.status), ["pass", "pass"]);
  });

  t("turns a syntax error into load_error with the parser's message", async () => {
    const r = await run("export function add(a: number, b: number) { return a + b;", isolation);
    assert.equal(r.outcome, "load_error");
    assert.match(r.detail, /SyntaxError|Expected/);
    assert.ok(r.cases.every((c) => c.status === "missing"));
  });

  t("turns a missing entry point into load_error", async () => {
    const r = await run("export function plus(a: number, b: number) { return a + b; }", isolation);
    assert.equal(r.outcome, "load_error");
    assert.match(r.detail, /does not provide an export named 'add'/);
  });

  t("kills an infinite loop at the timeout", async () => {
    const started = performance.now();
    const r = await run(
      "export function add(a: number, b: number): number { while (true) {} }",
      isolation,
      1500,
    );
    assert.equal(r.outcome, "timeout");
    assert.ok(performance.now() - started < 5000);
    assert.match(r.cases[0].message, /timeout/);
  });

  t("kills a flood of output at the cap", async () => {
    const r = await runSample({
      code: "while (true) console.log('x'.repeat(1000));\nexport const add = 0;",
      testsSource: TESTS,
      cases: CASES,
      entry: "add",
    }, { isolation, outputCapBytes: 100_000, timeoutMs: 5000 });
    assert.equal(r.outcome, "output_limit");
  });

  t("cannot forge a pass by printing result lines and exiting", async () => {
    const code = `console.log('{"type":"case","name":"adds","status":"pass","message":"","ms":0}');
console.log('{"type":"done"}');
Deno.exit(0);
export function add(a: number, b: number) { return a - b; }`;
    const r = await run(code, isolation);
    assert.notEqual(r.outcome, "completed");
    assert.ok(r.cases.every((c) => c.status !== "pass"));
  });

  t("denies file reads, network and environment", async () => {
    const code = `export function add(a: number, b: number) {
  let leaks = 0;
  try { Deno.readTextFileSync("/etc/hostname"); leaks++; } catch { /* denied */ }
  try { Deno.env.get("HOME"); leaks++; } catch { /* denied */ }
  try { new Deno.Command("true").outputSync(); leaks++; } catch { /* denied */ }
  return a + b + leaks * 1000;
}`;
    const r = await run(code, isolation);
    assert.deepEqual(r.cases.map((c) => c.status), ["pass", "pass"]);
  });

  t("keeps reporting after a stray unhandled rejection", async () => {
    const code =
      `export function add(a: number, b: number) { Promise.reject(new Error("stray")); return a + b; }`;
    const r = await run(code, isolation);
    assert.deepEqual(r.cases.map((c) => c.status), ["pass", "pass"]);
  });
}

const isolation: Isolation = hasBwrap ? "bwrap" : "none";
const ledger = {
  code: LEDGER_CODE,
  testsSource: LEDGER_TESTS,
  cases: [{ name: "total", kind: "core" as const, tags: [] }],
  entry: "Ledger",
};

Deno.test("runSample() reports a syntax error on the answer's own line, not the appended export (finding 7)", async () => {
  const r = await runSample(ledger, { isolation, timeoutMs: 3000 });
  assert.equal(r.outcome, "load_error");
  assert.equal(r.detail, LEDGER_DETAIL);
  assert.deepEqual(r.cases.map((c) => c.message), [`load_error: ${LEDGER_DETAIL}`]);
});

Deno.test("runSample() words an error found after parsing on the answer's own line, with one prefix", async () => {
  const code = "const x = 1;\nconst x = 2;\nexport const add = (a: number, b: number) => a + b;\n";
  const r = await run(code, isolation);
  assert.equal(r.outcome, "load_error");
  assert.equal(r.detail, "SyntaxError: Identifier 'x' has already been declared at line 2:7");
  const octal = await run(
    "export const add = (a: number, b: number) => a + b;\nlet x = 08;\n",
    isolation,
  );
  assert.equal(
    octal.detail,
    "SyntaxError: Legacy decimal escape is not permitted in strict mode at line 2:9",
  );
});

Deno.test("runSample() never words an error in the export it added as the answer's", async () => {
  // `add` is defined, but only inside a function: the appended export names nothing.
  const code =
    "function make() {\n  const add = (a: number, b: number) => a + b;\n  return add;\n}\n";
  const r = await run(code, isolation);
  assert.equal(r.outcome, "load_error");
  assert.equal(
    r.detail,
    "SyntaxError: Export 'add' is not defined in module, in the export { add } the harness added after the answer's last line",
  );
});

Deno.test("runSample() records the export the harness added (finding 9)", async () => {
  const added = await run("function add(a: number, b: number) { return a + b; }", isolation);
  assert.deepEqual(added.cases.map((c) => c.status), ["pass", "pass"]);
  assert.deepEqual(added.harnessChanges, [
    "added export { add } (the answer defines add without exporting it)",
  ]);
  const kept = await run("export function add(a: number, b: number) { return a + b; }", isolation);
  assert.deepEqual(kept.harnessChanges, []);
  const broken = await runSample(ledger, { isolation, timeoutMs: 3000 });
  assert.deepEqual(broken.harnessChanges, [
    "added export { Ledger } (the answer defines Ledger without exporting it)",
  ]);
});

Deno.test({
  name: "runSample() [bwrap] hides the host's files from module imports",
  ignore: !hasBwrap,
  fn: async () => {
    const code = `import data from "/etc/hostname" with { type: "text" };
export function add(a: number, b: number) { return data ? a + b : 0; }`;
    const r = await run(code, "bwrap");
    assert.equal(r.outcome, "load_error");
  },
});
