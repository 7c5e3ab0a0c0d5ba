/**
 * Prompt templates: a template turns a task into chat messages. Templates are
 * plain functions, so a notebook cell can define a new one.
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

/**
 * The plain template: instructions, the exact signature, and the request to
 * export it.
 *
 * @example
 * ```ts
 * import { plain } from "./templates.ts";
 * console.assert(plain.name === "plain");
 * ```
 */
export const plain: PromptTemplate = {
  name: "plain",
  render(task) {
    const lang = task.language === "ts" ? "TypeScript" : "JavaScript";
    return [
      { role: "system", content: SYSTEM },
      {
        role: "user",
        content: [
          task.instructions.trim(),
          "",
          `Implement it in ${lang} with exactly this signature, exported from the module:`,
          "",
          "```" + task.language,
          task.signature.trim(),
          "```",
          "",
          "Reply with the complete module in one fenced code block. Do not include tests.",
        ].join("\n"),
      },
    ];
  },
};

/** The built-in templates by name. */
export const TEMPLATES: Readonly<Record<string, PromptTemplate>> = { plain };

/**
 * Find a built-in template by name.
 *
 * @example
 * ```ts
 * import { templateByName } from "./templates.ts";
 * console.assert(templateByName("plain").name === "plain");
 * ```
 */
export function templateByName(name: string): PromptTemplate {
  const t = TEMPLATES[name];
  if (!t) {
    throw new Error(
      `Cannot find prompt template "${name}": known templates are ${
        Object.keys(TEMPLATES).join(", ")
      }`,
    );
  }
  return t;
}
