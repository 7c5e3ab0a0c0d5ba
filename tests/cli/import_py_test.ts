import assert from "node:assert/strict";
import { join } from "node:path";
import { runImport } from "../../lib/cli/import.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { importSuite } from "../../lib/task/importers/detect.ts";

const FIXTURES = new URL("../../data/fixtures/importers/", import.meta.url).pathname;
const hasPython = await Deno.stat("/usr/bin/python3").then(() => true, () => false);

Deno.test("runImport() writes the Python formats as folder suites that loadSuite reads back", async () => {
  const formats: [string, string, string[]][] = [
    ["humaneval", "humaneval-py.jsonl", []],
    ["mbpp", "mbpp-py.jsonl", []],
    ["multipl-e-py", "multipl-e-py.jsonl", []],
    ["auto", "mbpp-py.jsonl", []],
    ["can-ai-code", "can-ai-code-tasks.json", ["--language", "py"]],
    ["auto", "can-ai-code-tasks.json", ["--language", "py"]],
    ...(hasPython
      ? [["evalplus", "evalplus-humaneval.jsonl", []] as [string, string, string[]]]
      : []),
  ];
  for (const [format, fixture, extra] of formats) {
    const out = await Deno.makeTempDir();
    await runImport([format, FIXTURES + fixture, "--out", out, "--force", ...extra]);
    const back = await loadSuite(out);
    const imported = await importSuite(FIXTURES + fixture, {
      language: extra.length ? "py" : undefined,
    });
    const byId = (a: { id: string }, b: { id: string }) => a.id < b.id ? -1 : 1;
    assert.deepEqual(
      back.tasks.sort(byId).map((t) => [t.id, t.language, t.reference, t.tests, t.testsSource]),
      imported.tasks.sort(byId).map((t) => [t.id, "py", t.reference, "tests.py", t.testsSource]),
      `${format} ${fixture}`,
    );
    const first = back.tasks[0];
    assert.ok(
      await Deno.stat(join(out, first.id, "tests.py")).then(() => true),
      `${format}: tests.py written`,
    );
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("runImport() takes --language only for can-ai-code", async () => {
  await assert.rejects(
    runImport(["humaneval", FIXTURES + "humaneval-py.jsonl", "--out", "x", "--language", "py"]),
    /Cannot use --language with format "humaneval": it is for can-ai-code/,
  );
  await assert.rejects(
    runImport(["auto", FIXTURES + "mbpp-py.jsonl", "--out", "x", "--language", "py"]),
    /Cannot use --language with format "mbpp-py": it is for can-ai-code/,
  );
  await assert.rejects(
    runImport([
      "can-ai-code",
      FIXTURES + "can-ai-code-tasks.json",
      "--out",
      "x",
      "--language",
      "rust",
    ]),
    /Cannot use --language "rust": use js or py/,
  );
});
