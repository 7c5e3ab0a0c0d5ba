import assert from "node:assert/strict";
import { FILES_ANSWER_FORMAT, TEMPLATES } from "../../lib/prompt/templates.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";

const suite = await loadSuite(new URL("../../tasks/builtin", import.meta.url).pathname);
const task = suite.tasks.find((t) => t.id === "cart-discount")!;
const F = "`".repeat(3);

Deno.test("every template shows a files task's context files as a path heading and a fenced block", () => {
  for (const template of Object.values(TEMPLATES)) {
    const last = template.render(task).at(-1)!.content;
    assert.ok(last.includes(task.instructions.trim()), template.name);
    for (const [path, source] of Object.entries(task.contextFiles)) {
      assert.ok(
        last.includes(`### ${path}\n${F}ts\n${source.trimEnd()}\n${F}`),
        `${template.name}: ${path}`,
      );
    }
    assert.ok(last.includes(task.signature.trim()), template.name);
    assert.ok(last.includes("Files you may change: src/cart.ts, src/discounts.ts."), template.name);
  }
});

Deno.test("every template asks a files task for whole files or a unified diff and says both are accepted", () => {
  assert.match(FILES_ANSWER_FORMAT, /both are accepted/);
  assert.match(FILES_ANSWER_FORMAT, /`### <path>`/);
  assert.match(FILES_ANSWER_FORMAT, /unified diff .* `diff` block/);
  for (const template of Object.values(TEMPLATES)) {
    const messages = template.render(task);
    assert.ok(messages.at(-1)!.content.includes(FILES_ANSWER_FORMAT), template.name);
    assert.doesNotMatch(messages[0].content, /single TypeScript code block/, template.name);
  }
});

Deno.test("a code task's prompt is unchanged by the files support", async () => {
  const tiny = await loadSuite(new URL("../../data/fixtures/suite-tiny", import.meta.url).pathname);
  const content = TEMPLATES.plain.render(tiny.tasks[0])[1].content;
  assert.ok(
    content.endsWith(
      "Reply with the complete module in one fenced code block. Do not include tests.",
    ),
  );
  assert.doesNotMatch(content, /###/);
});

Deno.test("perturbTask() keeps a files task's names: rename_entry and rename_params would contradict its codebase", async () => {
  const { perturbTask } = await import("../../lib/prompt/perturb.ts");
  assert.equal(perturbTask(task, "rename_entry", 1), task);
  assert.equal(perturbTask(task, "rename_params", 1), task);
  assert.notEqual(perturbTask(task, "reword", 1).instructions, task.instructions);
});
