/**
 * Prompts: the templates that turn a task into chat messages, and the perturbations that
 * test a prompt's robustness.
 *
 * Reached as the `assay/prompt` subpath export (deno.json); the front door, `lib/mod.ts`,
 * re-exports the few names a notebook needs.
 *
 * @module
 */
export {
  codeOnly,
  fewShot,
  FILES_ANSWER_FORMAT,
  plain,
  REASONING_REQUEST,
  reasoningFirst,
  templateByName,
  TEMPLATES,
} from "./templates.ts";
export type { ChatMessage, PromptTemplate } from "./templates.ts";
export {
  perturbationByName,
  type PerturbationName,
  PERTURBATIONS,
  perturbTask,
} from "./perturb.ts";
