import assert from "node:assert/strict";
import { extractCode } from "../../lib/model/extract.ts";
import { mutate, type MutationName, MUTATIONS } from "../../lib/model/mutate.ts";
import type { CaseVerdict } from "../../lib/record/case_verdict.ts";
import { confusionTable } from "../../lib/score/confusion_table.ts";
import { classifyFailure, type FailureInput } from "../../lib/score/taxonomy.ts";
import { FailureCategory, FailureClassification } from "../../lib/record/failure.ts";
import type { Diagnostic } from "../../lib/record/diagnostic.ts";
import { LABELLED } from "./taxonomy_cases/labelled.ts";
import { evaluatePrograms, loadFixtureTasks, type Program } from "./taxonomy_cases/run_cases.ts";

type Case = Pick<CaseVerdict, "name" | "kind" | "status" | "message">;
const pass = (name: string, kind: "core" | "edge" = "core"): Case => ({
  name,
  kind,
  status: "pass",
  message: "",
});
const fail = (name: string, kind: "core" | "edge", message = "AssertionError: 1 !== 2"): Case => ({
  name,
  kind,
  status: "fail",
  message,
});
const error = (name: string, kind: "core" | "edge", message: string): Case => ({
  name,
  kind,
  status: "error",
  message,
});
const missing = (name: string, kind: "core" | "edge", message: string): Case => ({
  name,
  kind,
  status: "missing",
  message,
});
const CODE = "export function add(a: number, b: number): number {\n  return a + b;\n}\n";
const input = (over: Partial<FailureInput>): FailureInput => ({
  code: CODE,
  outcome: "completed",
  detail: "",
  cases: [pass("adds"), pass("negatives", "edge")],
  stderr: "",
  entry: "add",
  ...over,
});
const diag = (over: Partial<Diagnostic>): Diagnostic => ({
  code: 2339,
  message: "",
  line: 1,
  column: 1,
  file: "solution",
  ...over,
});
const loadError = (detail: string, code = CODE) =>
  input({
    code,
    outcome: "load_error",
    detail,
    cases: [missing("adds", "core", `load_error: ${detail}`)],
  });
const category = (i: FailureInput, strict = false) =>
  classifyFailure(i, { strict })?.category ?? null;

// ── one rule at a time ───────────────────────────────────────────────────────

Deno.test("classifyFailure() returns null when every case passed", () => {
  assert.equal(classifyFailure(input({})), null);
});

Deno.test("classifyFailure() calls null or empty code no_code", () => {
  assert.equal(category(input({ code: null, outcome: "no_code", cases: [] })), "no_code");
  assert.equal(category(loadError("SyntaxError: x", "  \n")), "no_code");
});

Deno.test("classifyFailure() calls a refusal that cannot load no_code, with syntax secondary", () => {
  const refusal = "I'm sorry, but I can't help with writing that function.";
  const result = classifyFailure(
    loadError("TypeError: SyntaxError: Expected ';', '}' or <eof>\n  |\n1 | I'm sorry", refusal),
  );
  assert.equal(result?.category, "no_code");
  assert.deepEqual(result?.secondary, ["syntax"]);
});

Deno.test("classifyFailure() calls a parser load error syntax", () => {
  const detail =
    "TypeError: SyntaxError: Expected '}', got '<eof>'\n  |\n1 | export function add(\n    at file:///tmp/assay-job-1a2b/solution.ts:1:58";
  const result = classifyFailure(loadError(detail, "export function add(a, b) { return a + b;"));
  assert.equal(result?.category, "syntax");
  assert.match(result!.evidence[0].text, /Expected '}', got '<eof>'.*\.\/solution\.ts:1:58/);
  assert.doesNotMatch(result!.evidence[0].text, /assay-job/);
  const early = loadError(
    "SyntaxError: Identifier 'x' has already been declared at file:///j/solution.ts:1:16",
  );
  assert.equal(category(early), "syntax");
});

Deno.test("classifyFailure() calls the sandbox's clean syntax error syntax, with that evidence (finding 7)", () => {
  const detail = "SyntaxError: Unexpected end of input at line 38:59";
  const result = classifyFailure(loadError(detail, "class Ledger {\n  total() {\n"));
  assert.equal(result?.category, "syntax");
  assert.equal(
    result!.evidence[0].text,
    "the parser rejected the code: SyntaxError: Unexpected end of input at line 38:59",
  );
  const early = loadError("SyntaxError: Identifier 'x' has already been declared at line 2:7");
  assert.equal(category(early), "syntax");
  // A module's own JSON.parse at load is a crash, not the parser.
  assert.equal(
    category(loadError("SyntaxError: Unexpected token } in JSON at position 5")),
    "crash",
  );
});

