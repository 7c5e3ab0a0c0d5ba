import assert from "node:assert/strict";
import { FILES_ANSWER_FORMAT, TEMPLATES } from "../../lib/prompt/templates.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";

const suite = await loadSuite(new URL("../../tasks/python", import.meta.url).pathname);
const task = suite.tasks.find((t) => t.id === "inventory-restock")!;
const F = "`".repeat(3);

Deno.test("every template shows a Python files task's codebase in python fences under ### path headings", () => {
  for (const template of Object.values(TEMPLATES)) {
    const last = template.render(task).at(-1)!.content;
    assert.ok(last.includes(task.instructions.trim()), template.name);
    for (const [path, source] of Object.entries(task.contextFiles)) {
      assert.ok(
        last.includes(`### ${path}\n${F}python\n${source.trimEnd()}\n${F}`),
        `${template.name}: ${path}`,
      );
    }
    assert.ok(last.includes(`${F}python\n${task.signature.trim()}\n${F}`), template.name);
    assert.ok(
      last.includes("Files you may change: inventory/restock.py, inventory/suppliers.py."),
      template.name,
    );
    assert.ok(last.includes("The main function your change adds or alters is `restock_order`"));
  }
});

Deno.test("every template asks a Python files task for whole files or a unified diff, in Python", () => {
  for (const template of Object.values(TEMPLATES)) {
    const messages = template.render(task);
    assert.ok(messages.at(-1)!.content.includes(FILES_ANSWER_FORMAT), template.name);
    assert.doesNotMatch(messages[0].content, /TypeScript/, template.name);
    assert.match(messages[0].content, /Python/, template.name);
  }
});
