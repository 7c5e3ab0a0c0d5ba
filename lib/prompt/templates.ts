/**
 * Prompt templates: a template turns a task into chat messages. Templates are
 * plain values `{ name, render(task) }`, so a notebook cell can define a new
 * one and pass it to `evaluate()`; the name is the run's `variant`.
 *
 * A task that changes a codebase (`"answer": "files"`) is shown its context files, each as a
 * `### <path>` heading followed by the file in a fenced block, and asked for the files it
 * changes in the same form (whole files) or as one unified diff in a `diff` block; both are
 * accepted (see `lib/model/extract_files.ts` for every convention the extractor reads). A Python
 * files task is shown the same way, its files in `python` fences.
 *
 * @module
 */
import type { Task } from "../task/schema.ts";

/** One chat message, as the OpenAI chat-completions API takes it. */
export interface ChatMessage {
  /** system, user or assistant. */
  role: "system" | "user" | "assistant";
  /** The text. */
  content: string;
}

/** A named template: Task → messages. */
export interface PromptTemplate {
  /** The variant name recorded in the run. */
  name: string;
  /** Build the messages for a task. */
  render(task: Task): ChatMessage[];
}

const SYSTEM = "You are an expert TypeScript engineer. Answer with a single TypeScript code block.";
const SYSTEM_FILES =
  "You are an expert TypeScript engineer working in an existing codebase. Answer with the files you change.";
const FENCE = "`".repeat(3);

/** What a files answer must look like: the sentence every template ends a files task with. */
export const FILES_ANSWER_FORMAT =
  "Reply with every file you change, in either form (both are accepted):\n" +
  "- whole files: for each changed file, a line `### <path>` (the path exactly as shown above) " +
  "followed by the complete new file in one fenced code block;\n" +
  "- or one unified diff of all changed files in a single fenced `diff` block " +
  "(`--- a/<path>`, `+++ b/<path>`, `@@ -l,s +l,s @@` hunks with 3 lines of context).\n" +
  "Do not repeat unchanged files and do not include tests.";

const isFiles = (task: Task) => task.answer === "files";
const SYSTEM_PYTHON = "You are an expert Python engineer. Answer with a single Python code block.";
const system = (task: Task) =>
  task.language === "py"
    ? (isFiles(task) ? SYSTEM_FILES.replace("TypeScript", "Python") : SYSTEM_PYTHON)
    : isFiles(task)
    ? SYSTEM_FILES
    : SYSTEM;
/** For a files task the format request, else the template's own request for one module. */
const reply = (task: Task, module: string) => (isFiles(task) ? FILES_ANSWER_FORMAT : module);

/** The phrase that asks for reasoning first (the synthetic model recognises it). */
export const REASONING_REQUEST = "Think step by step";

function language(task: Task): string {
  return task.language === "ts" ? "TypeScript" : task.language === "py" ? "Python" : "JavaScript";
}

/** The fence language of the task's code. */
const fenceLanguage = (task: Task) => (task.language === "py" ? "python" : task.language);

/** The context files: each a `### <path>` heading and the file in a fenced block. */
function codebase(task: Task): string {
  const files = task.contextFiles ?? {};
  return Object.keys(files).sort().map((path) =>
    `### ${path}\n${FENCE}${/\.json$/.test(path) ? "json" : fenceLanguage(task)}\n${
      files[path].trimEnd()
    }\n${FENCE}`
  ).join("\n\n");
}

/** The task statement shared by the templates: instructions and the exact signature. */
function statement(task: Task): string {
  const hasContext = Object.keys(task.contextFiles ?? {}).length > 0;
  if (isFiles(task)) {
    const editable = task.editable?.length ? task.editable : Object.keys(task.contextFiles ?? {});
    return [
      task.instructions.trim(),
      "",
      "The codebase (paths are relative to its root; the tests import from these paths):",
      "",
      codebase(task),
      "",
      task.language === "py"
        ? `The main function your change adds or alters is \`${task.entry}\`, with this signature:`
        : `The main export your change adds or alters is \`${task.entry}\`, with this signature:`,
      "",
      FENCE + fenceLanguage(task),
      task.signature.trim(),
      FENCE,
      "",
      `Files you may change: ${editable.sort().join(", ")}.${
        task.newFiles ? " You may also add new files." : ""
      }`,
    ].join("\n");
  }
  return [
    ...(hasContext ? ["The existing code:", "", codebase(task), ""] : []),
    task.instructions.trim(),
    "",
    task.language === "py"
      ? `Implement it in Python with exactly this signature, as a top-level function of the module:`
      : `Implement it in ${language(task)} with exactly this signature, exported from the module:`,
    "",
    FENCE + fenceLanguage(task),
    task.signature.trim(),
    FENCE,
  ].join("\n");
}

