import assert from "node:assert/strict";
import vm from "node:vm";
import { HOST } from "../../../lib/sandbox/inside/host_bridge.ts";
import { jobContext, prepareContext } from "../../../lib/sandbox/inside/job_context.ts";

Deno.test("jobContext() takes the context prepareContext() made, once, for the same output cap", () => {
  prepareContext(1000);
  // What a job left in its context is not in the next one's.
  const first = jobContext(["a"], 1000);
  vm.runInContext("globalThis.left = 1; Array.prototype.push = null;", first.context);
  prepareContext(1000);
  const second = jobContext(["a"], 1000);
  assert.notEqual(second.context, first.context);
  assert.notEqual(second.token, first.token);
  assert.equal(vm.runInContext("typeof left", second.context), "undefined");
  assert.equal(vm.runInContext("typeof [].push", second.context), "function");
  // Used once: the next job without a prepared context gets a new one.
  const third = jobContext(["a"], 1000);
  assert.notEqual(third.context, second.context);
});

Deno.test("jobContext() does not take a context prepared for another output cap", () => {
  prepareContext(10);
  const ctx = jobContext(["a"], 1000);
  // 10 bytes would be passed by this line; 1000 are not.
  vm.runInContext('console.log("0123456789abcdef")', ctx.context);
  assert.equal(ctx.api.outBytes(ctx.token), 18);
  prepareContext(1000);
  const again = jobContext(["a"], 10);
  vm.runInContext('console.log("0123")', again.context);
  assert.equal(again.api.outBytes(again.token), 6);
});

Deno.test("jobContext() watches the built-ins of the prepared context it hands out", () => {
  prepareContext(1000);
  const ctx = jobContext(["a"], 1000);
  assert.equal(HOST.tampered(), "");
  vm.runInContext("Array.prototype.includes = () => true;", ctx.context);
  assert.match(HOST.tampered(), /changed the built-in Array\.prototype\.includes/);
  // The next job's context is watched afresh.
  prepareContext(1000);
  jobContext(["a"], 1000);
  assert.equal(HOST.tampered(), "");
});
