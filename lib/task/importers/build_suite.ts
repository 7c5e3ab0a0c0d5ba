/**
 * The last step of every importer: validate the tasks against the zod
 * `Task` schema, check what `loadSuite` checks (unique ids and case names, a
 * tests file importing `./solution.ts`), and hash the source for the suite.
 *
 * @module
 */
import { basename, extname, resolve } from "node:path";
import { sha256 } from "../hash.ts";
import { type Suite, Task } from "../schema.ts";
import { ImportError } from "./import_error.ts";
import { importsSolution, languageFiles } from "../language_files.ts";

/** A task built from one record, before validation. */
export interface TaskDraft {
  /** The 1-based line (or record position) it came from, for problems. */
  line: number;
  /** The task's fields; validated with the zod `Task` schema. */
  task: Record<string, unknown>;
}

/** What identifies an import for the content hash, and the problems found while reading. */
export interface BuildSuiteOptions {
  /** Problems found before validation (unreadable records…), reported first. @default [] */
  problems?: string[];
  /** The importer's name, e.g. "multipl-e". */
  importer: string;
  /** The importer's version: bump it when its output changes. */
  version: number;
  /** The options that shaped the tasks (they change the suite, so they change the hash). */
  options: Record<string, unknown>;
  /** The source file's full text. */
  text: string;
  /** The suite's name. @default the file name without its extensions */
  name?: string;
}

/**
 * Validate drafts into a {@link Suite} sorted by id (numbers in ids compare
 * numerically), hashed as SHA-256 over importer, version, options and source
 * text. Throws an {@link ImportError} listing `options.problems` plus every
 * validation problem, each naming the record's line and the field.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildSuite } from "./build_suite.ts";
 * const task = {
 *   id: "t-1", title: "t", language: "ts", instructions: "do it", entry: "f",
 *   signature: "function f(): number", reference: null, tests: "tests.ts",
 *   cases: [{ name: "a", kind: "core", tags: [] }],
 *   referenceSource: null, dir: "x.jsonl",
 *   testsSource: 'import { f } from "./solution.ts";\nexport const cases = { a: () => f() };',
 * };
 * const suite = await buildSuite("x.jsonl", [{ line: 1, task }], {
 *   importer: "demo", version: 1, options: {}, text: "…",
 * });
 * assert.equal(suite.tasks[0].id, "t-1");
 * assert.equal(suite.name, "x");
 * await assert.rejects(
 *   buildSuite("x.jsonl", [{ line: 4, task: { ...task, entry: "1x" } }], {
 *     importer: "demo", version: 1, options: {}, text: "…",
 *   }),
 *   /Cannot import "x.jsonl": line 4: entry: must be a JavaScript identifier/,
 * );
 * ```
 */
export async function buildSuite(
  file: string,
  drafts: TaskDraft[],
  options: BuildSuiteOptions,
): Promise<Suite> {
  const all = [...options.problems ?? []];
  const tasks: { line: number; task: Task }[] = [];
  for (const draft of drafts) {
    const parsed = Task.safeParse(draft.task);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.length ? issue.path.join(".") : "(root)";
        all.push(`line ${draft.line}: ${field}: ${issue.message}`);
      }
      continue;
    }
    const task = parsed.data;
    const names = new Set<string>();
    for (const c of task.cases) {
      if (names.has(c.name)) all.push(`line ${draft.line}: cases: duplicate case name "${c.name}"`);
      names.add(c.name);
    }
    if (!importsSolution(task.language, task.testsSource)) {
      all.push(`line ${draft.line}: tests: ${languageFiles(task.language).importHint}`);
    }
    tasks.push({ line: draft.line, task });
  }
  const seen = new Map<string, number>();
  for (const { line, task } of tasks) {
    const other = seen.get(task.id);
    if (other !== undefined) {
      all.push(`line ${line}: id: "${task.id}" is also used by line ${other}`);
    } else seen.set(task.id, line);
  }
  if (tasks.length === 0 && all.length === 0) all.push("no records");
  if (all.length > 0) throw new ImportError(file, [...new Set(all)]);
  const sorted = tasks.map((t) => t.task).sort((a, b) => compareIds(a.id, b.id));
  const hash = await sha256(
    [options.importer, String(options.version), stableJson(options.options), options.text]
      .join("\u0000"),
  );
  return {
    name: options.name ?? suiteName(file),
    dir: resolve(file),
    hash,
    version: null,
    tasks: sorted,
  };
}

const COLLATOR = new Intl.Collator("en", { numeric: true });

/** Order ids with embedded numbers numerically (`mbpp_2` before `mbpp_10`). */
function compareIds(a: string, b: string): number {
  return COLLATOR.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

function suiteName(file: string): string {
  let name = basename(file);
  for (let ext = extname(name); ext; ext = extname(name)) name = name.slice(0, -ext.length);
  return name;
}

function stableJson(value: Record<string, unknown>): string {
  const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
  return JSON.stringify(keys.map((k) => [k, value[k]]));
}
