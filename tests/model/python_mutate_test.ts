import assert from "node:assert/strict";
import { join } from "node:path";
import { type MutationName } from "../../lib/model/mutate.ts";
import {
  applicablePythonMutations,
  mutatePython,
  PYTHON_MUTATIONS,
} from "../../lib/model/python_mutate.ts";

const PYTHON = "/usr/bin/python3";

// A function over a list: a module docstring, comments and strings that must never be mutated.
const WINDOW =
  `"""Window sums. Strings such as "if x: return y" or "a <= b - 1" are never mutated."""


def window_sums(values, size):
    # The sum of every window of \`size\` values, in order (a comment: x < y + 1).
    if size <= 0:
        raise ValueError("size must be > 0, got " + str(size))
    if size > len(values):
        return []
    sums = []
    for start in range(len(values) - size + 1):
        sums.append(sum(values[start:start + size]))
    return sums
`;
const WINDOW_TESTS = `from solution import window_sums

def _pairs():
    assert window_sums([1, 2, 3, 4], 2) == [3, 5, 7]

def _whole():
    assert window_sums([1, 2, 3], 3) == [6]

def _single():
    assert window_sums([5], 1) == [5]

def _too_big():
    assert window_sums([1, 2], 3) == []

def _rejects_zero():
    try:
        window_sums([1, 2], 0)
    except ValueError:
        return
    assert False, "no ValueError"

cases = {"pairs": _pairs, "whole": _whole, "single": _single, "too big": _too_big,
         "rejects zero": _rejects_zero}
`;

// A string function with a one-line guard and a comprehension.
const PALINDROME = `def is_palindrome(text: str) -> bool:
    """True when the letters of \`text\` read the same backwards (case ignored); False without letters."""
    letters = [c.lower() for c in text if c.isalpha()]
    if not letters: return False
    for i in range(len(letters) // 2):
        if letters[i] != letters[len(letters) - 1 - i]:
            return False
    return True
`;
const PALINDROME_TESTS = `from solution import is_palindrome

def _word():
    assert is_palindrome("racecar") == True

def _sentence():
    assert is_palindrome("A man, a plan, a canal: Panama") == True

def _two():
    assert is_palindrome("ab") == False

def _near():
    assert is_palindrome("abca") == False

def _empty():
    assert is_palindrome("") == False

cases = {"word": _word, "sentence": _sentence, "two": _two, "near": _near, "empty": _empty}
`;

// A class entry: methods, an __init__, \`import math\` already present, \`[::-1]\`, \`and\`/\`or\`.
const STATS = `import math


class Stats:
    """Running statistics over numbers; rejects what is not finite."""

    def __init__(self, values=None):
        self.values = []
        for v in values or []:
            self.add(v)

    def add(self, value):
        if not math.isfinite(value):
            raise ValueError("value must be finite")
        self.values.append(value)
        return self

    def mean(self):
        if len(self.values) == 0: return None
        return sum(self.values) / len(self.values)

    def median_low(self):
        ordered = sorted(self.values)
        return ordered[(len(ordered) - 1) // 2]

    def newest_first(self):
        return self.values[::-1]

    def in_range(self, low, high):
        return [v for v in self.values if low <= v and v < high]
`;
const STATS_TESTS = `from solution import Stats

def _mean():
    assert Stats([3, 1, 2, 4]).mean() == 2.5

def _empty_mean():
    assert Stats().mean() is None

def _median():
    assert Stats([4, 1, 3, 2]).median_low() == 2

def _newest():
    assert Stats([1, 2, 3]).newest_first() == [3, 2, 1]

def _range():
    assert Stats([1, 2, 3, 4]).in_range(2, 4) == [2, 3]

def _add():
    assert Stats().add(5).values == [5]

def _rejects_nan():
    try:
        Stats([float("nan")])
    except ValueError:
        return
    assert False, "no ValueError"

cases = {"mean": _mean, "empty mean": _empty_mean, "median": _median, "newest": _newest,
         "range": _range, "add": _add, "rejects nan": _rejects_nan}
`;

const REFERENCES = [
  { entry: "window_sums", source: WINDOW, tests: WINDOW_TESTS },
  { entry: "is_palindrome", source: PALINDROME, tests: PALINDROME_TESTS },
  { entry: "Stats", source: STATS, tests: STATS_TESTS },
];