/**
 * The plain template: instructions, the exact signature, one code block back.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { plain } from "./templates.ts";
 * assert(plain.name === "plain");
 * ```
 */
export const plain: PromptTemplate = {
  name: "plain",
  render: (task) => [
    { role: "system", content: system(task) },
    {
      role: "user",
      content: `${statement(task)}\n\n${
        reply(
          task,
          "Reply with the complete module in one fenced code block. Do not include tests.",
        )
      }`,
    },
  ],
};

/**
 * Code only: no prose at all, for the fastest answers.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { codeOnly } from "./templates.ts";
 * assert(codeOnly.name === "code-only");
 * ```
 */
export const codeOnly: PromptTemplate = {
  name: "code-only",
  render: (task) => [
    {
      role: "system",
      // (A Python task is told Python: the system line said TypeScript for every language.)
      content: `You write ${
        task.language === "py" ? "Python" : "TypeScript"
      }. Output only code: no explanations, no comments about the code.`,
    },
    {
      role: "user",
      content: `${statement(task)}\n\n${
        reply(task, "Output only the module's code in one fenced block.")
      }${isFiles(task) ? " Output only code: no explanations." : ""}`,
    },
  ],
};

/**
 * Reasoning first: think through the requirements and edge cases, then code
 * (usually more accurate, always slower: the trade-off the latency notebook shows).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { reasoningFirst, REASONING_REQUEST } from "./templates.ts";
 * assert(reasoningFirst.render({ instructions: "x", signature: "f()", language: "ts" } as never)[1].content.includes(REASONING_REQUEST));
 * ```
 */
export const reasoningFirst: PromptTemplate = {
  name: "reasoning-first",
  render: (task) => [
    { role: "system", content: system(task) },
    {
      role: "user",
      content:
        `${
          statement(task)
        }\n\n${REASONING_REQUEST}: first list the requirements and every edge case ` +
        "(empty input, boundaries, invalid input, ordering), then " +
        (isFiles(task)
          ? `give the changed files.\n\n${FILES_ANSWER_FORMAT}`
          : "give the complete module in one fenced code block."),
    },
  ],
};

const EXAMPLE_TASK =
  "Write a function sumPositive(xs) that returns the sum of the strictly positive numbers in xs; an empty array sums to 0.";
const EXAMPLE_ANSWER_PY = [
  FENCE + "python",
  "def sum_positive(xs: list[float]) -> float:",
  "    total = 0",
  "    for x in xs:",
  "        if x > 0:",
  "            total += x",
  "    return total",
  FENCE,
].join("\n");
const EXAMPLE_ANSWER = [
  FENCE + "ts",
  "export function sumPositive(xs: number[]): number {",
  "  let total = 0;",
  "  for (const x of xs) {",
  "    if (x > 0) total += x;",
  "  }",
  "  return total;",
  "}",
  FENCE,
].join("\n");

/**
 * Few-shot: one worked example (not from any suite) before the task.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fewShot } from "./templates.ts";
 * assert(fewShot.render({ instructions: "x", signature: "f()", language: "ts" } as never).length === 4);
 * ```
 */
export const fewShot: PromptTemplate = {
  name: "few-shot",
  render: (task) => [
    { role: "system", content: system(task) },
    task.language === "py"
      ? {
        role: "user",
        content: `${
          EXAMPLE_TASK.replace("sumPositive", "sum_positive").replace(
            "an empty array",
            "an empty list",
          )
        }\n\nImplement it in Python with exactly this signature, as a top-level function of the module:\n\n` +
          `${FENCE}python\ndef sum_positive(xs: list[float]) -> float\n${FENCE}`,
      }
      : {
        role: "user",
        content:
          `${EXAMPLE_TASK}\n\nImplement it in TypeScript with exactly this signature, exported from the module:\n\n` +
          `${FENCE}ts\nexport function sumPositive(xs: number[]): number\n${FENCE}`,
      },
    { role: "assistant", content: task.language === "py" ? EXAMPLE_ANSWER_PY : EXAMPLE_ANSWER },
    {
      role: "user",
      content: `${statement(task)}\n\n${
        reply(task, "Reply with the complete module in one fenced code block.")
      }`,
    },
  ],
};

/** The built-in templates by name. */
export const TEMPLATES: Readonly<Record<string, PromptTemplate>> = {
  plain,
  "code-only": codeOnly,
  "reasoning-first": reasoningFirst,
  "few-shot": fewShot,
};

/**
 * Find a built-in template by name.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { templateByName } from "./templates.ts";
 * assert(templateByName("few-shot").name === "few-shot");
 * ```
 */
export function templateByName(name: string): PromptTemplate {
  const t = TEMPLATES[name];
  if (!t) {
    throw new RangeError(
      `Cannot find prompt template "${name}": known templates are ${
        Object.keys(TEMPLATES).join(", ")
      }`,
    );
  }
  return t;
}