Deno.test("classifyFailure() calls an entry defined only in an inner scope wrong_interface", () => {
  const detail =
    "SyntaxError: Export 'add' is not defined in module, in the export { add } the harness added after the answer's last line";
  const result = classifyFailure(loadError(detail, "function make() {\n  const add = 1;\n}\n"));
  assert.equal(result?.category, "wrong_interface");
  assert.match(result!.evidence[0].text, /"add" is not defined at the top level/);
});

Deno.test("classifyFailure() counts a TS1xxx diagnostic as syntax only for a failed load or in strict mode", () => {
  const d = diag({
    code: 1016,
    message: "A required parameter cannot follow an optional parameter.",
  });
  assert.equal(category(input({ diagnostics: [d] })), null);
  assert.equal(category(input({ diagnostics: [d] }), true), "syntax");
  assert.equal(category(loadError("Error: boom", CODE)), "crash");
  assert.equal(category({ ...loadError("Error: boom"), diagnostics: [d] }), "syntax");
});

Deno.test("classifyFailure() calls a missing export of the entry wrong_interface", () => {
  const detail =
    "SyntaxError: The requested module './solution.ts' does not provide an export named 'add' at file:///j/tests.ts:2:10";
  const result = classifyFailure(loadError(detail, "export function sum(a: number, b: number) {}"));
  assert.equal(result?.category, "wrong_interface");
  assert.match(result!.evidence[0].text, /does not export "add"/);
});

Deno.test("classifyFailure() calls an entry that is not callable wrong_interface", () => {
  const cases = [error("adds", "core", "TypeError: add is not a function")];
  assert.equal(category(input({ code: "export const add = 5;", cases })), "wrong_interface");
  const asClass = [
    error("adds", "core", "TypeError: Class constructor add cannot be invoked without 'new'"),
  ];
  assert.equal(category(input({ code: "export class add {}", cases: asClass })), "wrong_interface");
});

Deno.test("classifyFailure() calls a method the tests call but the code never defines wrong_interface", () => {
  const code = "export class Stack { items = []; undoLast() { return false; } }";
  const cases = [error("undo", "core", "TypeError: stack.undo is not a function")];
  const testsSource =
    'import { Stack } from "./solution.ts";\nexport const cases = { undo: () => new Stack().undo() };';
  assert.equal(category(input({ code, cases, entry: "Stack", testsSource })), "wrong_interface");
});

Deno.test("classifyFailure() calls TS2554 or TS2305 in the tests wrong_interface", () => {
  const cases = [fail("adds", "core")];
  const arity = diag({ code: 2554, message: "Expected 1 arguments, but got 2.", file: "tests" });
  assert.equal(category(input({ cases, diagnostics: [arity] })), "wrong_interface");
  const missingExport = diag({
    code: 2305,
    message: "Module has no exported member 'add'.",
    file: "tests",
  });
  assert.equal(category(input({ cases, diagnostics: [missingExport] })), "wrong_interface");
});

Deno.test("classifyFailure() calls a ReferenceError on a non-local name hallucinated_api", () => {
  const code = "export function add(a: number, b: number) { return _.add(a, b); }";
  const cases = [error("adds", "core", "ReferenceError: _ is not defined")];
  const result = classifyFailure(input({ code, cases }));
  assert.equal(result?.category, "hallucinated_api");
  assert.match(result!.evidence[0].text, /"_" is declared nowhere.*\(in "adds"\)/);
});

Deno.test("classifyFailure() calls a stray language tag left on its own line syntax", () => {
  const code = "javascript\nfunction add(a, b) { return a + b; }";
  assert.equal(category(loadError("ReferenceError: javascript is not defined", code)), "syntax");
});

Deno.test("classifyFailure() calls a ReferenceError on a name declared in another scope crash", () => {
  const code =
    "function helper() { const total = 1; return total; }\nexport function add(a: number, b: number) { return total + a + b; }";
  const cases = [error("adds", "core", "ReferenceError: total is not defined")];
  assert.equal(category(input({ code, cases })), "crash");
});

Deno.test("classifyFailure() calls a missing method on a built-in global hallucinated_api", () => {
  const code = "export function add(a: number, b: number) { return Math.sum(a, b); }";
  const cases = [error("adds", "core", "TypeError: Math.sum is not a function")];
  assert.equal(category(input({ code, cases })), "hallucinated_api");
});

