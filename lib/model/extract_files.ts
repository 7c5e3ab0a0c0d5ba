/**
 * Getting changed files out of a completion for a task that changes a codebase
 * (`"answer": "files"`). Two forms are accepted, alone or together:
 *
 * 1. Whole files: each changed file complete in a fenced block, its path given by (first match
 *    wins) the fence's info string (`ts title="src/x.ts"`, `ts src/x.ts`, `ts:src/x.ts`), a
 *    marker on the block's first line (`// file: src/x.ts`, `// src/x.ts`, `/* src/x.ts *\/`;
 *    Python's `# file: cart.py`, `# cart.py`; removed from the file), or the nearest non-blank
 *    line before the fence when it names a path (`### src/x.ts`, `src/x.ts:`, `// file: src/x.ts`,
 *    `# file: cart.py`, `**src/x.ts**`, "Here is the new `src/x.ts`:"). The prompt's canonical
 *    form is a `### <path>` heading then the block. A block without a path counts only when the
 *    task has exactly one editable file. Paths may name `.ts`, `.js`, `.json` and (for a Python
 *    task) `.py` files; `python`/`py` fences are code blocks like `ts` ones.
 * 2. A unified diff: a `diff`/`patch` block, any block that reads as one, or, without fences, the
 *    raw text (`--- a/src/x.ts`, `+++ b/src/x.ts`, `@@` hunks), applied to the context by
 *    `applyHunks` (offsets, trailing whitespace and fuzz tolerated).
 *
 * Every path must stay inside the tree (no `..`, not absolute) and name an editable context
 * file; a path outside the context is accepted only when the task sets `newFiles` (a `.ts`,
 * `.js`, `.mjs` or `.json` file; for a Python task, `language` "py", a `.py` file; in a diff,
 * `--- /dev/null`). Deleting a file is not supported.
 * Whole files are applied first, then diffs over them. Anything else is a failed extraction
 * with its reason: the sample is then `no_code`, with the reason as evidence.
 *
 * @module
 */
import { formatFileBundle, treePathProblem } from "../task/tree.ts";
import { applyHunks, parseUnifiedDiff } from "./apply_diff.ts";

/** What {@link extractFiles} needs of the task. */
export interface FilesContext {
  /** The context codebase: tree path → source. */
  contextFiles: Readonly<Record<string, string>>;
  /** Paths the answer may change; [] or absent means every context file. */
  editable?: readonly string[];
  /** Whether the answer may add files outside the context. @default false */
  newFiles?: boolean;
  /** The task's language: "py" accepts new `.py` files and records a `# file:` bundle. @default "ts" */
  language?: string;
}

/** The changed files of an answer, or why none could be taken. */
export type FilesExtraction =
  | {
    ok: true;
    /** Changed files: tree path → complete new source. */
    files: Record<string, string>;
    /** Which forms the answer used. */
    form: "whole" | "diff" | "mixed";
  }
  | { ok: false; reason: string };

interface Block {
  info: string;
  body: string;
  before: string;
}

