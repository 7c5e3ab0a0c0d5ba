import assert from "node:assert/strict";
import { runPythonSample } from "../../lib/sandbox/python.ts";
import { createPythonPool } from "../../lib/sandbox/python_pool.ts";
import type { PythonRuntime, SandboxJob } from "../../lib/sandbox/sandbox.ts";

const TESTS = `from solution import add


def _small():
    assert add(1, 2) == 3


def _negative():
    assert add(-1, 1) == 0


cases = {"adds small numbers": _small, "adds a negative number": _negative}
`;

const job = (code: string, python: PythonRuntime = "pyodide"): SandboxJob => ({
  language: "py",
  python,
  entry: "add",
  code,
  testsSource: TESTS,
  cases: [
    { name: "adds small numbers", kind: "core", tags: [] },
    { name: "adds a negative number", kind: "edge", tags: [] },
  ],
});

const PROGRAMS: Record<string, string> = {
  "a correct answer": "def add(a, b):\n    return a + b\n",
  "a wrong answer": "def add(a, b):\n    return a - b\n",
  "a syntax error": "def add(a, b)\n    return a + b\n",
  "a loop in the first case": "def add(a, b):\n    while True:\n        pass\n",
  "a replaced built-in":
    "import builtins\n\ndef add(a, b):\n    builtins.abs = lambda x: 0\n    return a + b\n",
  "an import of a stdlib module":
    "import json\n\ndef add(a, b):\n    return json.loads(json.dumps(a + b))\n",
  "a crash": "def add(a, b):\n    return undefined_name\n",
  "an exit of the process in a case": "import os\n\ndef add(a, b):\n    os._exit(0)\n",
  "a file written in /tmp":
    "def add(a, b):\n    with open('/tmp/note', 'w') as f:\n        f.write('x')\n    return a + b\n",
  "an import from Debian's dist-packages, put on sys.path by hand":
    "import sys\nsys.path.append('/usr/lib/python3/dist-packages')\nimport six\n\n" +
    "def add(a, b):\n    return a + b\n",
  "a file written in the working folder":
    "def add(a, b):\n    with open('note', 'w') as f:\n        f.write('x')\n    return a + b\n",
};

const LIMITS = { timeoutMs: 5000, caseTimeoutMs: 1000 };

for (const runtime of ["pyodide", "cpython"] as const) {
  Deno.test(`createPythonPool() gives the strict runner's verdicts, program by program (${runtime})`, async () => {
    const pool = createPythonPool({ size: 1, runtime });
    try {
      for (const [what, code] of Object.entries(PROGRAMS)) {
        const pooled = await pool.run(job(code, runtime), LIMITS);
        const strict = await runPythonSample(job(code, runtime), { ...LIMITS, python: runtime });
        assert.equal(pooled.outcome, strict.outcome, what);
        assert.deepEqual(
          pooled.cases.map((c) => [c.status, c.message]),
          strict.cases.map((c) => [c.status, c.message]),
          what,
        );
      }
      const counts = pool.counts();
      // Only the exit of the process went to the strict runner (its host died).
      assert.deepEqual(counts.strict, { "host died": 1 }, JSON.stringify(counts));
      assert.equal(counts.pooled, Object.keys(PROGRAMS).length - 1, JSON.stringify(counts));
      // The replaced built-in voided its passes and its host was replaced; so were the hosts of
      // the samples that wrote files (or tried to: CPython's job folder is read-only, as in a
      // strict job).
      assert.equal(counts.recycled["builtins.abs"], 1, JSON.stringify(counts.recycled));
      assert.equal(counts.recycled["wrote files"], 2, JSON.stringify(counts.recycled));
    } finally {
      await pool.close();
    }
  });
}

for (const runtime of ["pyodide", "cpython"] as const) {
  Deno.test(`createPythonPool() replaces a host whose sample left code behind, before the next sample (${runtime})`, async () => {
    const pool = createPythonPool({ size: 1, runtime });
    try {
      // A codec search function stays registered in the interpreter: on the next sample it would
      // run again and could rewrite that sample's answer. The host must not serve another sample.
      const planter = "import codecs, sys\n\ndef _search(name):\n" +
        "    module = sys.modules.get('solution')\n" +
        "    if module is not None:\n        module.add = lambda a, b: a + b\n    return None\n\n" +
        "codecs.register(_search)\n\ndef add(a, b):\n    return a + b\n";
      const first = await pool.run(job(planter, runtime), LIMITS);
      assert.ok(first.cases.every((c) => c.status === "pass"));
      // A wrong answer that triggers a codec lookup: in a reused host the planted function would
      // replace `add` with a correct one.
      const wrong = "def add(a, b):\n    return a - b\n\n\n" +
        "try:\n    'x'.encode('assay-unknown-codec')\nexcept LookupError:\n    pass\n";
      const second = await pool.run(job(wrong, runtime), LIMITS);
      assert.deepEqual(second.cases.map((c) => c.status), ["fail", "fail"]);
      const counts = pool.counts();
      assert.ok(
        Object.keys(counts.recycled).some((r) => r.includes("still alive")),
        JSON.stringify(counts.recycled),
      );
      assert.equal(counts.hostsStarted, 2);
    } finally {
      await pool.close();
    }
  });
}

