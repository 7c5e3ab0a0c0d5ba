import assert from "node:assert/strict";
import { sampleJob } from "../../lib/run/sample_job.ts";
import { runSample } from "../../lib/sandbox/deno.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { formatFileBundle } from "../../lib/task/tree.ts";

const suite = await loadSuite(new URL("../../tasks/python", import.meta.url).pathname);
const task = suite.tasks.find((t) => t.id === "inventory-restock")!;

Deno.test("sampleJob() puts a Python files answer over the context: the changed package in files, no solution.py", () => {
  const job = sampleJob(task, task.referenceSource!, { python: "cpython" });
  assert.equal(job.language, "py");
  assert.equal(job.python, "cpython");
  assert.equal(job.code, "", "a files task has no solution.py of its own");
  assert.deepEqual(Object.keys(job.files!).sort(), [
    "inventory/__init__.py",
    "inventory/restock.py",
    "inventory/stock.py",
    "inventory/suppliers.py",
  ]);
  assert.equal(job.files!["inventory/restock.py"], task.referenceFiles!["inventory/restock.py"]);
  assert.equal(job.files!["inventory/stock.py"], task.contextFiles["inventory/stock.py"]);
  assert.equal(job.testsSource, task.testsSource);
  // An answer that changes only one file keeps the context's other files.
  const one = sampleJob(task, formatFileBundle({ "inventory/stock.py": "X = 1\n" }, "py"));
  assert.equal(one.files!["inventory/stock.py"], "X = 1\n");
  assert.equal(one.files!["inventory/restock.py"], task.contextFiles["inventory/restock.py"]);
});

for (const python of ["cpython", "pyodide"] as const) {
  Deno.test(`runSample() runs a Python files job's nested package in ${python} (strict runner), naming the tree module an error comes from`, async () => {
    const pass = await runSample(sampleJob(task, task.referenceSource!, { python }));
    assert.equal(pass.outcome, "completed", pass.detail);
    assert.ok(pass.cases.every((c) => c.status === "pass"), JSON.stringify(pass.cases));
    // The context alone lacks restock_order: importing the tests fails, naming the module.
    const before = await runSample(sampleJob(task, formatFileBundle({}, "py"), { python }));
    assert.equal(before.outcome, "load_error");
    assert.match(
      before.detail,
      /^ImportError: cannot import name 'restock_order' from 'inventory\.restock'/,
    );
    // An error raised in a module of the tree names that module and line (solution.py is empty).
    const restock = task.referenceFiles!["inventory/restock.py"];
    const broken = formatFileBundle({
      ...task.referenceFiles!,
      "inventory/restock.py": restock.replace("targets.items()", "targets.entries()"),
    }, "py");
    const line = restock.split("\n").findIndex((l) => l.includes("targets.items()")) + 1;
    const error = await runSample(sampleJob(task, broken, { python }));
    const first = error.cases.find((c) => c.name === "orders whole packs to reach the target")!;
    assert.equal(first.status, "error");
    assert.equal(
      first.message,
      `AttributeError: 'dict' object has no attribute 'entries' (inventory/restock.py, line ${line})`,
    );
  });
}