const CODE_LANGS = new Set([
  "",
  "ts",
  "typescript",
  "js",
  "javascript",
  "tsx",
  "jsx",
  "mjs",
  "mts",
  "json",
  "python",
  "py",
  "python3",
  "py3",
]);
const PATH_TOKEN = /\/?[\w@.-]+(?:\/[\w@.-]+)*\.(?:[cm]?[jt]sx?|json|py)\b/g;
const FIRST_LINE_MARK =
  /^\s*(?:\/\/|\/\*|#)\s*(?:file(?:name)?\s*:\s*)?([\w@./-]+\.(?:[cm]?[jt]sx?|json|py))\s*(?:\*\/)?\s*$/i;

/** Fenced blocks (``` or ~~~, unterminated last one kept) with the line before each. */
function fencedBlocks(text: string): Block[] {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*(`{3,}|~{3,})(.*)$/.exec(lines[i]);
    if (!open) continue;
    const fence = open[1];
    let j = i + 1;
    const closing = new RegExp(`^\\s*${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
    while (j < lines.length && !closing.test(lines[j])) j++;
    let k = i - 1;
    while (k >= 0 && lines[k].trim() === "") k--;
    const beforeIsFence = k >= 0 && /^\s*(`{3,}|~{3,})\s*$/.test(lines[k]);
    blocks.push({
      info: open[2].trim(),
      body: lines.slice(i + 1, j).join("\n") + (j > i + 1 ? "\n" : ""),
      before: k >= 0 && i - k <= 2 && !beforeIsFence ? lines[k] : "",
    });
    i = j;
  }
  return blocks;
}

const looksLikeDiff = (body: string) => /^--- .*\n\+\+\+ /m.test(body) && /^@@/m.test(body);

/** The path a whole-file block names, and its body without a first-line marker. */
function blockPath(b: Block, known: ReadonlySet<string>): { path: string | null; body: string } {
  const title = /(?:title|file(?:name)?|path)\s*=\s*["']?([^"'\s]+)["']?/i.exec(b.info);
  if (title) return { path: clean(title[1]), body: b.body };
  const afterLang = /^[\w+-]*[\s:]+(\S+\.(?:[cm]?[jt]sx?|json|py))$/.exec(b.info);
  if (afterLang) return { path: clean(afterLang[1]), body: b.body };
  const first = b.body.split("\n", 1)[0];
  const mark = FIRST_LINE_MARK.exec(first);
  if (mark) return { path: clean(mark[1]), body: b.body.slice(first.length + 1) };
  const candidates = [...b.before.matchAll(PATH_TOKEN)].map((m) => clean(m[0]));
  const path = candidates.find((c) => known.has(c)) ?? candidates.at(-1) ?? null;
  return { path, body: b.body };
}

function clean(path: string): string {
  return path.trim().replace(/^["'`*]+|["'`*:]+$/g, "").replace(/^\.\//, "");
}

/**
 * The files an answer changes, as complete sources, or the reason it gives none.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { extractFiles } from "./extract_files.ts";
 * const fence = "`".repeat(3);
 * const task = { contextFiles: { "src/a.ts": "export const a = 1;\n", "src/b.ts": "export const b = 2;\n" } };
 * const whole = extractFiles(`### src/a.ts\n${fence}ts\nexport const a = 10;\n${fence}\n`, task);
 * assert.deepEqual(whole, { ok: true, files: { "src/a.ts": "export const a = 10;\n" }, form: "whole" });
 * const diff = extractFiles("--- a/src/b.ts\n+++ b/src/b.ts\n@@ -1 +1 @@\n-export const b = 2;\n+export const b = 20;\n", task);
 * assert.deepEqual(diff, { ok: true, files: { "src/b.ts": "export const b = 20;\n" }, form: "diff" });
 * const escape = extractFiles(`### ../x.ts\n${fence}ts\nx\n${fence}\n`, task);
 * assert.ok(!escape.ok && escape.reason.includes("escapes the tree"));
 * ```
 */
export function extractFiles(text: string, task: FilesContext): FilesExtraction {
  const context = task.contextFiles;
  const editable = new Set(task.editable?.length ? task.editable : Object.keys(context));
  const known = new Set(Object.keys(context));
  const check = (path: string, creating: boolean): string | null => {
    const problem = treePathProblem(path);
    if (problem) return `cannot change ${problem}`;
    if (!known.has(path)) {
      if (!task.newFiles) {
        return `"${path}" is not a file of the codebase: this task accepts changes to ${
          [...editable].join(", ")
        }`;
      }
      if (task.language === "py" && !path.endsWith(".py")) {
        return `"${path}" is not a .py file: only Python modules may be added`;
      }
      if (task.language !== "py" && !/\.(?:m?[jt]s|json)$/.test(path)) {
        return `"${path}" is not a .ts, .js, .mjs or .json file: only those may be added`;
      }
      return null;
    }
    if (creating) return `"${path}" already exists: a diff that creates it must be against it`;
    if (!editable.has(path)) {
      return `"${path}" may not be changed: the editable files are ${[...editable].join(", ")}`;
    }
    return null;
  };

  const blocks = fencedBlocks(text);
  const diffs: string[] = [];
  const wholes: { path: string | null; body: string }[] = [];
  for (const b of blocks) {
    const lang = b.info.split(/[\s:{]/, 1)[0].toLowerCase();
    if (lang === "diff" || lang === "patch" || looksLikeDiff(b.body)) diffs.push(b.body);
    else if (CODE_LANGS.has(lang)) wholes.push(blockPath(b, known));
  }
  if (blocks.length === 0 && looksLikeDiff(text.replace(/\r\n/g, "\n"))) diffs.push(text);

  const files: Record<string, string> = {};
  const named = wholes.filter((w) => w.path !== null);
  if (named.length === 0 && wholes.length > 0 && diffs.length === 0 && editable.size === 1) {
    const [only] = editable;
    named.push({
      path: only,
      body: wholes.reduce((a, b) => (b.body.length > a.body.length ? b : a)).body,
    });
  }
  for (const w of named) {
    const path = w.path!;
    const problem = check(path, false);
    if (problem) return { ok: false, reason: problem };
    if (w.body.trim() === "") return { ok: false, reason: `the block for "${path}" is empty` };
    files[path] = w.body; // a later block for the same path wins (e.g. "before" then "after")
  }
  let patched = 0;
  for (const diff of diffs) {
    const patches = parseUnifiedDiff(diff);
    if (patches.length === 0) {
      return {
        ok: false,
        reason:
          "a diff block holds no file patch: expected --- a/<path>, +++ b/<path> and @@ hunks",
      };
    }
    for (const p of patches) {
      if (p.newPath === null) {
        return {
          ok: false,
          reason: `the diff deletes "${p.oldPath}": deleting files is not supported`,
        };
      }
      const problem = check(p.newPath, p.oldPath === null);
      if (problem) return { ok: false, reason: problem };
      if (p.oldPath !== null && p.oldPath !== p.newPath) {
        return {
          ok: false,
          reason:
            `the diff renames "${p.oldPath}" to "${p.newPath}": renaming files is not supported`,
        };
      }
      const current = files[p.newPath] ?? context[p.newPath] ?? "";
      const applied = applyHunks(current, p.hunks, { path: p.newPath });
      if (!applied.ok) return { ok: false, reason: applied.reason };
      files[p.newPath] = applied.text;
      patched++;
    }
  }
  const paths = Object.keys(files);
  if (paths.length === 0) {
    return {
      ok: false,
      reason: wholes.length > 0
        ? `no code block names its file: precede each block with its path, e.g. "### ${
          [...editable][0]
        }"`
        : "no changed files in the answer: expected each changed file in a fenced block preceded by its path, or a unified diff",
    };
  }
  const form = patched === 0 ? "whole" : named.length === 0 ? "diff" : "mixed";
  return { ok: true, files, form };
}

/**
 * The code recorded for a files answer: its changed files as a file bundle (`// file: <path>`
 * lines; `# file: <path>` for a Python task; see `formatFileBundle`), or null when the answer
 * gives none.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { filesAnswerCode } from "./extract_files.ts";
 * const task = { contextFiles: { "a.ts": "export const a = 1;\n" } };
 * const fence = "`".repeat(3);
 * assert.equal(filesAnswerCode(`a.ts:\n${fence}ts\nexport const a = 2;\n${fence}`, task), "// file: a.ts\nexport const a = 2;\n");
 * assert.equal(filesAnswerCode("I cannot help with that.", task), null);
 * ```
 */
export function filesAnswerCode(text: string, task: FilesContext): string | null {
  const r = extractFiles(text, task);
  return r.ok ? formatFileBundle(r.files, task.language) : null;
}