for (const runtime of ["pyodide", "cpython"] as const) {
  Deno.test(`createPythonPool() stops a case at its own limit and runs the next one on a fresh host (${runtime})`, async () => {
    const pool = createPythonPool({ size: 1, runtime });
    try {
      const code =
        "def add(a, b):\n    if a == 1:\n        while True:\n            pass\n    return a + b\n";
      const r = await pool.run(job(code, runtime), LIMITS);
      assert.deepEqual(r.cases.map((c) => c.status), ["timeout", "pass"]);
      assert.equal(r.cases[0].message, "exceeded its 1000 ms case limit");
      assert.equal(pool.counts().timeouts, 1);
    } finally {
      await pool.close();
    }
  });
}

Deno.test("runPythonSample() and the pool keep the passes of an answer that raises sys's limits; the pool replaces its host", async () => {
  // Honest answers raise the recursion limit (deep recursion) and the int-to-str digit limit
  // (big integers): that voids no pass, but no later sample may inherit the limits.
  const code = "import sys\nsys.setrecursionlimit(5000)\nsys.set_int_max_str_digits(0)\n\n" +
    "def add(a, b):\n    return a + b if len(str(10 ** 5000)) == 5001 else None\n";
  const strict = await runPythonSample(job(code), LIMITS);
  assert.deepEqual(strict.cases.map((c) => c.status), ["pass", "pass"]);
  const pool = createPythonPool({ size: 1 });
  try {
    const pooled = await pool.run(job(code), LIMITS);
    assert.deepEqual(pooled.cases.map((c) => c.status), ["pass", "pass"]);
    assert.deepEqual(Object.keys(pool.counts().recycled), [
      "warnings, copyreg, os.environ, the collector's or sys's limits",
    ]);
  } finally {
    await pool.close();
  }
});

for (const runtime of ["pyodide", "cpython"] as const) {
  Deno.test(`createPythonPool() replaces a host whose sample changed shared state in a finalizer after its last case (${runtime})`, async () => {
    // The answer's module is unloaded at the end of the sample; the collector then finalizes the
    // object its globals held, whose __del__ patches math after the last check of the sample.
    const planter =
      "import math\n\nclass _Planter:\n    def __del__(self):\n        math.pi = 3\n\n" +
      "_keep = _Planter()\n\ndef add(a, b):\n    return a + b\n";
    const honest = "import math\n\ndef add(a, b):\n    return a + b if math.pi > 3.1 else 0\n";
    const pool = createPythonPool({ size: 1, runtime });
    try {
      const first = await pool.run(job(planter, runtime), LIMITS);
      assert.deepEqual(first.cases.map((c) => c.status), ["pass", "pass"]);
      const second = await pool.run(job(honest, runtime), LIMITS);
      assert.deepEqual(second.cases.map((c) => c.status), ["pass", "pass"]);
      assert.equal(pool.counts().hostsStarted, 2, JSON.stringify(pool.counts()));
    } finally {
      await pool.close();
    }
  });
}

Deno.test("createPythonPool() hands a job with a memory cap of its own to the strict runner", async () => {
  const pool = createPythonPool({ size: 1, runtime: "cpython", dataMb: 1024 });
  try {
    const code = "def add(a, b):\n    return a + b\n";
    const capped = await pool.run(job(code, "cpython"), { ...LIMITS, dataMb: 512 });
    assert.deepEqual(capped.cases.map((c) => c.status), ["pass", "pass"]);
    await pool.run(job(code, "cpython"), { ...LIMITS, dataMb: 1024 });
    const counts = pool.counts();
    assert.deepEqual(counts.strict, { "a memory cap of its own": 1 });
    assert.equal(counts.pooled, 1);
  } finally {
    await pool.close();
  }
});
