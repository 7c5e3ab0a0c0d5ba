import assert from "node:assert/strict";
import { extractFiles } from "../../lib/model/extract_files.ts";
import { syntheticAnswer, syntheticFilesForm } from "../../lib/model/synthetic_answer.ts";
import { SYNTHETIC_PROFILES } from "../../lib/model/synthetic_profiles.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";

const suite = await loadSuite(new URL("../../tasks/builtin", import.meta.url).pathname);
const filesTasks = suite.tasks.filter((t) => t.answer === "files");

Deno.test("syntheticAnswer() answers a files task with the reference's files, as whole files on even seeds and a diff on odd", () => {
  assert.ok(filesTasks.length >= 10);
  for (const task of filesTasks) {
    for (const seed of [0, 1, 2, 3]) {
      const answer = syntheticAnswer(SYNTHETIC_PROFILES.reference, task, seed);
      assert.deepEqual(answer.mutations, []);
      const r = extractFiles(answer.text, task);
      assert.ok(r.ok, `${task.id} seed ${seed}: ${!r.ok && r.reason}`);
      assert.equal(r.form, syntheticFilesForm(seed), `${task.id} seed ${seed}`);
      assert.deepEqual(r.files, task.referenceFiles, `${task.id} seed ${seed} round-trips`);
      if (r.form === "diff") {
        assert.match(answer.text, /```diff\n--- a\/\S+\n\+\+\+ b\/\S+\n@@ -\d+,\d+ \+\d+,\d+ @@/);
      } else assert.match(answer.text, /### \S+\n```ts\n/);
    }
  }
});

Deno.test("syntheticAnswer() mutates one changed file of a files task, deterministically in the seed", () => {
  const task = filesTasks.find((t) => t.id === "cart-discount")!;
  let mutated = 0;
  for (let seed = 0; seed < 20; seed++) {
    const a = syntheticAnswer(SYNTHETIC_PROFILES.sloppy, task, seed);
    assert.deepEqual(a, syntheticAnswer(SYNTHETIC_PROFILES.sloppy, task, seed));
    if (a.mutations.length === 0 || a.mutations[0] === "refusal") continue;
    const r = extractFiles(a.text, task);
    if (!r.ok) continue; // a syntax_error mutant can cut a diff's hunk short
    const changed = Object.keys(r.files).filter((p) => r.files[p] !== task.referenceFiles![p]);
    assert.equal(changed.length, 1, `seed ${seed}: ${a.mutations}`);
    mutated++;
  }
  assert.ok(mutated >= 5, `${mutated} mutated answers`);
});
