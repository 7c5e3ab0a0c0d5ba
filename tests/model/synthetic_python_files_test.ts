import assert from "node:assert/strict";
import { extractFiles } from "../../lib/model/extract_files.ts";
import { syntheticAnswer, syntheticFilesForm } from "../../lib/model/synthetic_answer.ts";
import { SYNTHETIC_PROFILES } from "../../lib/model/synthetic_profiles.ts";
import { PYTHON_MUTATIONS } from "../../lib/model/python_mutate.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";

const suite = await loadSuite(new URL("../../tasks/python", import.meta.url).pathname);
const task = suite.tasks.find((t) => t.id === "inventory-restock")!;

Deno.test("syntheticAnswer() answers a Python files task with the reference's files: python fences on even seeds, a diff on odd", () => {
  for (const seed of [0, 1, 2, 3]) {
    const answer = syntheticAnswer(SYNTHETIC_PROFILES.reference, task, seed);
    assert.deepEqual(answer.mutations, []);
    const r = extractFiles(answer.text, task);
    assert.ok(r.ok, `seed ${seed}: ${!r.ok && r.reason}`);
    assert.equal(r.form, syntheticFilesForm(seed));
    assert.deepEqual(r.files, task.referenceFiles, `seed ${seed} round-trips`);
    if (r.form === "whole") {
      assert.match(answer.text, /### inventory\/restock\.py\n```python\n/);
    } else assert.match(answer.text, /```diff\n--- a\/inventory\/restock\.py\n\+\+\+ b\//);
  }
});

Deno.test("syntheticAnswer() mutates one .py file of a Python files task with the Python engine, deterministically", () => {
  let mutated = 0;
  for (let seed = 0; seed < 24; seed++) {
    const a = syntheticAnswer(SYNTHETIC_PROFILES.sloppy, task, seed);
    assert.deepEqual(a, syntheticAnswer(SYNTHETIC_PROFILES.sloppy, task, seed));
    if (a.mutations.length === 0 || a.mutations[0] === "refusal") continue;
    assert.ok((PYTHON_MUTATIONS as readonly string[]).includes(a.mutations[0]), a.mutations[0]);
    assert.doesNotMatch(a.text, /```ts\n|\bfunction\b|;\n/, `seed ${seed}: Python, not TypeScript`);
    const r = extractFiles(a.text, task);
    if (!r.ok) continue; // a syntax_error mutant can cut a diff's hunk short
    const changed = Object.keys(r.files).filter((p) => r.files[p] !== task.referenceFiles![p]);
    assert.ok(changed.length <= 1, `seed ${seed}: ${a.mutations} changed ${changed}`);
    if (changed.length === 1) mutated++;
  }
  assert.ok(mutated >= 5, `${mutated} mutated answers`);
});
