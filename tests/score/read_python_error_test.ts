import assert from "node:assert/strict";
import { join } from "node:path";
import type { MutationName } from "../../lib/model/mutate.ts";
import { mutatePython } from "../../lib/model/python_mutate.ts";
import type { CaseVerdict } from "../../lib/record/case_verdict.ts";
import { readPythonError } from "../../lib/score/read_python_error.ts";
import { classifyFailure, type FailureInput } from "../../lib/score/taxonomy.ts";

const PYTHON = "/usr/bin/python3";

/** A Python sample: its solution.py, its cases (name → kind and one statement) and entry. */
interface Sample {
  solution: string;
  entry: string;
  cases: Record<string, ["core" | "edge", string]>;
  /** How tests.py imports the candidate. @default `from solution import <entry>` */
  importLine?: string;
}

// Imports each sample's tests.py (which imports solution.py) and runs its cases, reporting each
// exception as the sandbox does: `<Type>: <message>`, then ` (solution.py, line N)` for the
// innermost frame in solution.py when there is one.
const RUNNER = `
import importlib, json, os, sys, traceback
def located(e):
    frames = [f for f in traceback.extract_tb(e.__traceback__) if os.path.basename(f.filename) == "solution.py"]
    return f"{type(e).__name__}: {e}" + (f" (solution.py, line {frames[-1].lineno})" if frames else "")
out = {}
for d in sys.argv[1:]:
    for m in ("solution", "tests"):
        sys.modules.pop(m, None)
    sys.path.insert(0, d)
    importlib.invalidate_caches()
    try:
        tests = importlib.import_module("tests")
    except BaseException as e:
        out[d] = {"load": located(e), "cases": {}}
        sys.path.pop(0)
        continue
    cases = {}
    for name, case in tests.cases.items():
        try:
            case()
            cases[name] = ["pass", ""]
        except AssertionError as e:
            cases[name] = ["fail", located(e)]
        except BaseException as e:
            cases[name] = ["error", located(e)]
    out[d] = {"load": None, "cases": cases}
    sys.path.pop(0)
print(json.dumps(out))
`;

interface Run {
  load: string | null;
  cases: Record<string, ["pass" | "fail" | "error", string]>;
}

