/**
 * Importing OpenAI HumanEval (openai/human-eval `HumanEval.jsonl`: fields `task_id`,
 * `prompt`, `entry_point`, `canonical_solution`, `test`) as Python tasks. Files of
 * MultiPL-E Python records (`name`, `prompt`, `tests`) are read too.
 *
 * @module
 */
import { resolve } from "node:path";
import type { Suite } from "../schema.ts";
import { importJsonl } from "./import_jsonl.ts";
import { multiplEPyTask } from "./multipl_e_py.ts";
import { DROPPED_ASSERT_TRUE, FieldProblem, promptCheckTask } from "./python_prompt_task.ts";
import { fieldReader, type SourceRecord } from "./read_records.ts";

/** Bump when the tasks this importer produces change. */
export const HUMANEVAL_PY_IMPORTER_VERSION = 1;

/** Options for {@link importHumanEvalPy}. */
export interface HumanEvalPyOptions {
  /** Import only the first N records. @default all */
  limit?: number;
}

/** A suite with what the importer wants the user to know (printed by `./assay import`). */
export type SuiteWithNotes = Suite & { notes: string[] };

/**
 * The assay task id of a HumanEval `task_id`: `HumanEval/0` → `humaneval-0`
 * (other ids lower-cased, runs of other characters turned into `-`). The replay of
 * recorded HumanEval answers (lib/model/replay_reflexion.ts) uses the same ids.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { humanEvalTaskId } from "./humaneval_py.ts";
 * assert.equal(humanEvalTaskId("HumanEval/0"), "humaneval-0");
 * assert.equal(humanEvalTaskId("Mbpp/2"), "mbpp-2");
 * ```
 */
export function humanEvalTaskId(taskId: string): string {
  return taskId.toLowerCase().replace(/[^a-z0-9_]+/g, "-").replace(/^[-_]+|-+$/g, "");
}

/**
 * Import HumanEval as Python tasks. Each top-level `assert` of the test's `check`
 * becomes one `core` case named from its source (`case 3: candidate([1, 2, 3]) == 6`);
 * a loop holding asserts is one case; the setup statements of `check` before a case
 * run again in it, with `candidate` bound to the entry. `assert True` statements are
 * dropped (tag `dropped:assert-true`, and a note). The reference is prompt +
 * canonical_solution; the instructions are the entry's docstring; the prompt's imports
 * and helpers stay in scope for the tests and the candidate (see `promptCheckTask`).
 * Tags: `humaneval`. Throws an `ImportError` listing every malformed record.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { importHumanEvalPy } from "./humaneval_py.ts";
 * const file = new URL("../../../data/fixtures/importers/humaneval-py.jsonl", import.meta.url).pathname;
 * const suite = await importHumanEvalPy(file);
 * const task = suite.tasks.find((t) => t.id === "humaneval-38")!;
 * assert.equal(task.entry, "decode_cyclic");
 * assert.equal(task.signature, "def decode_cyclic(s: str)");
 * assert.match(task.cases[0].name, /^case 1: for _ in range\(100\): candidate\(encoded_str\) == str$/);
 * ```
 */
export async function importHumanEvalPy(
  path: string,
  options: HumanEvalPyOptions = {},
): Promise<SuiteWithNotes> {
  const suite = await importJsonl(path, {
    importer: "humaneval-py",
    version: HUMANEVAL_PY_IMPORTER_VERSION,
    options: { limit: options.limit },
    task: (record, problems) => {
      const value = record.value as Record<string, unknown>;
      return !("task_id" in value) && "name" in value
        ? multiplEPyTask(record, path, problems)
        : humanEvalTask(record, path, problems);
    },
  });
  const dropped = suite.tasks.filter((t) => t.tags.includes(DROPPED_ASSERT_TRUE));
  const notes = dropped.length
    ? [
      `${dropped.length} task(s) had \`assert True\` statements in check(), which test nothing: ` +
      `left out (tag ${DROPPED_ASSERT_TRUE}): ${dropped.map((t) => t.id).join(", ")}`,
    ]
    : [];
  return { ...suite, notes };
}

function humanEvalTask(
  record: SourceRecord,
  path: string,
  problems: string[],
): Record<string, unknown> | null {
  const field = fieldReader(record, problems);
  const taskId = field("task_id");
  const prompt = field("prompt");
  const entry = field("entry_point");
  const solution = field("canonical_solution");
  const test = field("test");
  if (taskId === null || prompt === null || entry === null || solution === null || test === null) {
    return null;
  }
  try {
    return promptCheckTask({
      id: humanEvalTaskId(taskId),
      title: taskId,
      prompt,
      entry,
      test,
      reference: prompt + solution,
      tags: ["humaneval"],
      origin: `OpenAI HumanEval ${taskId}`,
      dir: resolve(path),
    });
  } catch (error) {
    if (!(error instanceof FieldProblem)) throw error;
    problems.push(`line ${record.line}: ${error.message}`);
    return null;
  }
}
