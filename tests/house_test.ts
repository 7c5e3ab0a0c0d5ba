/**
 * The house rules (DESIGN.md "Layout", issue 13), read from the source: no import cycle in lib/,
 * the never-list of imports between parts, and no file over 400 lines (median under 150).
 */
import assert from "node:assert/strict";
import { dirname, join, normalize, relative } from "node:path";
import { ROOT } from "./_helpers.ts";

const LIB = join(ROOT, "lib");

/** Every .ts file under `dir`, as paths relative to lib/. */
function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of Deno.readDirSync(dir)) {
    const path = join(dir, e.name);
    if (e.isDirectory) out.push(...tsFiles(path));
    else if (e.name.endsWith(".ts")) out.push(relative(LIB, path));
  }
  return out.sort();
}

/** The relative modules a file imports (static, re-exports and literal dynamic imports), comments dropped. */
function importsOf(file: string): string[] {
  const source = Deno.readTextFileSync(join(LIB, file))
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
  const specs = [
    ...source.matchAll(/(?:import|export)\s[^;]*?from\s*"([^"]+)"/g),
    ...source.matchAll(/import\(\s*"([^"]+)"\s*\)/g),
    ...source.matchAll(/new URL\("(\.[^"]+\.ts)", import\.meta\.url\)/g),
  ].map((m) => m[1]);
  return specs.filter((s) => s.startsWith(".")).map((s) => normalize(join(dirname(file), s)));
}

/** The import graph of lib/: file → files it imports. */
export function libGraph(): Map<string, string[]> {
  return new Map(tsFiles(LIB).map((f) => [f, importsOf(f)]));
}

/** Every cycle found by a depth-first search (each as the files on it). */
export function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, "open");
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === "open") found.push(stack.slice(stack.indexOf(g)).concat(g));
      else if (!state.has(g) && graph.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, "done");
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  return found;
}

/** The never-list (DESIGN.md "Layout"): a part → the parts it must not import. */
const NEVER: [string, string[]][] = [
  ["record/", [
    "analyze/",
    "model/",
    "plot/",
    "prompt/",
    "report/",
    "run/",
    "sandbox/",
    "score/",
    "task/",
    "source/",
    "cli",
  ]],
  ["source/", [
    "analyze/",
    "model/",
    "plot/",
    "prompt/",
    "report/",
    "run/",
    "sandbox/",
    "score/",
    "task/",
    "cli",
  ]],
  ["sandbox/", [
    "run/",
    "model/",
    "score/",
    "analyze/",
    "plot/",
    "report/",
    "task/importers/",
    "cli",
  ]],
  ["task/", ["run/", "sandbox/", "model/", "analyze/", "plot/", "report/", "cli"]],
  ["score/", ["model/", "run/", "analyze/", "plot/", "report/", "cli"]],
  ["analyze/", ["run/", "plot/", "report/", "cli"]],
  ["plot/", ["run/", "report/", "cli"]],
];

/** Every import that breaks the never-list, as `from → to`. */
export function neverListBreaks(graph: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const [from, tos] of graph) {
    for (const [part, forbidden] of NEVER) {
      if (!from.startsWith(part)) continue;
      for (const to of tos) {
        if (forbidden.some((f) => to.startsWith(f))) out.push(`${from} → ${to}`);
      }
    }
  }
  return out;
}

if (import.meta.main) {
  // `deno run -A tests/house_test.ts`: the measurements, for a closing note.
  const graph = libGraph();
  const sizes = [...graph.keys()].map((f) => Deno.readTextFileSync(join(LIB, f)).split("\n").length)
    .sort((a, b) => a - b);
  const q = (p: number) => sizes[Math.min(sizes.length - 1, Math.floor(p * sizes.length))];
  console.log(`files ${sizes.length}; lines median ${q(0.5)}, p90 ${q(0.9)}, max ${sizes.at(-1)}`);
  console.log(`over 400 lines: ${sizes.filter((n) => n > 400).length}`);
  const c = cycles(graph);
  console.log(
    `cycles ${c.length}${c.length ? ":\n  " + c.map((x) => x.join(" → ")).join("\n  ") : ""}`,
  );
  const b = neverListBreaks(graph);
  console.log(`never-list breaks ${b.length}${b.length ? ":\n  " + b.join("\n  ") : ""}`);
}

Deno.test("lib/ has no import cycle", () => {
  assert.deepEqual(cycles(libGraph()).map((c) => c.join(" → ")), []);
});

Deno.test("lib/ keeps the never-list: record and source at the bottom, the sandbox a leaf, analysis reads records", () => {
  assert.deepEqual(neverListBreaks(libGraph()), []);
});

Deno.test("lib/ has no file over 400 lines and a median under 150", () => {
  const sizes = [...libGraph().keys()].map((f) => ({
    f,
    n: Deno.readTextFileSync(join(LIB, f)).split("\n").length,
  }));
  assert.deepEqual(sizes.filter((s) => s.n > 400).map((s) => `${s.f}: ${s.n}`), []);
  const sorted = sizes.map((s) => s.n).sort((a, b) => a - b);
  assert.ok(sorted[Math.floor(sorted.length / 2)] < 150);
});

Deno.test("cycles() finds a cycle and neverListBreaks() a forbidden import", () => {
  const graph = new Map([["a.ts", ["b.ts"]], ["b.ts", ["a.ts"]], ["sandbox/x.ts", ["run/y.ts"]]]);
  assert.deepEqual(cycles(graph), [["a.ts", "b.ts", "a.ts"]]);
  assert.deepEqual(neverListBreaks(graph), ["sandbox/x.ts → run/y.ts"]);
});