/** Run every sample with /usr/bin/python3 (one process) and return what the sandbox would report. */
async function runSamples(samples: Record<string, Sample>): Promise<Record<string, Run>> {
  const dir = await Deno.makeTempDir({ prefix: "assay-py-errors-" });
  try {
    await Deno.writeTextFile(join(dir, "runner.py"), RUNNER);
    const dirs: Record<string, string> = {};
    for (const [id, s] of Object.entries(samples)) {
      const d = join(dir, id);
      await Deno.mkdir(d);
      await Deno.writeTextFile(join(d, "solution.py"), s.solution);
      const names = Object.keys(s.cases);
      const tests = [
        s.importLine ?? `from solution import ${s.entry}`,
        ...names.map((n, k) => `def _case${k}():\n    ${s.cases[n][1]}`),
        `cases = {${names.map((n, k) => `${JSON.stringify(n)}: _case${k}`).join(", ")}}`,
      ].join("\n\n");
      await Deno.writeTextFile(join(d, "tests.py"), `${tests}\n`);
      dirs[id] = d;
    }
    const { code, stdout, stderr } = await new Deno.Command(PYTHON, {
      args: ["-B", join(dir, "runner.py"), ...Object.values(dirs)],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(code, 0, new TextDecoder().decode(stderr));
    const out = JSON.parse(new TextDecoder().decode(stdout)) as Record<string, Run>;
    return Object.fromEntries(Object.entries(dirs).map(([id, d]) => [id, out[d]]));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const ADD = "def add(a, b):\n    return a + b\n";

const SAMPLES: Record<string, Sample> = {
  syntax: { entry: "add", solution: "def add(a, b)\n    return a + b\n", cases: {} },
  indentation: { entry: "add", solution: "def add(a, b):\nreturn a + b\n", cases: {} },
  tabs: {
    entry: "add",
    solution: "def add(a, b):\n    total = a + b\n\treturn total\n",
    cases: {},
  },
  stray_tag: { entry: "add", solution: `python\n${ADD}`, cases: {} },
  undefined_name: {
    entry: "add",
    solution: "def add(a, b):\n    return plus(a, b)\n",
    cases: { adds: ["core", "assert add(1, 2) == 3"] },
  },
  other_scope: {
    entry: "add",
    solution:
      "def add(a, b):\n    total = a + b\n    return helper()\n\n\ndef helper():\n    return total\n",
    cases: { adds: ["core", "assert add(1, 2) == 3"] },
  },
  module_attribute: {
    entry: "add",
    solution: "import math\n\n\ndef add(a, b):\n    return math.sum([a, b])\n",
    cases: { adds: ["core", "assert add(1, 2) == 3"] },
  },
  str_method: {
    entry: "rev",
    solution: "def rev(s):\n    return s.reverse()\n",
    cases: { reverses: ["core", 'assert rev("ab") == "ba"'] },
  },
  list_method: {
    entry: "pairs",
    solution:
      "def pairs(xs):\n    out = []\n    for x in xs:\n        out.push((x, x))\n    return out\n",
    cases: { pairs: ["core", "assert pairs([1]) == [(1, 1)]"] },
  },
  type_attribute: {
    entry: "ordered",
    solution: "def ordered(xs):\n    return list.sorted(xs)\n",
    cases: { sorts: ["core", "assert ordered([2, 1]) == [1, 2]"] },
  },
  length: {
    entry: "size",
    solution: "def size(xs):\n    return xs.length\n",
    cases: { counts: ["core", "assert size([1, 2]) == 2"] },
  },
  missing_module: { entry: "add", solution: `import numpyy\n\n\n${ADD}`, cases: {} },
  missing_import: { entry: "add", solution: `from math import summ\n\n\n${ADD}`, cases: {} },
  missing_entry: {
    entry: "add",
    solution: "def add_numbers(a, b):\n    return a + b\n",
    cases: {},
  },
  module_entry: {
    entry: "add",
    importLine: "import solution",
    solution: "def add_numbers(a, b):\n    return a + b\n",
    cases: { adds: ["core", "assert solution.add(1, 2) == 3"] },
  },
  too_many: {
    entry: "add",
    solution: ADD,
    cases: { adds: ["core", "assert add(1, 2, 3) == 6"] },
  },
  too_few: {
    entry: "add",
    solution: "def add(a, b, c):\n    return a + b + c\n",
    cases: { adds: ["core", "assert add(1, 2) == 3"] },
  },
  method_arity: {
    entry: "Stack",
    solution:
      "class Stack:\n    def __init__(self):\n        self.items = []\n\n    def push(self):\n" +
      "        self.items.append(None)\n",
    cases: { pushes: ["core", "s = Stack(); s.push(1); assert s.items == [1]"] },
  },
  missing_method: {
    entry: "Stack",
    solution: "class Stack:\n    def __init__(self):\n        self.items = []\n",
    cases: { peeks: ["core", "assert Stack().peek() is None"] },
  },
  internal_arity: {
    entry: "add",
    solution: "def add(a, b):\n    return helper(a)\n\n\ndef helper(x, y):\n    return x + y\n",
    cases: { adds: ["core", "assert add(1, 2) == 3"] },
  },
  recursion: {
    entry: "count",
    solution: "def count(n):\n    return count(n + 1)\n",
    cases: { counts: ["core", "assert count(0) == 0"] },
  },
  memory: {
    entry: "zeros",
    solution: "def zeros(n):\n    return [0] * (10 ** 13)\n",
    cases: { zeros: ["core", "assert zeros(1) == [0]"] },
  },
  native: {
    entry: "mean",
    solution: "def mean(xs):\n    if xs[0] is None:\n        return None.value\n" +
      "    return sum(xs) // len(xs[1:]) + {}['k']\n",
    cases: {
      zero: ["core", "assert mean([1]) == 1"],
      index: ["core", "assert mean([]) == 0"],
      none: ["edge", "assert mean([None]) == 0"],
      key: ["core", "assert mean([1, 2]) == 1"],
    },
  },
  unbound: {
    entry: "inc",
    solution: "def inc(n):\n    if n > 0:\n        step = 1\n    return n + step\n",
    cases: { negative: ["core", "assert inc(-1) == 0"] },
  },
  own_error: {
    entry: "window",
    solution:
      "def window(size):\n    if size <= 0:\n        raise ValueError('size must be positive')\n" +
      "    return size\n",
    cases: { zero: ["edge", "assert window(0) == 0"], one: ["core", "assert window(1) == 1"] },
  },
  assertion: {
    entry: "add",
    solution: "def add(a, b):\n    return a - b\n",
    cases: {
      adds: ["core", 'assert add(1, 2) == 3, "adds small numbers"'],
      zero: ["edge", "assert add(0, 0) == 0"],
    },
  },
  load_raise: {
    entry: "add",
    solution: `raise RuntimeError("configuration missing")\n\n\n${ADD}`,
    cases: {},
  },
};

const RUNS = await runSamples(SAMPLES);
const loadOf = (id: string) =>
  RUNS[id].load ?? assert.fail(`${id} loaded: ${JSON.stringify(RUNS[id])}`);
const messageOf = (id: string, name: string) => RUNS[id].cases[name][1];
const read = (id: string, message: string, where: "load" | "case" = "case") =>
  readPythonError(message, { code: SAMPLES[id].solution, entry: SAMPLES[id].entry }, where);

Deno.test("the samples raise CPython 3.11's messages in the sandbox's format", () => {
  assert.equal(loadOf("syntax"), "SyntaxError: expected ':' (solution.py, line 1)");
  assert.equal(
    loadOf("indentation"),
    "IndentationError: expected an indented block after function definition on line 1 (solution.py, line 2)",
  );
  assert.equal(
    messageOf("module_attribute", "adds"),
    "AttributeError: module 'math' has no attribute 'sum' (solution.py, line 5)",
  );
  assert.equal(
    messageOf("too_many", "adds"),
    "TypeError: add() takes 2 positional arguments but 3 were given",
  );
  assert.equal(
    messageOf("recursion", "counts"),
    "RecursionError: maximum recursion depth exceeded (solution.py, line 2)",
  );
  assert.equal(messageOf("memory", "zeros"), "MemoryError:  (solution.py, line 2)");
  assert.match(
    loadOf("missing_entry"),
    /^ImportError: cannot import name 'add' from 'solution' \(.*solution\.py\)$/,
  );
  assert.equal(
    loadOf("missing_module"),
    "ModuleNotFoundError: No module named 'numpyy' (solution.py, line 1)",
  );
});

Deno.test("readPythonError() reads SyntaxError, IndentationError and TabError as syntax, quoting the line", () => {
  assert.deepEqual(read("syntax", loadOf("syntax"), "load"), {
    category: "syntax",
    reason: 'the parser rejected the code at line 1: "def add(a, b)"',
  });
  assert.equal(read("indentation", loadOf("indentation"), "load").category, "syntax");
  assert.match(
    read("indentation", loadOf("indentation"), "load").reason,
    /line 2: "return a \+ b"/,
  );
  assert.match(loadOf("tabs"), /^TabError: inconsistent use of tabs and spaces/);
  assert.equal(read("tabs", loadOf("tabs"), "load").category, "syntax");
  assert.deepEqual(read("stray_tag", loadOf("stray_tag"), "load"), {
    category: "syntax",
    reason: 'a stray language tag "python" on its own line',
  });
  // A runtime parse of data (ast.literal_eval) is no syntax error of the answer.
  const literal = "SyntaxError: invalid syntax (<unknown>, line 1) (solution.py, line 3)";
  assert.equal(read("syntax", literal).category, "syntax");
  assert.equal(read("syntax", "SyntaxError: invalid syntax (<unknown>, line 1)").category, "crash");
});

Deno.test("readPythonError() reads names, attributes and modules that do not exist as hallucinated_api", () => {
  const cases: [string, string, RegExp][] = [
    ["undefined_name", messageOf("undefined_name", "adds"), /"plus" is defined nowhere/],
    ["module_attribute", messageOf("module_attribute", "adds"), /module "math" has no "sum"/],
    ["str_method", messageOf("str_method", "reverses"), /a "str" has no "reverse"/],
    ["list_method", messageOf("list_method", "pairs"), /a "list" has no "push"/],
    ["type_attribute", messageOf("type_attribute", "sorts"), /the type "list" has no "sorted"/],
    ["length", messageOf("length", "counts"), /a "list" has no "length"/],
    ["missing_module", loadOf("missing_module"), /imports "numpyy"/],
    ["missing_import", loadOf("missing_import"), /no "summ" in the module "math"/],
  ];
  for (const [id, message, reason] of cases) {
    const reading = read(id, message, RUNS[id].load ? "load" : "case");
    assert.equal(reading.category, "hallucinated_api", `${id}: ${message}`);
    assert.match(reading.reason, reason);
  }
  assert.match(
    messageOf("str_method", "reverses"),
    /^AttributeError: 'str' object has no attribute 'reverse'/,
  );
  assert.match(
    messageOf("type_attribute", "sorts"),
    /^AttributeError: type object 'list' has no attribute 'sorted'/,
  );
  assert.match(loadOf("missing_import"), /^ImportError: cannot import name 'summ' from 'math'/);
});

Deno.test("readPythonError() reads a missing entry or a wrong arity in the tests' call as wrong_interface", () => {
  const cases: [string, string][] = [
    ["missing_entry", loadOf("missing_entry")],
    ["module_entry", messageOf("module_entry", "adds")],
    ["too_many", messageOf("too_many", "adds")],
    ["too_few", messageOf("too_few", "adds")],
    ["method_arity", messageOf("method_arity", "pushes")],
  ];
  for (const [id, message] of cases) {
    assert.equal(
      read(id, message, RUNS[id].load ? "load" : "case").category,
      "wrong_interface",
      `${id}: ${message}`,
    );
  }
  assert.equal(
    messageOf("too_few", "adds"),
    "TypeError: add() missing 1 required positional argument: 'c'",
  );
  assert.equal(
    messageOf("method_arity", "pushes"),
    "TypeError: Stack.push() takes 1 positional argument but 2 were given",
  );
  const peek = messageOf("missing_method", "peeks");
  const testsSource = "from solution import Stack\nassert Stack().peek() is None\n";
  const context = { code: SAMPLES.missing_method.solution, entry: "Stack", testsSource };
  assert.equal(readPythonError(peek, context).category, "wrong_interface");
  assert.equal(readPythonError(peek, { ...context, testsSource: undefined }).category, "crash");
});

Deno.test("readPythonError() reads CPython's own errors as crash, the program's own as behaviour", () => {
  const native = RUNS.native.cases;
  assert.deepEqual(Object.values(native).map(([, m]) => m.replace(/ \(solution.py.*$/, "")), [
    "ZeroDivisionError: integer division or modulo by zero",
    "IndexError: list index out of range",
    "AttributeError: 'NoneType' object has no attribute 'value'",
    "KeyError: 'k'",
  ]);
  for (const [, message] of Object.values(native)) {
    assert.equal(read("native", message).category, "crash", message);
  }
  const unbound = messageOf("unbound", "negative");
  assert.match(unbound, /^UnboundLocalError: cannot access local variable 'step'/);
  assert.equal(read("unbound", unbound).category, "crash");
  assert.match(messageOf("other_scope", "adds"), /^NameError: name 'total' is not defined/);
  assert.equal(read("other_scope", messageOf("other_scope", "adds")).category, "crash");
  assert.match(
    messageOf("internal_arity", "adds"),
    /^TypeError: helper\(\) missing .* \(solution\.py, line 2\)$/,
  );
  assert.equal(read("internal_arity", messageOf("internal_arity", "adds")).category, "crash");
  for (
    const message of [
      "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
      "TypeError: 'int' object is not subscriptable",
    ]
  ) {
    assert.equal(read("native", message).category, "crash");
  }
  const own = messageOf("own_error", "zero");
  assert.equal(own, "ValueError: size must be positive (solution.py, line 3)");
  assert.equal(read("own_error", own).category, "behaviour");
  assert.equal(read("own_error", own, "load").category, "crash");
  assert.equal(read("assertion", messageOf("assertion", "adds")).category, "behaviour");
  assert.equal(read("load_raise", loadOf("load_raise"), "load").category, "crash");
});

Deno.test("readPythonError() reads RecursionError and MemoryError as resource", () => {
  assert.equal(read("recursion", messageOf("recursion", "counts")).category, "resource");
  assert.equal(read("memory", messageOf("memory", "zeros")).category, "resource");
  assert.equal(read("memory", "MemoryError: ").category, "resource");
});

Deno.test("readPythonError() reads what the sandbox blocked as crash, naming it", () => {
  const message =
    "PermissionError: assay sandbox: opening files is not allowed (solution.py, line 2)";
  assert.deepEqual(read("native", message), {
    category: "crash",
    reason: "the sandbox blocked opening files",
  });
  assert.equal(
    read("native", "PermissionError: [Errno 13] Permission denied: '/etc/x'").category,
    "crash",
  );
});

Deno.test("readPythonError() takes the last exception line of a traceback (stderr)", () => {
  const stderr = "the process exited with code 1\nTraceback (most recent call last):\n" +
    "  File \"/job/solution.py\", line 5, in add\nAttributeError: module 'math' has no attribute 'sum'";
  assert.equal(read("module_attribute", stderr, "load").category, "hallucinated_api");
  assert.equal(read("too_many", "the process exited with code 1", "load").category, "crash");
});

// ── classifyFailure() on Python samples, one per category ────────────────────────────────────

/** The FailureInput the sandbox's report of a sample makes (load_error, or completed cases). */
function inputOf(id: string, over: Partial<FailureInput> = {}): FailureInput {
  const sample = SAMPLES[id], run = RUNS[id];
  const cases: Pick<CaseVerdict, "name" | "kind" | "status" | "message">[] = run.load
    ? Object.entries(sample.cases).map(([name, [kind]]) => ({
      name,
      kind,
      status: "missing",
      message: `load_error: ${run.load}`,
    }))
    : Object.entries(run.cases).map(([name, [status, message]]) => ({
      name,
      kind: sample.cases[name][0],
      status,
      message,
    }));
  if (run.load && cases.length === 0) {
    cases.push({
      name: "adds",
      kind: "core",
      status: "missing",
      message: `load_error: ${run.load}`,
    });
  }
  return {
    code: sample.solution,
    outcome: run.load ? "load_error" : "completed",
    detail: run.load ?? "",
    cases,
    stderr: "",
    entry: sample.entry,
    language: "py",
    ...over,
  };
}
const categoryOf = (input: FailureInput) => classifyFailure(input)?.category ?? null;

Deno.test("classifyFailure() on a Python sample: no_code for a refusal that cannot load", () => {
  const refusal = "I'm sorry, but I can't help with that request.";
  const input = inputOf("syntax", {
    code: refusal,
    detail: "SyntaxError: unterminated string literal (detected at line 1) (solution.py, line 1)",
  });
  assert.equal(categoryOf(input), "no_code");
  assert.deepEqual(classifyFailure(input)?.secondary, ["syntax"]);
  assert.equal(categoryOf(inputOf("syntax", { code: null })), "no_code");
});

Deno.test("classifyFailure() on a Python sample: syntax with the line as evidence", () => {
  const result = classifyFailure(inputOf("syntax"));
  assert.equal(result?.category, "syntax");
  assert.match(result!.evidence[0].text, /line 1: "def add\(a, b\)": SyntaxError: expected ':'/);
  assert.equal(categoryOf(inputOf("indentation")), "syntax");
  // The same detail read as TypeScript's would be a throw at load: the language decides.
  assert.equal(categoryOf(inputOf("syntax", { language: undefined })), "crash");
});

Deno.test("classifyFailure() on a Python sample: wrong_interface for a missing entry or arity", () => {
  const missing = classifyFailure(inputOf("missing_entry"));
  assert.equal(missing?.category, "wrong_interface");
  assert.match(missing!.evidence[0].text, /the solution does not define "add"/);
  assert.equal(categoryOf(inputOf("too_many")), "wrong_interface");
  assert.equal(categoryOf(inputOf("method_arity")), "wrong_interface");
});

Deno.test("classifyFailure() on a Python sample: hallucinated_api with the name", () => {
  const result = classifyFailure(inputOf("module_attribute"));
  assert.equal(result?.category, "hallucinated_api");
  assert.match(result!.evidence[0].text, /the module "math" has no "sum".*\(in "adds"\)/);
  assert.equal(categoryOf(inputOf("str_method")), "hallucinated_api");
  assert.equal(categoryOf(inputOf("missing_module")), "hallucinated_api");
  assert.equal(categoryOf(inputOf("undefined_name")), "hallucinated_api");
});

Deno.test("classifyFailure() on a Python sample: timeout and resource", () => {
  const timedOut = inputOf("recursion", {
    outcome: "timeout",
    detail: "the sample ran past 5000 ms",
    cases: [{ name: "counts", kind: "core", status: "timeout", message: "" }],
  });
  assert.equal(categoryOf(timedOut), "timeout");
  assert.equal(categoryOf(inputOf("recursion")), "resource");
  assert.equal(categoryOf(inputOf("memory")), "resource");
  const capped = inputOf("memory", { outcome: "memory_limit", detail: "512 MB" });
  assert.equal(categoryOf(capped), "resource");
});

Deno.test("classifyFailure() on a Python sample: crash for native errors, blocked calls and load throws", () => {
  assert.equal(categoryOf(inputOf("native")), "crash");
  assert.equal(categoryOf(inputOf("load_raise")), "crash");
  const blocked = inputOf("too_many", {
    code: ADD,
    entry: "add",
    cases: [{
      name: "adds",
      kind: "core",
      status: "error",
      message: "PermissionError: assay sandbox: opening files is not allowed (solution.py, line 2)",
    }],
  });
  const result = classifyFailure(blocked);
  assert.equal(result?.category, "crash");
  assert.match(result!.evidence[0].text, /the sandbox blocked opening files/);
  const exited = inputOf("too_many", {
    code: ADD,
    outcome: "exited",
    detail: "the process exited with code 3",
    cases: [{ name: "adds", kind: "core", status: "missing", message: "exited" }],
  });
  assert.equal(categoryOf(exited), "crash");
});

Deno.test("classifyFailure() on a Python sample: boundary, misunderstanding and partial from assertions", () => {
  // own_error: the edge case raises the program's own ValueError, the core case passes.
  assert.equal(categoryOf(inputOf("own_error")), "boundary");
  // assertion: `a - b` fails the core case by assertion (the edge case 0 - 0 passes).
  assert.equal(categoryOf(inputOf("assertion")), "misunderstanding");
  const partial = inputOf("assertion", {
    cases: [
      { name: "a", kind: "core", status: "pass", message: "" },
      { name: "b", kind: "core", status: "pass", message: "" },
      { name: "c", kind: "core", status: "fail", message: messageOf("assertion", "adds") },
    ],
  });
  assert.equal(categoryOf(partial), "partial");
});

Deno.test("classifyFailure() finds the category each Python mutation plants", async () => {
  const reference = `def top_words(text: str, n: int) -> list:
    """The n most frequent lowercase words, ties by first appearance."""
    if n <= 0:
        raise ValueError("n must be positive")
    counts = {}
    order = []
    for word in text.lower().split():
        word = word.strip(".,!?")
        if not word:
            continue
        if word not in counts:
            counts[word] = 0
            order.append(word)
        counts[word] += 1
    ranked = sorted(order, key=lambda w: (-counts[w], order.index(w)))
    return ranked[:n]
`;
  const base: Omit<Sample, "solution"> = {
    entry: "top_words",
    importLine: "from solution import top_words\n\n\ndef _raises(f, kind):\n    try:\n" +
      "        f()\n    except kind:\n        return True\n    return False",
    cases: {
      ties: ["core", 'assert top_words("a b a c b a", 2) == ["a", "b"]'],
      case: ["core", 'assert top_words("The the THE cat", 1) == ["the"]'],
      punctuation: ["core", 'assert top_words("x, y. z!", 3) == ["x", "y", "z"]'],
      empty: ["edge", 'assert top_words("", 3) == []'],
      zero: ["edge", 'assert _raises(lambda: top_words("a", 0), ValueError), "no ValueError"'],
      more: ["edge", 'assert top_words("b a", 5) == ["b", "a"]'],
    },
  };
  const planted: Record<string, string[]> = {
    syntax_error: ["syntax"],
    wrong_name: ["wrong_interface"],
    hallucinated_api: ["hallucinated_api"],
    runtime_crash: ["crash"],
    off_by_one: ["boundary", "partial", "misunderstanding", "crash"],
    dropped_guard: ["boundary", "partial", "misunderstanding", "crash", "none"],
    swapped_operator: ["boundary", "partial", "misunderstanding", "crash"],
  };
  const samples: Record<string, Sample> = {};
  for (const name of Object.keys(planted)) {
    for (let seed = 0; seed < 20; seed++) {
      const mutant = mutatePython(reference, "top_words", name as MutationName, seed);
      const id = `${name}_${seed}`;
      if (!mutant || Object.values(samples).some((s) => s.solution === mutant.source)) break;
      samples[id] = { ...base, solution: mutant.source };
    }
  }
  const runs = await runSamples({ ...samples, reference: { ...base, solution: reference } });
  assert.ok(Object.values(runs.reference.cases).every(([status]) => status === "pass"));
  for (const [id, sample] of Object.entries(samples)) {
    const run = runs[id];
    const cases = run.load
      ? [{ name: "ties", kind: "core" as const, status: "missing" as const, message: "" }]
      : Object.entries(run.cases).map(([name, [status, message]]) => ({
        name,
        kind: sample.cases[name][0],
        status,
        message,
      }));
    const category = classifyFailure({
      code: sample.solution,
      outcome: run.load ? "load_error" : "completed",
      detail: run.load ?? "",
      cases,
      stderr: "",
      entry: "top_words",
      language: "py",
    })?.category ?? "none";
    const name = id.replace(/_\d+$/, "");
    assert.ok(planted[name].includes(category), `${id} → ${category}: ${JSON.stringify(run)}`);
  }
  assert.ok(Object.keys(samples).length >= 20);
});
