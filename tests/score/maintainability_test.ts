import assert from "node:assert/strict";
import { maintainability } from "../../lib/score/maintainability.ts";

Deno.test("maintainability() counts metrics and lint findings per program", async () => {
  const found = await maintainability([
    {
      id: "loose",
      code:
        "export function f(x: any) {\n  var y = x;\n  if (y && y.z) {\n    return 1;\n  }\n  return 0;\n}\n",
    },
    { id: "tight", code: "export const f = (x: number): number => x + 1;\n" },
  ]);
  const loose = found.get("loose")!;
  assert.deepEqual(
    [loose.lines, loose.complexity, loose.maxNesting, loose.anyCount, loose.lintFindings],
    [7, 3, 1, 1, 1],
  );
  assert.deepEqual(loose.lintRules, { "no-var": 1 });
  assert.deepEqual(found.get("tight")!.lintRules, {});
  assert.equal(found.get("tight")!.lintFindings, 0);
});

Deno.test("maintainability() treats unexported top-level declarations as used", async () => {
  const found = await maintainability([
    { id: "a", code: "function add(a: number, b: number) {\n  return a + b;\n}\n" },
  ]);
  assert.equal(found.get("a")!.lintFindings, 0);
});

Deno.test("maintainability() with lint off reports null findings", async () => {
  const found = await maintainability([{ id: "a", code: "var x = 1;" }], { lint: false });
  assert.equal(found.get("a")!.lintFindings, null);
  assert.deepEqual(found.get("a")!.lintRules, {});
});

Deno.test("maintainability() measures identical programs once and gives each id its row", async () => {
  const code = "export function f() {\n  var x = 1;\n  return x;\n}\n";
  const samples = Array.from({ length: 50 }, (_, i) => ({ id: `s${i}`, code }));
  const found = await maintainability(samples);
  assert.equal(found.size, 50);
  assert(samples.every((s) => found.get(s.id)!.lintRules["no-var"] === 1));
});

Deno.test("maintainability() of 300 distinct programs costs one lint run (timing printed)", async () => {
  const samples = Array.from({ length: 300 }, (_, i) => ({
    id: `s${i}`,
    code:
      `export function f${i}(xs: number[]) {\n  let t = ${i};\n  for (const x of xs) {\n    if (x > ${i}) t += x;\n  }\n  return t;\n}\n`,
  }));
  const started = performance.now();
  const found = await maintainability(samples);
  const ms = performance.now() - started;
  console.log(
    `maintainability(): 300 programs in ${ms.toFixed(0)} ms (${(ms / 300).toFixed(2)} ms each)`,
  );
  assert.equal(found.size, 300);
  assert(samples.every((s) => found.get(s.id)!.complexity === 3));
  assert(samples.every((s) => found.get(s.id)!.lintFindings === 0));
});