Deno.test("classifyFailure() calls a method from another language's library hallucinated_api", () => {
  const code =
    "export function add(a: number, b: number) { const xs = [a]; xs.append(b); return a + b; }";
  const cases = [error("adds", "core", "TypeError: xs.append is not a function")];
  assert.equal(category(input({ code, cases })), "hallucinated_api");
});

Deno.test("classifyFailure() calls an unknown method on a local object crash", () => {
  const code =
    'export function add(a: number, b: number) { const config = JSON.parse("{}"); config.validate(); return a + b; }';
  const cases = [error("adds", "core", "TypeError: config.validate is not a function")];
  assert.equal(category(input({ code, cases })), "crash");
  const chained = [error("adds", "core", "TypeError: JSON.parse(...).validate is not a function")];
  assert.equal(category(input({ code, cases: chained })), "crash");
});

Deno.test("classifyFailure() calls TS2339 on a built-in type hallucinated_api even when only assertions fail", () => {
  const code = "export function last(xs: number[]) { return xs[xs.size - 1]; }";
  const d = diag({
    code: 2339,
    message: "Property 'size' does not exist on type 'number[]'.",
    column: 43,
  });
  const cases = [fail("last", "core"), pass("empty", "edge")];
  const result = classifyFailure(input({ code, cases, entry: "last", diagnostics: [d] }));
  assert.equal(result?.category, "hallucinated_api");
  assert.deepEqual(result?.secondary, ["misunderstanding"]);
  assert.match(result!.evidence[0].text, /^TS2339 at solution\.ts:1:43: Property 'size'/);
});

Deno.test("classifyFailure() reads TS2551 suggestions and ignores type arguments at call sites", () => {
  const code =
    "export function tags(s: string) {\n  const seen = new Map<string, number>();\n  return s.beginsWith('#') ? [...seen.keys()] : [];\n}";
  const d = diag({
    code: 2551,
    message: "Property 'beginsWith' does not exist on type 'string'. Did you mean 'endsWith'?",
  });
  const cases = [error("tags", "core", "TypeError: s.beginsWith is not a function")];
  const result = classifyFailure(input({ code, cases, entry: "tags", diagnostics: [d] }));
  assert.equal(result?.category, "hallucinated_api");
  assert.deepEqual(result?.secondary, []);
});

Deno.test("classifyFailure() does not call TS2339 on a local type a hallucination", () => {
  const code = "interface Box { w: number }\nexport function add(b: Box) { return b.h; }";
  const d = diag({ code: 2339, message: "Property 'h' does not exist on type 'Box'." });
  const cases = [fail("a", "core"), pass("b"), pass("c")];
  assert.equal(category(input({ code, cases, diagnostics: [d] })), "partial");
  assert.equal(category(input({ code, cases: [pass("a")], diagnostics: [d] }), true), "crash");
});

Deno.test("classifyFailure() calls a module that cannot be found hallucinated_api", () => {
  const detail = 'TypeError: Import "lodash" not a dependency\n    at file:///j/solution.ts:1:15';
  assert.equal(category(loadError(detail, 'import _ from "lodash";\n' + CODE)), "hallucinated_api");
  const d = diag({ code: 2307, message: "Cannot find module 'lodash'." });
  assert.equal(category({ ...loadError(detail), diagnostics: [d] }), "hallucinated_api");
});

Deno.test("classifyFailure() calls a run killed by the clock timeout", () => {
  const cases = [pass("adds"), missing("negatives", "edge", "timeout: exceeded 2000 ms")];
  const result = classifyFailure(input({ outcome: "timeout", detail: "exceeded 2000 ms", cases }));
  assert.equal(result?.category, "timeout");
  assert.equal(result?.evidence[0].source, "sandbox");
  // Every case reported before the kill: the case errors decide, the timeout only when none.
  const slow = [
    error("adds", "core", "RangeError: Maximum call stack size exceeded"),
    pass("b", "edge"),
  ];
  assert.equal(category(input({ outcome: "timeout", detail: "x", cases: slow })), "resource");
  assert.equal(category(input({ outcome: "timeout", detail: "x" })), "timeout");
});

Deno.test("classifyFailure() calls output, memory and stack limits resource", () => {
  const cut = [missing("adds", "core", "output_limit")];
  assert.equal(category(input({ outcome: "output_limit", detail: "cap", cases: cut })), "resource");
  assert.equal(
    category(input({ outcome: "memory_limit", detail: "heap", cases: cut })),
    "resource",
  );
  const stack = [error("adds", "core", "RangeError: Maximum call stack size exceeded")];
  assert.equal(category(input({ cases: stack })), "resource");
  const buffer = [error("adds", "core", "RangeError: Array buffer allocation failed")];
  assert.equal(category(input({ cases: buffer })), "resource");
});

