/**
 * The Python task a HumanEval-style record makes: a prompt (imports, helpers, the entry's
 * `def` line and docstring) and a test (`def check(candidate):` of asserts). Shared by the
 * OpenAI HumanEval and the MultiPL-E Python importers.
 *
 * @module
 */
import { pythonCheckCases } from "./python_check.ts";
import { splitPythonPrompt } from "./python_prompt.ts";
import { pythonTestsModule } from "./python_tests_module.ts";

/** What a prompt-and-check task is made of. */
export interface PromptCheckInput {
  /** The task id. */
  id: string;
  /** The task title (the benchmark's own id). */
  title: string;
  /** The prompt: code given before the entry, its `def` line and docstring. */
  prompt: string;
  /** The entry function's name. */
  entry: string;
  /** The test holding `def check(candidate):`. */
  test: string;
  /** The reference solution's source, or null. */
  reference: string | null;
  /** The task's tags. */
  tags: string[];
  /** Where the tests come from, for the first comment of tests.py ("OpenAI HumanEval HumanEval/0"). */
  origin: string;
  /** The benchmark file (the task's `dir`). */
  dir: string;
}

/**
 * A problem with one field of a record, which the importer reports as `line N: <field>: …`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { FieldProblem } from "./python_prompt_task.ts";
 * const problem = new FieldProblem("test", "check() holds no assert statement");
 * assert.equal(problem.message, "test: check() holds no assert statement");
 * assert.equal(problem.field, "test");
 * ```
 */
export class FieldProblem extends Error {
  /** The field, e.g. `prompt` or `test`. */
  readonly field: string;
  /** @param field the field; @param message what is wrong */
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}

/** The tag of a task whose `assert True` statements were dropped. */
export const DROPPED_ASSERT_TRUE = "dropped:assert-true";

/**
 * Build the task fields (validated later by `buildSuite`): instructions are the
 * entry's docstring, followed by the prompt's other code when it holds more than
 * imports (helpers the function may call); the signature is the `def` line;
 * every case is `core`. Tests keep the prompt's code in scope (see
 * `pythonTestsModule`'s `given`) and bind check's parameter to the entry.
 * `assert True` statements are dropped: the task is tagged
 * {@link DROPPED_ASSERT_TRUE} and tests.py says so. Throws a {@link FieldProblem}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { promptCheckTask } from "./python_prompt_task.ts";
 * const task = promptCheckTask({
 *   id: "t-1", title: "T/1", entry: "inc", reference: null, tags: ["demo"], origin: "demo T/1",
 *   dir: "x.jsonl", prompt: 'def inc(x: int) -> int:\n    """Add one to x."""\n',
 *   test: "def check(candidate):\n    assert candidate(1) == 2\n    assert True\n",
 * });
 * assert.equal(task.instructions, "Add one to x.");
 * assert.equal(task.signature, "def inc(x: int) -> int");
 * assert.deepEqual(task.tags, ["demo", "dropped:assert-true"]);
 * assert.match(task.testsSource as string, /candidate = inc\n\n\ndef _case_1\(\):\n    assert candidate\(1\) == 2\n/);
 * ```
 */
export function promptCheckTask(input: PromptCheckInput): Record<string, unknown> {
  const { entry } = input;
  let prompt;
  try {
    prompt = splitPythonPrompt(input.prompt, entry);
  } catch (error) {
    throw new FieldProblem("prompt", (error as Error).message);
  }
  let check;
  try {
    check = pythonCheckCases(input.test);
  } catch (error) {
    throw new FieldProblem("test", (error as Error).message);
  }
  const helpers = prompt.given.split("\n").some((l) =>
    l.trim() !== "" && !/^(import|from)\s/.test(l)
  );
  const instructions = (prompt.docstring || `Complete the Python function \`${entry}\`.`) +
    (helpers
      ? "\n\nThis code comes before the function and is in scope for it (you may call it):\n\n" +
        "```python\n" + prompt.given + "\n```"
      : "");
  const dropped = check.droppedAssertTrue;
  const comments = dropped
    ? [`${dropped} \`assert True\` statement(s) of check() were left out: they test nothing.`]
    : [];
  return {
    id: input.id,
    title: input.title,
    language: "py",
    instructions,
    entry,
    signature: prompt.signature,
    reference: input.reference === null ? null : "reference.py",
    tests: "tests.py",
    cases: check.cases.map((c) => ({ name: c.name, kind: "core", tags: [] })),
    tags: dropped ? [...input.tags, DROPPED_ASSERT_TRUE] : input.tags,
    referenceSource: input.reference,
    testsSource: pythonTestsModule({
      origin: `Imported by assay from ${input.origin}: one case per top-level assert of ` +
        "check(); the statements before it in check() run again in its case.",
      comments,
      given: prompt.given,
      imports: [`from solution import ${entry}`],
      module: [...(check.module ? [check.module] : []), `${check.param} = ${entry}`],
      cases: check.cases,
    }),
    dir: input.dir,
  };
}