/** Every site of a mutation: seeds 0, 1, … until the mutants repeat. */
function allMutants(source: string, entry: string, name: MutationName): string[] {
  const seen: string[] = [];
  for (let seed = 0; seed < 100; seed++) {
    const mutant = mutatePython(source, entry, name, seed);
    if (!mutant || seen.includes(mutant.source)) break;
    seen.push(mutant.source);
  }
  return seen;
}

// Imports each program as the module `solution`, then the tests, and runs every case with a
// 2 s alarm; prints {path: {"parses", "load", "failed"}} as JSON.
const DRIVER = `
import ast, importlib.util, json, signal, sys
def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
def alarm(*_):
    raise TimeoutError("case timed out")
signal.signal(signal.SIGALRM, alarm)
tests_path, paths = sys.argv[1], sys.argv[2:]
out = {}
for path in paths:
    src = open(path).read()
    try:
        ast.parse(src)
        parses = True
    except SyntaxError:
        parses = False
    report = {"parses": parses, "load": None, "failed": []}
    try:
        signal.alarm(2)
        load("solution", path)
        tests = load("tests", tests_path)
        signal.alarm(0)
    except BaseException as e:
        signal.alarm(0)
        report["load"] = type(e).__name__ + ": " + str(e)
        out[path] = report
        continue
    for name, case in tests.cases.items():
        try:
            signal.alarm(2)
            case()
        except BaseException as e:
            report["failed"].append(name + ": " + type(e).__name__)
        finally:
            signal.alarm(0)
    out[path] = report
print(json.dumps(out))
`;

interface Report {
  parses: boolean;
  load: string | null;
  failed: string[];
}