Deno.test("classifyFailure() calls native runtime errors, early exits and throws at load crash", () => {
  const native = [
    error("adds", "core", "TypeError: Cannot read properties of undefined (reading 'x')"),
  ];
  assert.equal(category(input({ cases: native })), "crash");
  const exited = [pass("adds"), missing("negatives", "edge", "exited")];
  assert.equal(
    category(input({ outcome: "exited", detail: "the process exited with code 1", cases: exited })),
    "crash",
  );
  assert.equal(category(loadError("Error: at load")), "crash");
});

Deno.test("classifyFailure() counts a deliberate throw as wrong behaviour, not a crash", () => {
  const cases = [pass("adds"), error("rejects", "edge", "Error: invalid size")];
  assert.equal(category(input({ cases })), "boundary");
});

Deno.test("classifyFailure() reads the error inside an assert.throws() class mismatch", () => {
  const wrapped =
    'AssertionError: The error is expected to be an instance of "SyntaxError". Received "TypeError"\n\nError message:\n\n';
  const native = [
    pass("a"),
    fail("b", "edge", `${wrapped}Cannot read properties of null (reading '2')`),
  ];
  assert.equal(category(input({ cases: native })), "crash");
  const own = [pass("a"), fail("b", "edge", `${wrapped}size must be positive`)];
  assert.equal(category(input({ cases: own })), "boundary");
});

Deno.test("classifyFailure() calls edge-only failures boundary, most core failures misunderstanding, fewer partial", () => {
  assert.equal(category(input({ cases: [pass("a"), pass("b"), fail("e", "edge")] })), "boundary");
  const most = [fail("a", "core"), fail("b", "core"), pass("c"), pass("d"), pass("e", "edge")];
  assert.equal(category(input({ cases: most })), "partial"); // exactly half: not "most"
  most[3] = fail("d", "core");
  assert.equal(category(input({ cases: most })), "misunderstanding");
  const few = [fail("a", "core"), pass("b"), pass("c"), fail("e", "edge")];
  const result = classifyFailure(input({ cases: few }));
  assert.equal(result?.category, "partial");
  assert.match(
    result!.evidence[0].text,
    /1 of 3 core case\(s\) fail without crashing: "a"; edge: "e"/,
  );
});

Deno.test("classifyFailure() fails a passing sample on a type error only in strict mode", () => {
  const d = diag({ code: 2322, message: "Type 'string' is not assignable to type 'number'." });
  assert.equal(classifyFailure(input({ diagnostics: [d] })), null);
  const strict = classifyFailure(input({ diagnostics: [d] }), { strict: true });
  assert.equal(strict?.category, "crash");
  assert.equal(strict?.evidence[0].source, "typecheck");
  const tests = diag({
    code: 2345,
    message: "Argument of type 'number' is not assignable.",
    file: "tests",
  });
  assert.equal(category(input({ diagnostics: [tests] }), true), "wrong_interface");
});

Deno.test("classifyFailure() orders secondary labels by precedence and keeps evidence for each", () => {
  const code = "export function add(a: number, b: number) { return lodash.add(a, b); }";
  const cases = [
    error("a", "core", "ReferenceError: lodash is not defined"),
    error("b", "core", "TypeError: Cannot read properties of undefined (reading 'x')"),
    fail("c", "edge"),
  ];
  const result = classifyFailure(input({ code, cases }))!;
  assert.equal(result.category, "hallucinated_api");
  assert.deepEqual(result.secondary, ["crash", "boundary"]);
  assert.deepEqual(result.evidence.map((e) => e.category), [
    "hallucinated_api",
    "crash",
    "boundary",
  ]);
  assert.deepEqual(FailureClassification.parse(result), result);
});

// ── labelled programs through the real sandbox and type-check ─────────────────

const ORDER = [...FailureCategory.options, "(none)"];

