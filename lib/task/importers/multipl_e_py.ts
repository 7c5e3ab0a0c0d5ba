/**
 * Importing MultiPL-E Python records (`humaneval-py`, `mbpp-py`: fields `name`,
 * `language: "py"`, `prompt`, `tests`, as in nuprl/MultiPL-E; Reflexion's logs carry the
 * same records with `test` and `entry_point`). MultiPL-E has no reference solutions.
 *
 * @module
 */
import { resolve } from "node:path";
import type { Suite } from "../schema.ts";
import { importJsonl } from "./import_jsonl.ts";
import { readPython } from "./python_lines.ts";
import { FieldProblem, promptCheckTask } from "./python_prompt_task.ts";
import type { SourceRecord } from "./read_records.ts";

/** Bump when the tasks this importer produces change. */
export const MULTIPL_E_PY_IMPORTER_VERSION = 1;

/**
 * The assay task id of a MultiPL-E problem name: `mbpp_2_similar_elements` →
 * `mbpp-2` and `HumanEval_0_has_close_elements` → `humaneval-0` (the ids the MBPP and
 * HumanEval importers give the same problem); other names lower-cased.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { multiplEPyTaskId } from "./multipl_e_py.ts";
 * assert.equal(multiplEPyTaskId("mbpp_2_similar_elements"), "mbpp-2");
 * assert.equal(multiplEPyTaskId("HumanEval_23_strlen"), "humaneval-23");
 * assert.equal(multiplEPyTaskId("Other Name"), "other_name");
 * ```
 */
export function multiplEPyTaskId(name: string): string {
  const m = name.match(/^(mbpp|humaneval)_(\d+)_/i);
  if (m) return `${m[1].toLowerCase()}-${Number(m[2])}`;
  return name.toLowerCase().replace(/[^a-z0-9_-]+/g, "_").replace(/^[_-]+/, "");
}

/**
 * The task of one MultiPL-E Python record, or null after recording its problems
 * (`line N: field: …`). The entry is `entry_point`, else the function the test's
 * `check(<name>)` call names, else the prompt's last top-level function.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { multiplEPyTask } from "./multipl_e_py.ts";
 * const problems: string[] = [];
 * const task = multiplEPyTask({ line: 1, value: {
 *   name: "mbpp_9_double", language: "py", prompt: 'def double(x: int) -> int:\n    """\n\tDouble x.\n\t"""\n',
 *   tests: "def check(candidate):\n    assert candidate(2) == 4\n\ndef test_check():\n    check(double)\n\ntest_check()\n",
 * } }, "x.jsonl", problems)!;
 * assert.deepEqual([task.id, task.entry, task.instructions, task.reference], ["mbpp-9", "double", "Double x.", null]);
 * assert.deepEqual(problems, []);
 * ```
 */
export function multiplEPyTask(
  record: SourceRecord,
  path: string,
  problems: string[],
): Record<string, unknown> | null {
  const at = `line ${record.line}`;
  const r = record.value as Record<string, unknown>;
  const name = r.name, prompt = r.prompt, test = r.tests ?? r.test;
  for (const [field, value] of [["name", name], ["prompt", prompt], ["tests", test]]) {
    if (typeof value !== "string") {
      problems.push(
        `${at}: ${field}: must be a string, got ${value === undefined ? "nothing" : typeof value}`,
      );
      return null;
    }
  }
  if (r.language !== undefined && r.language !== "py") {
    problems.push(`${at}: language: expected "py", got ${JSON.stringify(r.language)}`);
    return null;
  }
  const entry = typeof r.entry_point === "string"
    ? r.entry_point
    : entryOf(prompt as string, test as string);
  if (!entry) {
    problems.push(`${at}: prompt: defines no function`);
    return null;
  }
  const id = multiplEPyTaskId(name as string);
  const dataset = id.match(/^(mbpp|humaneval)-/)?.[1];
  try {
    return promptCheckTask({
      id,
      title: name as string,
      prompt: prompt as string,
      entry,
      test: test as string,
      reference: null,
      tags: ["multipl-e", ...(dataset ? [dataset] : [])],
      origin: `MultiPL-E ${name}`,
      dir: resolve(path),
    });
  } catch (error) {
    if (!(error instanceof FieldProblem)) throw error;
    problems.push(`${at}: ${error.message}`);
    return null;
  }
}

/**
 * Import a MultiPL-E Python JSONL file (humaneval-py or mbpp-py): one `core` case per
 * top-level assert of `check` (see `promptCheckTask`), ids from {@link multiplEPyTaskId},
 * no references. Throws an `ImportError` listing every malformed record.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { importMultiplEPy } from "./multipl_e_py.ts";
 * const file = new URL("../../../data/fixtures/importers/multipl-e-py.jsonl", import.meta.url).pathname;
 * const suite = await importMultiplEPy(file);
 * assert.deepEqual(suite.tasks.map((t) => t.language), ["py", "py"]);
 * ```
 */
export async function importMultiplEPy(
  path: string,
  options: { limit?: number } = {},
): Promise<Suite> {
  return await importJsonl(path, {
    importer: "multipl-e-py",
    version: MULTIPL_E_PY_IMPORTER_VERSION,
    options: { limit: options.limit },
    task: (record, problems) => multiplEPyTask(record, path, problems),
  });
}

/** The entry: the name MultiPL-E's `check(<name>)` call passes, else the prompt's last top-level def. */
function entryOf(prompt: string, test: string): string | null {
  const called = test.match(/^\s*check\(\s*([A-Za-z_]\w*)\s*\)/m)?.[1];
  if (called) return called;
  const defs = readPython(prompt).lines.filter((l) => l.indent === 0)
    .map((l) => l.code.match(/^(?:async\s+)?def\s+([A-Za-z_]\w*)/)?.[1])
    .filter((n): n is string => !!n);
  return defs[defs.length - 1] ?? null;
}
