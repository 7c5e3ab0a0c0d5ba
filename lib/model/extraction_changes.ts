/**
 * What extraction changed on the way from a model's answer to the code that runs: the text
 * around a fenced block dropped, one block chosen among several, a diff applied. Recorded on the
 * result (`harnessChanges`) so nobody mistakes the harness's edits for the model's answer.
 *
 * @module
 */
import { extractFiles, type FilesContext } from "./extract_files.ts";

/**
 * The changes extraction made to `text` to get `code` (empty when the answer was taken as is).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { extractionChanges } from "./extraction_changes.ts";
 * const fence = "`".repeat(3);
 * assert.deepEqual(extractionChanges("export const x = 1;", "export const x = 1;\n"), []);
 * assert.match(extractionChanges(`Here:\n${fence}ts\nexport const x = 1;\n${fence}\n`, "export const x = 1;\n")[0], /fenced block/);
 * ```
 *
 * @param text The answer as the model gave it.
 * @param code The code extraction took from it (null: nothing was taken).
 * @param task For a files answer, the task's context files (a diff is applied to them).
 */
export function extractionChanges(
  text: string,
  code: string | null,
  task?: FilesContext & { answer?: string },
): string[] {
  if (code === null) return [];
  if (task?.answer === "files") {
    const r = extractFiles(text, task);
    if (!r.ok) return [];
    const paths = Object.keys(r.files).join(", ");
    return r.form === "whole"
      ? [`took the whole files ${paths} from the answer`]
      : [`applied the answer's diff to the task's files (${r.form}): ${paths}`];
  }
  if (text.trim() === code.trim()) return [];
  if (!text.includes("```")) return ["trimmed the whitespace around the answer"];
  const blocks = text.split("```").length >> 1 || 1;
  return blocks > 1
    ? [
      `took one of ${blocks} fenced blocks (the first that declares the entry, else the first that mentions it, else the first); the rest of the answer was dropped`,
    ]
    : ["took the code from its fenced block; the text around it was dropped"];
}
