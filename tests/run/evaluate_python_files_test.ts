import assert from "node:assert/strict";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { syntheticProvider } from "../../lib/model/synthetic.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { validateSuite } from "../../lib/run/validate_suite.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { parseFileBundle } from "../../lib/task/tree.ts";
import { fixedAnswer } from "./fixed_answer.ts";

const python = await loadSuite(new URL("../../tasks/python", import.meta.url).pathname);
const suite = { ...python, tasks: python.tasks.filter((t) => t.id === "inventory-restock") };
const task = suite.tasks[0];

for (const runtime of ["cpython", "pyodide"] as const) {
  for (const sandbox of ["pooled", "strict"] as const) {
    // Pyodide's strict runner is covered by sample_job_python_files_test.ts: one start is enough.
    if (runtime === "pyodide" && sandbox === "strict") continue;
    Deno.test(`evaluate() runs a Python files task on its tree in ${runtime} (${sandbox}): synthetic:reference passes in both answer forms`, async () => {
      const model = syntheticProvider("reference", suite.tasks);
      const runsDir = await Deno.makeTempDir();
      try {
        const run = await evaluate(suite, {
          models: [model],
          runsDir,
          samples: 2,
          sandbox,
          python: runtime,
          resume: false,
        });
        const { generations, results, manifest } = await loadRun(run.dir);
        assert.deepEqual(manifest.taskErrors ?? {}, {}, "the reference passed in the same runtime");
        assert.equal(results.length, 2);
        for (const r of results) {
          assert.equal(r.outcome, "completed", r.detail);
          assert.ok(r.cases.every((c) => c.status === "pass"), JSON.stringify(r.cases));
          assert.equal(r.failure, null);
        }
        const texts = generations.map((g) => g.text);
        assert.ok(texts.some((t) => t.includes("```diff")), "one sample answered with a diff");
        assert.ok(texts.some((t) => t.includes("### inventory/restock.py\n```python")));
        for (const g of generations) {
          assert.match(g.code!, /^# file: inventory\/restock\.py\n/);
          assert.deepEqual(parseFileBundle(g.code!), task.referenceFiles);
        }
      } finally {
        await model.close();
        await Deno.remove(runsDir, { recursive: true });
      }
    });
  }
}

Deno.test("evaluate() judges mutated Python files answers (synthetic:sloppy in CPython): each mutant that runs is caught with a category", async () => {
  const model = syntheticProvider("sloppy", suite.tasks);
  const runsDir = await Deno.makeTempDir();
  try {
    const run = await evaluate(suite, {
      models: [model],
      runsDir,
      samples: 8,
      sandbox: "pooled",
      python: "cpython",
      resume: false,
    });
    const { generations, results } = await loadRun(run.dir);
    const bySample = new Map(generations.map((g) => [g.sample, g]));
    let caught = 0;
    for (const r of results) {
      const g = bySample.get(r.sample)!;
      if (g.mutations.length === 0) {
        assert.ok(r.passed, `sample ${r.sample}: the unmutated answer passes`);
        continue;
      }
      if (!r.passed) {
        assert.ok(r.failure, `sample ${r.sample} (${g.mutations}) has a failure category`);
        caught++;
      }
    }
    assert.ok(caught >= 2, `${caught} mutated answers caught`);
  } finally {
    await model.close();
    await Deno.remove(runsDir, { recursive: true });
  }
});

Deno.test("evaluate() classifies Python files answers in the CPython pool: a hallucinated method named in its module, a missing entry as wrong_interface", async () => {
  const restock = task.referenceFiles!["inventory/restock.py"];
  const suppliers = task.referenceFiles!["inventory/suppliers.py"];
  const whole = (files: Record<string, string>) =>
    Object.entries(files).map(([p, src]) => `### ${p}\n\`\`\`python\n${src}\`\`\`\n`).join("\n");
  const cases = [
    {
      model: fixedAnswer(
        "fixed:entries",
        whole({
          "inventory/restock.py": restock.replace("targets.items()", "targets.entries()"),
          "inventory/suppliers.py": suppliers,
        }),
      ),
      check: (r: { outcome: string; cases: { message: string }[]; failure: unknown }) => {
        assert.equal(r.outcome, "completed");
        assert.match(
          r.cases[0].message,
          /^AttributeError: 'dict' object has no attribute 'entries' \(inventory\/restock\.py, line \d+\)$/,
        );
        assert.equal((r.failure as { category: string }).category, "hallucinated_api");
      },
    },
    {
      model: fixedAnswer(
        "fixed:renamed",
        whole({
          "inventory/restock.py": restock.replace("def restock_order", "def restock"),
          "inventory/suppliers.py": suppliers,
        }),
      ),
      check: (r: { outcome: string; detail: string; failure: unknown }) => {
        assert.equal(r.outcome, "load_error");
        assert.match(r.detail, /cannot import name 'restock_order' from 'inventory\.restock'/);
        assert.equal((r.failure as { category: string }).category, "wrong_interface");
      },
    },
  ];
  for (const { model, check } of cases) {
    const runsDir = await Deno.makeTempDir();
    try {
      const run = await evaluate(suite, {
        models: [model],
        runsDir,
        sandbox: "pooled",
        python: "cpython",
        resume: false,
      });
      const { results } = await loadRun(run.dir);
      check(results[0] as never);
    } finally {
      await Deno.remove(runsDir, { recursive: true });
    }
  }
});

Deno.test("validateSuite() proves inventory-restock in CPython: the reference passes 3× and every counted mutant is killed", async () => {
  const [v] = await validateSuite(suite, { python: "cpython", concurrency: 2 });
  assert.deepEqual(v.problems, []);
  assert.equal(v.referencePasses, 3);
  assert.ok(v.mutants.length >= 10, `${v.mutants.length} mutants`);
  assert.equal(v.killRate, 1);
  assert.ok(v.mutants.some((m) => m.description.startsWith("inventory/suppliers.py: ")));
  assert.ok(v.mutants.some((m) => m.description.startsWith("inventory/restock.py: ")));
});
