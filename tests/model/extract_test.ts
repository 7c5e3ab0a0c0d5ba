import assert from "node:assert/strict";
import { extractCode } from "../../lib/model/extract.ts";

Deno.test("extractCode() takes the fenced TypeScript block", () => {
  const text =
    "Here you go:\n```typescript\nexport function f() { return 1; }\n```\nHope it helps.";
  assert.equal(extractCode(text), "export function f() { return 1; }\n");
});

Deno.test("extractCode() prefers the block that defines the entry point over a longer usage example", () => {
  const text = "```ts\nexport function add(a: number, b: number) { return a + b; }\n```\nUsage:\n" +
    "```ts\nconsole.log(1); console.log(2); console.log(3); console.log(4); console.log(5);\n```";
  assert.match(extractCode(text, "add")!, /function add/);
});

Deno.test("extractCode() ignores blocks in other languages", () => {
  assert.equal(extractCode("```bash\nnpm i\n```\n```js\nconst x = 1;\n```"), "const x = 1;\n");
});

Deno.test("extractCode() keeps an unterminated (truncated) fence", () => {
  assert.equal(
    extractCode("```ts\nexport function f() {\n  return"),
    "export function f() {\n  return",
  );
});

Deno.test("extractCode() accepts raw code without fences", () => {
  assert.equal(extractCode("export const f = () => 1;"), "export const f = () => 1;\n");
});

Deno.test("extractCode() returns null for a refusal or prose", () => {
  assert.equal(extractCode("I'm sorry, but I can't help with that request."), null);
  assert.equal(extractCode(""), null);
  assert.equal(extractCode("```ts\n\n```"), null);
});

Deno.test("extractCode() does not mistake prose that mentions a function for code", () => {
  assert.equal(extractCode("This function returns the sum; the class of problems is easy."), null);
});

Deno.test("extractCode() takes the first block that declares the entry, not a longer one that only calls it", () => {
  const text =
    "```js\nfunction factorial(n) {\n  return n <= 1 ? 1 : n * factorial(n - 1);\n}\n```\n" +
    "Usage:\n```js\nconsole.log(factorial(5)); // 120\nconsole.log(factorial(0)); // 1\nconsole.log(factorial(10));\n```";
  assert.match(extractCode(text, "factorial")!, /^function factorial/);
});

Deno.test("extractCode() takes the first of two versions that both declare the entry, as benchmark harnesses do", () => {
  const text = "```js\nfunction fib(n) {\n  return n < 2 ? n : fib(n - 1) + fib(n - 2);\n}\n```\n" +
    "A faster version:\n```js\nfunction fib(n, memo = {}) {\n  if (n in memo) return memo[n];\n  return (memo[n] = n < 2 ? n : fib(n - 1, memo) + fib(n - 2, memo));\n}\n```";
  assert.match(extractCode(text, "fib")!, /^function fib\(n\) \{/);
  // Declarations by assignment count too.
  const arrow = "```js\nfib(3);\n```\n```js\nconst fib = (n) => n;\n```";
  assert.equal(extractCode(arrow, "fib"), "const fib = (n) => n;\n");
});
