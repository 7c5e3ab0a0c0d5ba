/**
 * The task contract: zod schemas that are both the documentation and the
 * validation of a suite on disk.
 *
 * A folder suite holds one folder per task:
 *
 * ```
 * tasks/builtin/
 *   clamp/
 *     task.json      metadata, instructions, entry point, declared test cases
 *     reference.ts   the reference solution (exports the entry point)
 *     tests.ts       `export const cases = { "<case name>": () => { … } }`,
 *                    importing the solution from "./solution.ts"
 * ```
 *
 * @module
 */
import { z } from "zod";

/** The kind of a test case: `core` (specified behaviour) or `edge` (a boundary). */
export const CaseKind = z.enum(["core", "edge"]).describe(
  "core: the specified behaviour; edge: a boundary (empty, null, huge, unicode, negative, ordering…)",
);
/** The kind of a test case. */
export type CaseKind = z.infer<typeof CaseKind>;

/** One declared test case. Its body lives in the task's tests file under the same name. */
export const TestCase = z.object({
  /** Unique within the task; the key of its function in the tests file. */
  name: z.string().min(1).describe(
    "unique within the task; the key of its function in the tests file",
  ),
  /** `core` or `edge`: decides the weight of a failure in weighted accuracy. */
  kind: CaseKind,
  /** Free labels (e.g. "unicode", "large-input"). */
  tags: z.array(z.string()).default([]).describe("free labels such as unicode or large-input"),
});
/** One declared test case. */
export type TestCase = z.infer<typeof TestCase>;

/** The languages a task may be written in. */
export const Language = z.enum(["ts", "js"]).describe("the language the model must answer in");
/** The languages a task may be written in. */
export type Language = z.infer<typeof Language>;

/** The contents of a `task.json` file. File paths are relative to the task folder. */
export const TaskFile = z.object({
  /** Unique within the suite; by convention the folder name. */
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "use lower-case letters, digits, - and _")
    .describe("unique within the suite; by convention the folder name"),
  /** Short human title. */
  title: z.string().min(1).describe("short human title"),
  /** The language of the expected answer. */
  language: Language.default("ts"),
  /** What the model is asked to do, in prose. */
  instructions: z.string().min(1).describe("what the model is asked to do, in prose"),
  /** The exported name the tests import from `./solution.ts`. */
  entry: z.string().regex(/^[A-Za-z_$][\w$]*$/, "must be a JavaScript identifier")
    .describe("the exported name the tests import from ./solution.ts"),
  /** The signature shown to the model, e.g. `function clamp(x: number, lo: number, hi: number): number`. */
  signature: z.string().min(1).describe("the signature shown to the model"),
  /** Relative path of the reference solution; null when there is none (e.g. an imported benchmark). @default "reference.ts" */
  reference: z.string().nullable().default("reference.ts")
    .describe("relative path of the reference solution, null when there is none"),
  /** Relative path of the tests file. @default "tests.ts" */
  tests: z.string().default("tests.ts").describe("relative path of the tests file"),
  /** The declared test cases: the set every run must report on. */
  cases: z.array(TestCase).min(1).describe(
    "the declared test cases: the set every run must report on",
  ),
  /** easy, medium or hard. @default "medium" */
  difficulty: z.enum(["easy", "medium", "hard"]).default("medium").describe("easy, medium or hard"),
  /** Category labels (e.g. "strings", "stateful"). */
  tags: z.array(z.string()).default([]).describe("category labels such as strings or stateful"),
  /** Descriptions of mutants of the reference judged equivalent (excluded from mutation analysis). */
  equivalentMutants: z.array(z.string()).default([])
    .describe(
      "descriptions of reference mutants judged equivalent, excluded from mutation analysis",
    ),
  /** Wall-clock limit for one sample in milliseconds. @default 5000 */
  timeoutMs: z.number().int().positive().default(5_000).describe(
    "wall-clock limit for one sample, ms",
  ),
});
/** The contents of a `task.json` file. */
export type TaskFile = z.infer<typeof TaskFile>;

/** A loaded task: the validated `task.json` plus the source texts it refers to. */
export const Task = TaskFile.extend({
  /** The reference solution's source text; null when the task has none. */
  referenceSource: z.string().nullable().describe(
    "the reference solution's source text, null when none",
  ),
  /** The tests file's source text. */
  testsSource: z.string().describe("the tests file's source text"),
  /** The folder the task was loaded from. */
  dir: z.string().describe("the folder the task was loaded from"),
});
/** A loaded task. */
export type Task = z.infer<typeof Task>;

/** A loaded suite. */
export const Suite = z.object({
  /** The suite's name (its folder name). */
  name: z.string().describe("the suite's name (its folder name)"),
  /** The folder it was loaded from. */
  dir: z.string().describe("the folder it was loaded from"),
  /** SHA-256 over every file of every task, in a stable order. */
  hash: z.string().describe("SHA-256 over every file of every task, in a stable order"),
  /** The tasks, sorted by id. */
  tasks: z.array(Task).describe("the tasks, sorted by id"),
});
/** A loaded suite. */
export type Suite = z.infer<typeof Suite>;
