/**
 * mixSuites(): one suite of several, each task keeping what its own suite declared, a hash that
 * changes with the parts and the chosen ids.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { mixSuites } from "../../lib/task/mix_suites.ts";
import type { Suite } from "../../lib/task/schema.ts";
import { ROOT } from "../_helpers.ts";

const builtin = await loadSuite(join(ROOT, "tasks", "builtin"));
const python = await loadSuite(join(ROOT, "tasks", "python"));
const OPTIONS = { name: "mixed", dir: join(ROOT, "tasks") };

Deno.test("mixSuites() keeps a suite's declarations on its own tasks, not on the other suite's", async () => {
  const ts: Suite = { ...builtin, dependencies: { mathjs: "^11.0.0" } };
  const py: Suite = { ...python, pythonPackages: ["yaml"] };
  const mixed = await mixSuites(
    [{ suite: ts, tasks: ["chunk"] }, { suite: py, tasks: ["mean"] }],
    OPTIONS,
  );
  const [chunk, mean] = mixed.tasks;
  assert.deepEqual([chunk.id, chunk.dependencies, chunk.pythonPackages], ["chunk", {
    mathjs: "^11.0.0",
  }, undefined]);
  assert.deepEqual([mean.id, mean.dependencies, mean.pythonPackages], ["mean", undefined, [
    "yaml",
  ]]);
  assert.equal(mixed.dependencies, undefined);
  assert.equal(mixed.pythonPackages, undefined);
});

Deno.test("mixSuites() hashes the parts and the chosen ids", async () => {
  const a = await mixSuites([{ suite: builtin, tasks: ["chunk"] }, {
    suite: python,
    tasks: ["mean"],
  }], OPTIONS);
  const same = await mixSuites([{ suite: builtin, tasks: ["chunk"] }, {
    suite: python,
    tasks: ["mean"],
  }], OPTIONS);
  const other = await mixSuites([{ suite: builtin, tasks: ["chunk"] }, {
    suite: python,
    tasks: ["unique"],
  }], OPTIONS);
  assert.equal(a.hash, same.hash);
  assert.notEqual(a.hash, other.hash);
  assert.notEqual(a.hash, python.hash);
  const all = await mixSuites([{ suite: builtin }, { suite: python }], OPTIONS);
  assert.equal(all.tasks.length, builtin.tasks.length + python.tasks.length);
  assert.deepEqual(all.tasks.map((t) => t.id), all.tasks.map((t) => t.id).sort());
});
