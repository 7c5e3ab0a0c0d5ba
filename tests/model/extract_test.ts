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
