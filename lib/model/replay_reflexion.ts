/**
 * Reading Reflexion's logged answers (noahshinn/reflexion `programming_runs`: JSONL records
 * of HumanEval, or MultiPL-E mbpp-py, plus `solution` and `is_solved`) as recorded answers
 * for the `replay` provider, and their recorded verdicts for agreement measurements.
 *
 * @module
 */
import { humanEvalTaskId } from "../task/importers/humaneval_py.ts";
import { multiplEPyTaskId } from "../task/importers/multipl_e_py.ts";
import { ProviderError } from "./provider_error.ts";

/** One logged answer. */
export interface ReflexionAnswer {
  /** The assay task id: `humaneval-0` for `HumanEval/0`, `mbpp-2` for `mbpp_2_similar_elements`. */
  task: string;
  /** The answer: the logged solution as a whole program (see {@link readReflexionAnswers}). */
  text: string;
  /** Whether Reflexion's harness judged it solved. */
  solved: boolean;
}

/**
 * Whether a parsed JSON record is a Reflexion log record: a `solution` string and an
 * `is_solved` boolean, with a HumanEval `task_id` or a MultiPL-E `name`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { isReflexionRecord } from "./replay_reflexion.ts";
 * assert(isReflexionRecord({ task_id: "HumanEval/0", solution: "", is_solved: false }));
 * assert(!isReflexionRecord({ task: "t", text: "x" }));
 * ```
 */
export function isReflexionRecord(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  const r = value as Record<string, unknown>;
  return typeof r.solution === "string" && typeof r.is_solved === "boolean" &&
    (typeof r.task_id === "string" || typeof r.name === "string");
}

/**
 * The answers of a Reflexion log, or null when its first record is not a Reflexion record
 * (so `replay` reads it as its own format). A logged `solution` is either a whole
 * function (it defines the entry at its top level: served as it is) or only a body
 * (served after the record's prompt, as Reflexion's own `validate_py_results.py` runs
 * it); an empty solution is served empty. Throws an Error naming the file and line
 * of a record that is not JSON or lacks the fields.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readReflexionAnswers } from "./replay_reflexion.ts";
 * const file = await Deno.makeTempFile({ suffix: ".jsonl" });
 * const prompt = "def f(x):\n    \"\"\"Double x.\"\"\"\n";
 * await Deno.writeTextFile(file, [
 *   { task_id: "HumanEval/1", prompt, entry_point: "f", solution: "    return 2 * x", is_solved: true },
 *   { name: "mbpp_3_g", prompt: "def g():\n", entry_point: "g", solution: "def g():\n    return 1", is_solved: false },
 * ].map((r) => JSON.stringify(r)).join("\n"));
 * const answers = readReflexionAnswers(file)!;
 * assert.deepEqual(answers.map((a) => [a.task, a.solved]), [["humaneval-1", true], ["mbpp-3", false]]);
 * assert.equal(answers[0].text, prompt + "    return 2 * x\n");
 * assert.equal(answers[1].text, "def g():\n    return 1\n");
 * await Deno.writeTextFile(file, '{"task": "t", "text": "x"}\n');
 * assert.equal(readReflexionAnswers(file), null);
 * ```
 */
export function readReflexionAnswers(file: string): ReflexionAnswer[] | null {
  const lines = Deno.readTextFileSync(file).split("\n");
  const answers: ReflexionAnswer[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.trim() === "") continue;
    let r: Record<string, unknown>;
    try {
      r = JSON.parse(line);
    } catch (error) {
      if (answers.length === 0) return null;
      throw new ProviderError(
        `Cannot replay "${file}": line ${i + 1} is not JSON (${(error as Error).message}): ` +
          "fix or remove that line",
      );
    }
    if (!isReflexionRecord(r)) {
      if (answers.length === 0) return null;
      throw new ProviderError(
        `Cannot replay "${file}": line ${i + 1}: a Reflexion record needs "solution", ` +
          '"is_solved" and "task_id" (or "name")',
      );
    }
    answers.push({ task: taskIdOf(r), text: answerText(r), solved: r.is_solved as boolean });
  }
  return answers.length ? answers : null;
}

/**
 * The verdict Reflexion's harness recorded for each task of a log: task id → `is_solved`.
 * Throws an Error when the file is not a Reflexion log.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { reflexionSolved } from "./replay_reflexion.ts";
 * const file = await Deno.makeTempFile({ suffix: ".jsonl" });
 * await Deno.writeTextFile(file, JSON.stringify({ task_id: "HumanEval/7", prompt: "", solution: "", is_solved: false }));
 * assert.deepEqual(reflexionSolved(file), new Map([["humaneval-7", false]]));
 * ```
 */
export function reflexionSolved(file: string): Map<string, boolean> {
  const answers = readReflexionAnswers(file);
  if (!answers) {
    throw new ProviderError(
      `Cannot read "${file}" as a Reflexion log: its first record needs "solution", "is_solved" ` +
        'and "task_id" (or "name")',
    );
  }
  return new Map(answers.map((a) => [a.task, a.solved]));
}

function taskIdOf(r: Record<string, unknown>): string {
  return typeof r.task_id === "string"
    ? humanEvalTaskId(r.task_id)
    : multiplEPyTaskId(r.name as string);
}

/** The whole program of a logged solution: itself when it defines the entry, else prompt + body. */
function answerText(r: Record<string, unknown>): string {
  const solution = (r.solution as string).replace(/\r\n?/g, "\n");
  if (solution.trim() === "") return "";
  const entry = typeof r.entry_point === "string"
    ? r.entry_point
    : (r.name as string | undefined)?.match(/^[A-Za-z]+_\d+_(\w+)$/)?.[1];
  const defines = entry
    ? new RegExp(`^(?:async[ \\t]+)?def[ \\t]+${entry}[ \\t]*\\(`, "m").test(solution)
    : /^(?:async[ \t]+)?def[ \t]/m.test(solution);
  const text = defines ? solution : (typeof r.prompt === "string" ? r.prompt : "") + solution;
  return text.endsWith("\n") ? text : text + "\n";
}
