import assert from "node:assert/strict";
import { LoadError } from "../../../lib/sandbox/inside/host_errors.ts";
import { strip } from "../../../lib/sandbox/inside/job_modules.ts";

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
