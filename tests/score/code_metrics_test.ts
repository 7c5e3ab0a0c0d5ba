import assert from "node:assert/strict";
import { codeMetrics } from "../../lib/score/code_metrics.ts";

Deno.test("codeMetrics() counts lines with tokens, not blank or comment-only lines", () => {
  const m = codeMetrics([
    "/**",
    " * A doc comment.",
    " */",
    "export const s = `a",
    "",
    "b`; // trailing comment",
    "",
    "// only a comment",
    "export const t = 1;",
  ].join("\n"));
  // The template literal spans three lines (its blank middle line included).
  assert.equal(m.lines, 4);
});

Deno.test("codeMetrics() adds 1 + each decision point per function", () => {
  const m = codeMetrics(`
export function f(xs: number[], y?: number) {
  for (const x of xs) {
    if (x > 0 && x < 10 || x === 42) return x ?? 0;
  }
  while (false) {}
  do {} while (false);
  for (let i = 0; i < 1; i++) {}
  for (const k in {}) {}
  try { JSON.parse(""); } catch { return -1; }
  switch (y) { case 1: return 1; case 2: return 2; default: return y ? 3 : 4; }
}
export const g = () => 1;
`);
  // f: 1 + for-of + if + && + || + ?? + while + do + for + for-in + catch + 2 cases + ?: = 14
  assert.deepEqual([m.functions, m.complexity, m.maxComplexity], [2, 15, 14]);
});

Deno.test("codeMetrics() gives a nested function's decisions to that function only", () => {
  const m = codeMetrics(
    "export function outer(xs: number[]) {\n  if (xs.length === 0) return [];\n  return xs.map((x) => x > 0 ? x : -x);\n}\n",
  );
  assert.deepEqual([m.functions, m.complexity, m.maxComplexity], [2, 4, 2]);
});

Deno.test("codeMetrics() counts top-level decisions as one more unit", () => {
  const m = codeMetrics(
    "const debug = Deno.args.length > 0 || false;\nexport const x = debug ? 1 : 2;\n",
  );
  assert.deepEqual([m.functions, m.complexity, m.maxComplexity], [0, 3, 3]);
  assert.deepEqual(codeMetrics("export const x = 1;").maxComplexity, 0);
});

Deno.test("codeMetrics() measures nesting like max-depth: else-if stays level, functions reset", () => {
  const m = codeMetrics(`
export function f(a: number) {
  if (a > 1) {
    for (;;) {
      while (a--) {
        try { a++; } catch { break; }
      }
    }
  } else if (a > 0) {
    return 1;
  } else if (a < 0) {
    return 2;
  }
  return [1].map((x) => { if (x) { return x; } return 0; });
}
`);
  assert.equal(m.maxNesting, 4); // if > for > while > try
  const chain = codeMetrics(
    "export function g(a: number) {\n  if (a === 1) return 1;\n  else if (a === 2) return 2;\n  else if (a === 3) { if (a) return 3; }\n  return 0;\n}\n",
  );
  assert.equal(chain.maxNesting, 2);
});

Deno.test("codeMetrics() counts explicit any in every type position", () => {
  const m = codeMetrics(
    "export function f(a: any, b: any[]): Array<any> {\n  return [a as any, b] as unknown as any[];\n}\n",
  );
  assert.equal(m.anyCount, 5);
  assert.equal(codeMetrics("export const f = (a: unknown) => a;").anyCount, 0);
});

Deno.test("codeMetrics() reports parse errors and still measures what parsed", () => {
  const m = codeMetrics("export function f(x: number) {\n  if (x) { return 1;\n");
  assert.ok(m.syntaxErrors > 0);
  assert.equal(m.maxNesting, 1);
  assert.equal(codeMetrics("export const ok = 1;").syntaxErrors, 0);
});

Deno.test("codeMetrics() lists top-level declarations that are not exported", () => {
  const m = codeMetrics(
    "function helper() {}\nconst a = 1, b = 2;\nclass K {}\nexport function main() {}\nexport { b };\n",
  );
  assert.deepEqual(m.unexported, ["helper", "a", "K"]);
});

Deno.test("codeMetrics() parses JavaScript when asked", () => {
  const m = codeMetrics("export function f(x) { return x && x.y; }", { language: "js" });
  assert.deepEqual([m.syntaxErrors, m.complexity], [0, 2]);
});
