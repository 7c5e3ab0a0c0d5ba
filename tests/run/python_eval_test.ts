import assert from "node:assert/strict";
import { join } from "node:path";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { ROOT } from "../_helpers.ts";
import { fixedAnswer } from "./fixed_answer.ts";

const suite = await loadSuite(join(ROOT, "data/fixtures/suite-python-tiny"));
const FENCE = "`".repeat(3);

/** A provider answering each task with its own text (a Python block). */
const answers = (spec: string, byTask: Record<string, string>) =>
  fixedAnswer(spec, (request) => byTask[request.task ?? ""] ?? "I cannot help with that.");

const py = (code: string) => `Here it is:\n\n${FENCE}python\n${code}${FENCE}\n`;

for (const python of ["pyodide", "cpython"] as const) {
  Deno.test(`evaluate() judges Python answers per case in ${python}, with the runtime in the manifest`, async () => {
    const runsDir = await Deno.makeTempDir();
    try {
      const model = answers("fixed:python", {
        // An off-by-one that only the edge cases see, and an answer with a hallucinated method.
        add: py("def add(a: int, b: int) -> int:\n    return a + b if a > 0 else a + b + 1\n"),
        "first-word": py("def first_word(text):\n    return text.strip().split_words()[0]\n"),
      });
      const { dir } = await evaluate(suite, {
        models: [model],
        runsDir,
        sandbox: "pooled",
        python,
        resume: false,
      });
      const run = await loadRun(dir);
      assert.equal(run.manifest.params.python, python);
      const add = run.results.find((r) => r.task === "add")!;
      assert.deepEqual(add.cases.map((c) => c.status), ["pass", "pass", "fail"]);
      assert.match(add.cases[2].message, /^AssertionError: assert add\(-1, -2\) == -3: got -2$/);
      const word = run.results.find((r) => r.task === "first-word")!;
      assert.ok(word.cases.every((c) => c.status === "error"));
      assert.match(
        word.cases[0].message,
        /^AttributeError: 'str' object has no attribute 'split_words' \(solution\.py, line 2\)$/,
      );
      // The sample's time starts at the harness's `ready` line: Pyodide's 1–3 s start is not in it.
      assert.ok(add.execMs < 1000, `execMs ${add.execMs} excludes the interpreter's start`);
      // The references ran in the same runtime and passed: no task error.
      assert.deepEqual(run.manifest.taskErrors ?? {}, {});
    } finally {
      await Deno.remove(runsDir, { recursive: true });
    }
  });
}

Deno.test("evaluate() records a Python syntax error as a load error with the answer's line", async () => {
  const runsDir = await Deno.makeTempDir();
  try {
    const model = answers("fixed:broken", {
      add: py("def add(a, b)\n    return a + b\n"),
      "first-word": "I'm sorry, I can't help with that.",
    });
    const { dir } = await evaluate(suite, {
      models: [model],
      runsDir,
      python: "cpython",
      resume: false,
    });
    const run = await loadRun(dir);
    const add = run.results.find((r) => r.task === "add")!;
    assert.equal(add.outcome, "load_error");
    assert.match(add.detail, /^SyntaxError: expected ':' \(solution\.py, line 1\)/);
    const word = run.results.find((r) => r.task === "first-word")!;
    assert.equal(word.outcome, "no_code");
  } finally {
    await Deno.remove(runsDir, { recursive: true });
  }
});
