import assert from "node:assert/strict";
import { blockImports } from "../../lib/score/blocked_imports.ts";
import { parseCheckOutput } from "../../lib/score/check_output.ts";
import { syntaxProblem } from "../../lib/score/syntax_problem.ts";
import { typecheckBatch } from "../../lib/score/typecheck.ts";

const TESTS = `import assert from "node:assert/strict";
import { add } from "./solution.ts";
export const cases = { adds: () => assert.equal(add(1, 2), 3) };
`;
const sample = (id: string, code: string, testsSource = TESTS) => ({ id, code, testsSource });

const IMPORTS = [
  'import _ from "lodash";',
  'import { z } from "npm:zod";',
  'import secret from "/etc/passwd";',
  'import * as fs from "node:fs";',
  "export async function add(a: number, b: number) {",
  '  const remote = await import("https://example.com/x.ts");',
  "  return _.add(a, b) + z + secret + fs.constants.F_OK + remote;",
  "}",
].join("\n");

// One batch for the tests below: each `deno check` costs seconds, whatever its size.
let shared: ReturnType<typeof typecheckBatch> | undefined;
const batch = () =>
  shared ??= typecheckBatch([
    sample("clean", "export function add(a: number, b: number) { return a + b; }"),
    sample("unexported", "function add(a: number, b: number) { return a + b; }"),
    sample("halluc", "export function add(a: number, b: number) {\n  return Math.addAll(a, b);\n}"),
    sample("renamed", "export function sum(a: number, b: number) { return a + b; }"),
    sample("arity", "export function add(a: number) { return a; }"),
    sample("unknown", "export function add(a: number, b: number) { return foo(a) + b; }"),
    sample("cut", "export function add(a: number, b: number) {\n  return a +"),
    sample("prose", "I'm sorry, I can't help with that."),
    sample("next", "export const add = (a: number, b: number): string => a + b;"),
    sample("imports", IMPORTS),
  ]);

Deno.test("typecheckBatch() maps each diagnostic back to its sample and file", async () => {
  const found = await batch();
  assert.deepEqual(found.get("clean"), []);
  assert.deepEqual(found.get("unexported"), [], "the entry is exported as in the sandbox");
  assert.deepEqual(found.get("halluc"), [{
    code: 2339,
    message: "Property 'addAll' does not exist on type 'Math'.",
    line: 2,
    column: 15,
    file: "solution",
  }]);
  const renamed = found.get("renamed")!;
  assert.deepEqual(renamed.map((d) => [d.code, d.file, d.line]), [[2305, "tests", 2]]);
  assert.match(renamed[0].message, /^Module '"\.\/solution\.ts"' has no exported member 'add'/);
  assert.deepEqual(found.get("arity")!.map((d) => [d.code, d.file]), [[2554, "tests"]]);
  assert.deepEqual(found.get("unknown")!.map((d) => d.code), [2304]);
});

Deno.test("typecheckBatch() reports a file that does not parse without stopping the batch", async () => {
  const found = await batch();
  assert.deepEqual(found.get("cut")!.map((d) => [d.code, d.line, d.file]), [[1109, 2, "solution"]]);
  assert.equal(found.get("prose")![0].code, 1005);
  assert.deepEqual(found.get("next")!.map((d) => d.code), [2322]);
});

Deno.test("typecheckBatch() redirects npm, remote and absolute imports and reports TS2307", async () => {
  const found = (await batch()).get("imports")!;
  assert.deepEqual(
    found.map((d) => [d.code, d.line, d.message]),
    [
      [2307, 1, "Cannot find module 'lodash' (not available in the sandbox)."],
      [2307, 2, "Cannot find module 'npm:zod' (not available in the sandbox)."],
      [2307, 3, "Cannot find module '/etc/passwd' (not available in the sandbox)."],
      [2307, 6, "Cannot find module 'https://example.com/x.ts' (not available in the sandbox)."],
    ],
  );
  assert.ok(found.every((d) => !d.message.includes("root:")), "never reads the file");
});

Deno.test("typecheckBatch() checks strictly only when asked", async () => {
  const loose = sample("loose", "export function add(a, b) { return a + b; }");
  const [lax, strictly] = await Promise.all([
    typecheckBatch([loose]),
    typecheckBatch([loose], { strict: true }),
  ]);
  assert.deepEqual(lax.get("loose"), []);
  const strict = strictly.get("loose")!;
  assert.deepEqual(strict.map((d) => d.code), [7006, 7006]);
});

Deno.test("typecheckBatch() throws on duplicate ids and on tests that do not parse", async () => {
  await assert.rejects(
    () => typecheckBatch([sample("a", "x"), sample("a", "y")]),
    /^RangeError: Cannot type-check "a": duplicate sample id$/,
  );
  await assert.rejects(
    () => typecheckBatch([sample("b", "export const add = 1;", "export const cases = {")]),
    /Cannot type-check "b": the tests do not parse/,
  );
  assert.deepEqual(await typecheckBatch([]), new Map());
});

Deno.test("syntaxProblem() names the parser error with a TS1xxx code and its position", () => {
  assert.equal(syntaxProblem("enum E { A }\nexport const x = E.A;"), null);
  assert.deepEqual(syntaxProblem("const s = 'abc;\n"), {
    code: 1002,
    message: "Unterminated string constant",
    line: 1,
    column: 11,
  });
});

Deno.test("blockImports() leaves strings, comments and allowed specifiers alone", () => {
  const source = [
    'import { add } from "./solution.ts";',
    'const note = "copied from " + "x"; // import y from "z"',
    '/// <reference path="/etc/hosts" />',
    'const other = require("fs");',
  ].join("\n");
  const { source: out, blocked } = blockImports(source, { allow: ["./solution.ts"] });
  assert.deepEqual(out.split("\n"), [
    'import { add } from "./solution.ts";',
    'const note = "copied from " + "x"; // import y from "z"',
    " ".repeat(35),
    'const other = require("../__missing__.ts");',
  ]);
  assert.deepEqual(blocked, [{ specifier: "fs", line: 4, column: 23 }]);
});

Deno.test("parseCheckOutput() reads coloured diagnostics and module-graph errors", () => {
  const text = [
    "\x1b[0m\x1b[1mTS2304 \x1b[0m[ERROR]: Cannot find name 'foo'.",
    "export const x = foo;",
    "                 ~~~",
    "    at \x1b[0m\x1b[36mfile:///tmp/b/s1/solution.ts\x1b[0m:\x1b[0m\x1b[33m1\x1b[0m:\x1b[0m\x1b[33m18\x1b[0m",
    "",
    "error: npm specifiers were requested; but --no-npm is specified",
    "    at file:///tmp/b/s2/solution.ts:2:15",
  ].join("\n");
  assert.deepEqual(parseCheckOutput(text), [
    {
      code: 2304,
      message: "Cannot find name 'foo'.",
      path: "/tmp/b/s1/solution.ts",
      line: 1,
      column: 18,
    },
    {
      code: null,
      message: "npm specifiers were requested; but --no-npm is specified",
      path: "/tmp/b/s2/solution.ts",
      line: 2,
      column: 15,
    },
  ]);
});