Deno.test("classifyFailure() agrees with at least 90% of the labelled programs", async () => {
  const tasks = await loadFixtureTasks();
  assert.ok(LABELLED.length >= 50);
  const programs: Program[] = LABELLED.map((c, k) => ({
    id: `labelled-${k}`,
    task: tasks.get(c.task)!,
    code: c.code,
  }));
  const evaluated = await evaluatePrograms(programs);
  const pairs = evaluated.map((e, k) => ({
    expected: LABELLED[k].label,
    actual: e.classification?.category ?? "(none)",
  }));
  const { agreement, table } = confusionTable(pairs, { order: ORDER });
  const misses = pairs.flatMap((p, k) =>
    p.expected === p.actual ? [] : [`  ${LABELLED[k].task}: ${LABELLED[k].note} → ${p.actual}`]
  );
  console.log(
    `labelled programs: ${pairs.length}, agreement ${(agreement * 100).toFixed(1)}%\n${table}\n${
      misses.join("\n")
    }`,
  );
  for (const e of evaluated) {
    if (e.classification) FailureClassification.parse(e.classification);
  }
  assert.ok(agreement >= 0.9, `agreement ${agreement}`);
});

// ── planted mutations of the reference solutions ──────────────────────────────

/** The category each mutation plants; the three wrong-answer ones may land on any semantic one. */
const PLANTED: Record<MutationName, FailureCategory | "semantic"> = {
  refusal: "no_code",
  syntax_error: "syntax",
  wrong_name: "wrong_interface",
  hallucinated_api: "hallucinated_api",
  infinite_loop: "timeout",
  runtime_crash: "crash",
  off_by_one: "semantic",
  dropped_guard: "semantic",
  swapped_operator: "semantic",
};

Deno.test("classifyFailure() recovers at least 90% of the unambiguous planted mutations", async () => {
  const tasks = [...(await loadFixtureTasks()).values()]
    .filter((t) => t.dir.includes("builtin") && t.referenceSource !== null);
  // The whole task x mutation matrix is too slow for a unit test (a second or more per run on
  // two shared cores), so pair (t, m) runs when (t + m) is a multiple of a stride chosen for
  // about 90 mutants: every task meets several mutations, every mutation several tasks, and
  // the seed (t mod 3) moves the site. ASSAY_FULL_MUTATIONS=1 runs everything with seeds 0..2.
  const full = Deno.env.get("ASSAY_FULL_MUTATIONS") === "1";
  const stride = full ? 1 : Math.max(1, Math.round((tasks.length * MUTATIONS.length) / 90));
  const programs: (Program & { mutation: MutationName })[] = [];
  const seen = new Set<string>();
  for (const [t, task] of tasks.entries()) {
    for (const [m, mutation] of MUTATIONS.entries()) {
      if ((t + m) % stride !== 0) continue;
      const seeds = full ? [0, 1, 2] : [t % 3];
      for (const seed of seeds) {
        const mutant = mutate(task.referenceSource!, task.entry, mutation, seed);
        if (!mutant || seen.has(`${task.id}\u0000${mutant.source}`)) continue;
        seen.add(`${task.id}\u0000${mutant.source}`);
        // As in a run: the answer goes through extraction (a refusal yields no code).
        const code = extractCode(mutant.source, task.entry);
        programs.push({ id: `${task.id}/${mutation}/${seed}`, task, code, mutation });
      }
    }
  }
  const evaluated = await evaluatePrograms(programs);
  const survivors = evaluated.filter((e) => e.classification === null);
  const rows = evaluated.map((e, k) => ({
    mutation: programs[k].mutation,
    got: e.classification?.category ?? "(survived)",
    runOnly: e.runOnly?.category ?? "(survived)",
  }));
  const order = [...MUTATIONS, ...ORDER, "(survived)"];
  const typed = confusionTable(rows.map((r) => ({ expected: r.mutation, actual: r.got })), {
    order,
  });
  const untyped = confusionTable(rows.map((r) => ({ expected: r.mutation, actual: r.runOnly })), {
    order,
  });
  const unambiguous = rows.filter((r) =>
    PLANTED[r.mutation] !== "semantic" && r.got !== "(survived)"
  );
  const recovered = unambiguous.filter((r) => PLANTED[r.mutation] === r.got).length;
  const semantic = rows.filter((r) => PLANTED[r.mutation] === "semantic" && r.got !== "(survived)");
  const inSemantic = semantic.filter((r) =>
    ["boundary", "misunderstanding", "partial"].includes(r.got)
  );
  console.log(
    [
      `planted mutants: ${programs.length} over ${tasks.length} tasks, stride ${stride} ` +
      `(${survivors.length} survived every test)`,
      `unambiguous recovered: ${recovered}/${unambiguous.length}`,
      `wrong-answer mutations landing on boundary/misunderstanding/partial: ${inSemantic.length}/${semantic.length}`,
      "with type-check diagnostics:",
      typed.table,
      "from the run alone (no diagnostics):",
      untyped.table,
    ].join("\n"),
  );
  assert.ok(recovered / unambiguous.length >= 0.9, `recovered ${recovered}/${unambiguous.length}`);
});