/** Run each program as `solution` against `tests` with /usr/bin/python3. */
async function runPrograms(tests: string, programs: string[]): Promise<Report[]> {
  const dir = await Deno.makeTempDir({ prefix: "assay-py-mutate-" });
  try {
    await Deno.writeTextFile(join(dir, "driver.py"), DRIVER);
    await Deno.writeTextFile(join(dir, "tests.py"), tests);
    const paths = await Promise.all(programs.map(async (source, k) => {
      const path = join(dir, `program_${k}.py`);
      await Deno.writeTextFile(path, source);
      return path;
    }));
    const { code, stdout, stderr } = await new Deno.Command(PYTHON, {
      args: ["-B", join(dir, "driver.py"), join(dir, "tests.py"), ...paths],
      cwd: dir,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = new TextDecoder().decode(stdout);
    assert.equal(code, 0, new TextDecoder().decode(stderr));
    const reports = JSON.parse(text) as Record<string, Report>;
    return paths.map((p) => reports[p]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** How many lines one program has that the other lacks (counted with multiplicity, both ways). */
function lineChanges(a: string, b: string): number {
  const left = a.split("\n");
  let added = 0;
  for (const line of b.split("\n")) {
    const k = left.indexOf(line);
    if (k < 0) added++;
    else left.splice(k, 1);
  }
  return added + left.length;
}

/** Whether /usr/bin/python3 -c "import ast,sys; ast.parse(…)" accepts the program. */
async function compiles(source: string): Promise<boolean> {
  const path = await Deno.makeTempFile({ prefix: "assay-py-syntax-", suffix: ".py" });
  try {
    await Deno.writeTextFile(path, source);
    const { code } = await new Deno.Command(PYTHON, {
      args: ["-c", "import ast,sys; ast.parse(open(sys.argv[1]).read())", path],
      stdout: "null",
      stderr: "null",
    }).output();
    return code === 0;
  } finally {
    await Deno.remove(path);
  }
}

Deno.test("the references pass their own tests under /usr/bin/python3", async () => {
  for (const ref of REFERENCES) {
    const [report] = await runPrograms(ref.tests, [ref.source]);
    assert.deepEqual(report, { parses: true, load: null, failed: [] }, ref.entry);
  }
});

Deno.test("applicablePythonMutations() lists every mutation on the three references", () => {
  for (const ref of REFERENCES) {
    assert.deepEqual(applicablePythonMutations(ref.source, ref.entry), [...PYTHON_MUTATIONS]);
  }
  const bare = "def double(x):\n    return x * 2\n";
  for (const name of PYTHON_MUTATIONS) {
    const sited = applicablePythonMutations(bare, "double").includes(name);
    assert.equal(mutatePython(bare, "double", name) !== null, sited, name);
  }
});

Deno.test("mutatePython() gives a different program at every site, keeping the other lines", () => {
  for (const ref of REFERENCES) {
    for (const name of PYTHON_MUTATIONS) {
      const mutants = allMutants(ref.source, ref.entry, name);
      assert.ok(mutants.length > 0, `${ref.entry} ${name}`);
      for (const mutant of mutants) {
        assert.notEqual(mutant, ref.source, `${ref.entry} ${name}`);
        if (name === "refusal") continue;
        // Line-wise: only the lines of the site change (a multiset difference of the lines).
        const changed = lineChanges(ref.source, mutant);
        const limit = name === "wrong_name" ? ref.source.split("\n").length : 3;
        assert.ok(changed <= limit, `${ref.entry} ${name} changed ${changed} lines:\n${mutant}`);
      }
      // Strings and comments are never mutated.
      for (const mutant of mutants) {
        assert.ok(!mutant.includes('"a <= b - 1"') || ref.source.includes('"a <= b - 1"'));
      }
    }
    const docstring = /"""[^"]*"""/.exec(ref.source)?.[0];
    for (const name of PYTHON_MUTATIONS.filter((n) => n !== "refusal")) {
      for (const mutant of allMutants(ref.source, ref.entry, name)) {
        if (docstring) assert.ok(mutant.includes(docstring), `${ref.entry} ${name}`);
        for (const comment of ref.source.match(/#.*$/gm) ?? []) {
          assert.ok(mutant.includes(comment), `${ref.entry} ${name}: ${comment}`);
        }
      }
    }
  }
});

Deno.test("mutatePython() is deterministic in its seed and describes the change", () => {
  const a = mutatePython(PALINDROME, "is_palindrome", "swapped_operator", 3);
  assert.deepEqual(mutatePython(PALINDROME, "is_palindrome", "swapped_operator", 3), a);
  assert.equal(
    mutatePython(WINDOW, "window_sums", "off_by_one", 0)?.description,
    'changed "<=" to "<" at line 6, column 13',
  );
  assert.equal(
    mutatePython(STATS, "Stats", "wrong_name", 0)?.description,
    'renamed "Stats" to "StatsImpl" in 1 place(s), declaration included',
  );
  assert.equal(
    mutatePython(PALINDROME, "is_palindrome", "dropped_guard", 0)?.source.split("\n")[3],
    "    for i in range(len(letters) // 2):",
  );
});

Deno.test("mutatePython() throws on an unknown mutation, a bad seed or a bad entry", () => {
  assert.throws(
    () => mutatePython(WINDOW, "window_sums", "flip" as MutationName, 0),
    /Cannot mutate "window_sums": unknown mutation "flip"/,
  );
  assert.throws(
    () => mutatePython(WINDOW, "window_sums", "off_by_one", 0.5),
    /seed must be a safe integer/,
  );
  assert.throws(() => mutatePython(WINDOW, "$f", "off_by_one", 0), /must be a Python identifier/);
  assert.throws(() => applicablePythonMutations(WINDOW, "def"), /must be a Python identifier/);
});

Deno.test("mutatePython() off_by_one changes a comparison, drops a ± 1 or lowers a range( bound", () => {
  const sites = allMutants(WINDOW, "window_sums", "off_by_one").map((m) =>
    m.split("\n").find((line, k) => line !== WINDOW.split("\n")[k])?.trim()
  );
  assert.deepEqual(sites, [
    "if size < 0:",
    "if size >= len(values):",
    "for start in range(len(values) - size):",
  ]);
  const ranged = mutatePython(
    "def f(n):\n    return [i for i in range(1, n)]\n",
    "f",
    "off_by_one",
  );
  assert.equal(ranged?.source, "def f(n):\n    return [i for i in range(1, n - 1)]\n");
  const wrapped = mutatePython("def f(n):\n    return list(range(n // 2))\n", "f", "off_by_one");
  assert.equal(wrapped?.source, "def f(n):\n    return list(range((n // 2) - 1))\n");
});

Deno.test("mutatePython() hallucinated_api uses other languages' APIs and imports math for math.sum", () => {
  const window = allMutants(WINDOW, "window_sums", "hallucinated_api");
  assert.ok(
    window.some((m) => m.startsWith("import math\n") && m.includes("sums.append(math.sum(")),
  );
  assert.ok(window.some((m) => m.includes("String(size)")));
  assert.ok(window.some((m) => m.includes("if size > values.length:")));
  assert.ok(window.some((m) => m.includes("sums.push(sum(")));
  const stats = allMutants(STATS, "Stats", "hallucinated_api");
  assert.ok(stats.some((m) => m.includes("return self.values.reverse()")));
  assert.ok(
    stats.some((m) =>
      m.includes("math.sum(self.values)") && !m.includes("import math\nimport math")
    ),
  );
  assert.ok(stats.some((m) => m.includes("list.sorted(self.values)")));
});

Deno.test("mutatePython() infinite_loop and runtime_crash insert a line first in the entry's body", () => {
  const loop = mutatePython(PALINDROME, "is_palindrome", "infinite_loop", 0)!;
  assert.equal(loop.source.split("\n")[1], "    while True: pass");
  assert.equal(loop.source.split("\n").length, PALINDROME.split("\n").length + 1);
  const init = mutatePython(STATS, "Stats", "infinite_loop", 0)!;
  assert.match(
    init.source,
    /def __init__\(self, values=None\):\n {8}while True: pass\n {8}self\.values = \[\]/,
  );
  const inline = mutatePython("def f(x): return x + 1\n", "f", "infinite_loop", 0)!;
  assert.equal(inline.source, "def f(x):\n    while True: pass\n    return x + 1\n");
  const crash = mutatePython(WINDOW, "window_sums", "runtime_crash", 1)!;
  assert.match(
    crash.source,
    /\n {4}# The sum[^\n]*\n {4}config = \{\}; config\["retries"\] \+= 1\n {4}if size <= 0:/,
  );
});

Deno.test("mutatePython() syntax_error drops a header's colon and the program no longer compiles", async () => {
  for (const ref of REFERENCES) {
    assert.equal(await compiles(ref.source), true);
    for (const mutant of allMutants(ref.source, ref.entry, "syntax_error")) {
      assert.equal(await compiles(mutant), false, mutant);
    }
  }
});

Deno.test("mutatePython() mutants fail the reference's tests under /usr/bin/python3", async () => {
  // Mutations that fail a case at every site of any reference.
  const everySite: MutationName[] = ["wrong_name", "syntax_error", "runtime_crash"];
  for (const ref of REFERENCES) {
    const names = PYTHON_MUTATIONS.filter((n) => n !== "infinite_loop" && n !== "refusal");
    const programs = names.flatMap((name) =>
      allMutants(ref.source, ref.entry, name).map((source, seed) => ({ name, seed, source }))
    );
    const reports = await runPrograms(ref.tests, programs.map((p) => p.source));
    programs.forEach((p, k) => {
      const r = reports[k];
      const failed = r.load !== null || r.failed.length > 0;
      const label = `${ref.entry} ${p.name} seed ${p.seed}:\n${p.source}\n${JSON.stringify(r)}`;
      // Every mutant but a syntax error still parses.
      assert.equal(r.parses, p.name !== "syntax_error", label);
      if (p.seed === 0 || everySite.includes(p.name)) assert.ok(failed, label);
      if (p.name === "wrong_name") assert.match(r.load ?? "", /^ImportError: cannot import name/);
      if (p.name === "syntax_error") assert.match(r.load ?? "", /^(?:Syntax|Indentation)Error/);
    });
    // Every other mutant fails a case too, but one equivalent mutant: without the guard
    // `if size > len(values): return []`, the range of a negative count is empty anyway.
    const passing = programs.filter((_, k) => reports[k].load === null && !reports[k].failed.length)
      .map((p) => `${p.name} seed ${p.seed}`);
    assert.deepEqual(passing, ref.entry === "window_sums" ? ["dropped_guard seed 1"] : []);
  }
});
