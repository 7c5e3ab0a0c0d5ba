/**
 * Picking the importer for a benchmark file from its first record (and, to
 * break ties, its name).
 *
 * @module
 */
import type { Suite } from "../schema.ts";
import { importCanAiCode } from "./can_ai_code.ts";
import { importEvalPlus } from "./evalplus.ts";
import type { ComputeExpected } from "./evalplus_expected.ts";
import { importHumanEvalPy } from "./humaneval_py.ts";
import { importHumanEvalX } from "./humaneval_x.ts";
import { ImportError } from "./import_error.ts";
import { importMbppPy } from "./mbpp_py.ts";
import { importMbxp } from "./mbxp.ts";
import { importMultiplE } from "./multipl_e.ts";
import { importMultiplEPy } from "./multipl_e_py.ts";
import { readText } from "./read_records.ts";
import type { RunInSandbox } from "./collect_in_sandbox.ts";
import { importTestFile } from "./test_file.ts";

/** The formats {@link importSuite} recognises. */
export type SuiteFormat =
  | "multipl-e"
  | "humaneval-x"
  | "mbxp"
  | "can-ai-code"
  | "test-file"
  | "humaneval-py"
  | "mbpp-py"
  | "multipl-e-py"
  | "evalplus";

/** Options for {@link importSuite}, passed on to the chosen importer. */
export interface ImportSuiteOptions {
  /** Import only the first N records. @default all */
  limit?: number;
  /** Force a format instead of detecting it. @default detected */
  format?: SuiteFormat;
  /** MultiPL-E: fix the "tsthon"/"jsthon" prompt defect. @default true */
  fixTerminology?: boolean;
  /** MBXP: keep the (unreliable) canonical solutions as references. @default false */
  withReference?: boolean;
  /**
   * Test files: runs a job in assay's sandbox, to collect the test names by executing the
   * file's registration phase (see `importTestFile`). @default none: static reading only
   */
  runInSandbox?: RunInSandbox;
  /** can-ai-code: import the tasks as JavaScript or as Python. @default "js" */
  language?: "js" | "py";
  /** EvalPlus: runs the references for the expected outputs. @default /usr/bin/python3 */
  computeExpected?: ComputeExpected;
}

const EXPECTED = "expected MultiPL-E (name, language, prompt, tests; Python too), " +
  'OpenAI HumanEval (task_id "HumanEval/…", prompt, entry_point, canonical_solution, test), ' +
  "MBPP (task_id, text, code, test_list), " +
  "EvalPlus (task_id, prompt, entry_point, canonical_solution, base_input, plus_input), " +
  'HumanEval-X (task_id "JavaScript/…", prompt, canonical_solution, test, declaration), ' +
  "mxeval/MBXP (task_id, language, prompt, test, entry_point), " +
  'can-ai-code ({"tasks": {"<name>": {Signature, Checks}}}) ' +
  "or a jest/vitest/Deno.test file (.ts/.js)";

/**
 * Tell a file's format: `.ts`/`.js` files are test files; JSON(L) files are
 * recognised by the fields of their first record. Throws an
 * {@link ImportError} naming the file and what was expected.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { detectFormat } from "./detect.ts";
 * const file = await Deno.makeTempFile({ suffix: ".jsonl" });
 * await Deno.writeTextFile(file, JSON.stringify({ task_id: "MBTSP/1", language: "typescript", prompt: "", test: "", entry_point: "f" }));
 * assert.equal(await detectFormat(file), "mbxp");
 * await Deno.writeTextFile(file, '{"question": "?"}');
 * await assert.rejects(detectFormat(file), /Cannot import ".*": cannot tell the format from the first record \(fields: question\): expected MultiPL-E/);
 * ```
 */
export async function detectFormat(path: string): Promise<SuiteFormat> {
  if (/\.(m|c)?[jt]sx?$/.test(path)) return "test-file";
  const text = await readText(path);
  let first: unknown;
  try {
    if (/\.jsonl$/i.test(path) || !/^\s*[[{]/.test(text)) {
      const line = text.split("\n").find((l) => l.trim() !== "");
      if (line === undefined) throw new ImportError(path, [`the file is empty: ${EXPECTED}`]);
      first = JSON.parse(line);
    } else {
      first = JSON.parse(text);
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(path, [
      `the first record is not valid JSON (${(error as Error).message}): ${EXPECTED}`,
    ]);
  }
  if (first === null || typeof first !== "object" || Array.isArray(first)) {
    throw new ImportError(path, [`the first record is not a JSON object: ${EXPECTED}`]);
  }
  const r = first as Record<string, unknown>;
  const has = (...keys: string[]) => keys.every((k) => k in r);
  if (has("tasks") && r.tasks && typeof r.tasks === "object") {
    const some = Object.values(r.tasks as object)[0] as Record<string, unknown> | undefined;
    if (some && "Signature" in some && "Checks" in some) return "can-ai-code";
  }
  if (has("task_id", "prompt", "entry_point", "canonical_solution", "base_input")) {
    return "evalplus";
  }
  if (has("task_id", "code", "test_list")) return "mbpp-py";
  if (has("name", "prompt") && r.language === "py" && (has("tests") || has("test"))) {
    return "multipl-e-py";
  }
  if (has("name", "language", "prompt", "tests")) return "multipl-e";
  // OpenAI HumanEval (and logs of answers to it, such as Reflexion's): Python, no language field.
  const python = !("language" in r) || r.language === "python" || r.language === "py";
  if (has("task_id", "prompt", "canonical_solution", "test") && !has("declaration") && python) {
    return "humaneval-py";
  }
  if (has("task_id", "prompt", "test", "entry_point")) return "mbxp";
  if (has("task_id", "prompt", "canonical_solution", "test", "declaration")) return "humaneval-x";
  const fields = Object.keys(r).slice(0, 12).join(", ") || "none";
  throw new ImportError(path, [
    `cannot tell the format from the first record (fields: ${fields}): ${EXPECTED}`,
  ]);
}

/**
 * Import a benchmark file with the importer its format calls for
 * (MultiPL-E, HumanEval-X, mxeval/MBXP, can-ai-code, one jest/vitest/
 * `Deno.test` file, or the Python benchmarks: OpenAI HumanEval, MBPP, MultiPL-E
 * Python, EvalPlus).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { importSuite } from "./detect.ts";
 * const fixtures = new URL("../../../data/fixtures/importers/", import.meta.url).pathname;
 * const suite = await importSuite(fixtures + "humaneval-x.jsonl", { limit: 1 });
 * assert.equal(suite.tasks.length, 1);
 * assert.deepEqual(suite.tasks[0].tags.slice(0, 1), ["humaneval-x"]);
 * ```
 */
export async function importSuite(path: string, options: ImportSuiteOptions = {}): Promise<Suite> {
  const format = options.format ?? await detectFormat(path);
  const limit = options.limit;
  switch (format) {
    case "multipl-e":
      return importMultiplE(path, { limit, fixTerminology: options.fixTerminology });
    case "humaneval-x":
      return importHumanEvalX(path, { limit });
    case "mbxp":
      return importMbxp(path, { limit, withReference: options.withReference });
    case "can-ai-code":
      return importCanAiCode(path, { limit, language: options.language });
    case "test-file":
      return importTestFile(path, { limit, runInSandbox: options.runInSandbox });
    case "humaneval-py":
      return importHumanEvalPy(path, { limit });
    case "mbpp-py":
      return importMbppPy(path, { limit });
    case "multipl-e-py":
      return importMultiplEPy(path, { limit });
    case "evalplus":
      return importEvalPlus(path, { limit, computeExpected: options.computeExpected });
  }
}
