import v8 from "node:v8";
import vm from "node:vm";
import assert from "node:assert/strict";
import { LoadError } from "../../../lib/sandbox/inside/host_errors.ts";
import { jobContext } from "../../../lib/sandbox/inside/job_context.ts";
import { linkTests, strip } from "../../../lib/sandbox/inside/job_modules.ts";

Deno.test("strip() gives a tests source seen before the same text, and each source its own", () => {
  const tests = "const n: number = 1;\nexport const cases = { a: () => n };";
  const first = strip("tests.ts", tests);
  assert.equal(first, strip("tests.ts", tests));
  assert(!first.includes(": number"));
  // Another tests source (another task) is stripped for itself.
  const other = strip("tests.ts", "const m: string = 'x';\nexport const cases = {};");
  assert.match(other, /const m\s*= 'x'/);
  // Past the memory of tests sources, still the same text.
  for (let i = 0; i < 100; i++) strip("tests.ts", `export const k${i}: number = ${i};`);
  assert.equal(strip("tests.ts", tests), first);
});

Deno.test("strip() throws for a tests source that does not parse, every time", () => {
  const broken = "export const cases = { a: () => { ;";
  for (let i = 0; i < 2; i++) {
    assert.throws(() => strip("tests.ts", broken), (e) => e instanceof LoadError);
  }
});

Deno.test("linkTests() leaves no job's context alive once the job is done (its built-in modules included)", async () => {
  // A vm.SyntheticModule kept its context alive in Deno: a host's heap grew ~190 KiB a job.
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  const tests = 'import assert from "node:assert/strict";\nimport { f } from "./solution.ts";\n' +
    "export const cases = { a: () => assert.equal(f(), 1) };";
  const refs: WeakRef<object>[] = [];
  for (let i = 0; i < 20; i++) {
    const { context, api, token } = jobContext(["a"], 1000);
    const m = await linkTests(
      context,
      { "tests.ts": tests, "solution.ts": "export const f = () => 1;" },
      api.modules(token),
    );
    m.evaluate();
    assert.equal(m.status, "evaluated");
    refs.push(new WeakRef(context));
  }
  // Let the last job's context go too, then collect.
  jobContext(["a"], 1000);
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();
  const alive = refs.filter((r) => r.deref() !== undefined).length;
  assert(alive <= 2, `${alive} of 20 contexts are still alive`);
});
