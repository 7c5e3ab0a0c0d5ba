import assert from "node:assert/strict";
import { strictReason } from "../../lib/sandbox/pool_route.ts";

const job = (code: string, testsSource: string) => ({
  code,
  testsSource,
  cases: [],
  entry: "f",
});

Deno.test("strictReason() reads a task's tests once and still each sample's own code", () => {
  const tests = 'import assert from "node:assert";\nexport const cases = {};';
  assert.equal(strictReason(job("export const f = 1;", tests)), null);
  // Same tests (their reason remembered), other code: the code's own reason.
  assert.equal(strictReason(job("export const f = () => Deno.pid;", tests)), "uses Deno");
  assert.equal(strictReason(job("export const f = 2;", tests)), null);
  const fetching = `${tests}\nfetch("x");`;
  assert.equal(strictReason(job("export const f = 1;", fetching)), "uses fetch");
  assert.equal(strictReason(job("export const f = 1;", fetching)), "uses fetch");
  // The code comes first, as before.
  assert.equal(strictReason(job('import "node:fs";', fetching)), 'imports "node:fs"');
});

Deno.test("strictReason() gives the same reasons past its memory of tests sources", () => {
  for (let i = 0; i < 1100; i++) {
    const tests = `export const cases = {}; const n${i} = ${i};${i % 7 === 0 ? " Deno;" : ""}`;
    assert.equal(strictReason(job("export const f = 1;", tests)), i % 7 === 0 ? "uses Deno" : null);
  }
});

Deno.test("strictReason() finds a global named through an escape, which stripping decodes", () => {
  const tests = "export const cases = {};";
  assert.equal(strictReason(job("export const f = () => \\u0044eno.pid;", tests)), "uses Deno");
  assert.equal(strictReason(job("export const f = () => globalThis.fetch;", tests)), "uses fetch");
  // A property or a type of the same name is not the global.
  assert.equal(strictReason(job("export const f = (o: { fetch: 1 }) => o.fetch;", tests)), null);
  assert.equal(strictReason(job("export const f = () => 1; // no process here", tests)), null);
});
