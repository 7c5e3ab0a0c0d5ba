/**
 * Writing a suite as a folder suite (one folder per task: `task.json`,
 * `tests.ts`, `reference.ts` when there is one, and the context and reference
 * trees of tasks that change a codebase), so that an imported benchmark can be
 * read back by `loadSuite`, edited, validated and versioned like tasks/builtin.
 *
 * @module
 */
import { join } from "node:path";
import { type Suite, type Task, TaskFile } from "./schema.ts";
import { SUITE_META_FILE } from "./suite_meta.ts";
import { treePathProblem } from "./tree.ts";
import { languageFiles } from "./language_files.ts";

/** Options for {@link writeSuite}. */
export interface WriteSuiteOptions {
  /**
   * Write into a folder that is not empty: its task folders (folders holding a
   * `task.json`) and its `suite.json` are removed first; anything else is left alone.
   * @default false
   */
  force?: boolean;
  /** Written to `suite.json` beside the version (only when the suite has a version). @default "" */
  description?: string;
  /** Written to `suite.json` beside the version (only when the suite has a version). @default null */
  licence?: string | null;
}

/** What {@link writeSuite} wrote. */
export interface WrittenSuite {
  /** The suite folder. */
  dir: string;
  /** Task folders written. */
  tasks: number;
  /** Files written, `suite.json` included. */
  files: number;
}

/** A plain file name: no folder, not hidden, not the task's own `task.json`. */
const PLAIN_NAME = /^[\w][\w.-]*$/;

/**
 * Write `suite` as a folder suite under `dir`, which must not exist or be empty
 * (unless `options.force`). `loadSuite(dir)` then returns the same tasks (same
 * fields and sources; `dir` is the new folder). A `suite.json` is written when
 * the suite has a version. Throws an Error naming the folder and the fix when it
 * cannot write.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSuite } from "./load_suite.ts";
 * import { writeSuite } from "./write_suite.ts";
 * const fixtures = new URL("../../data/fixtures/importers/", import.meta.url).pathname;
 * const imported = await loadSuite(fixtures + "multipl-e.jsonl");
 * const out = await Deno.makeTempDir();
 * const written = await writeSuite(imported, out);
 * assert.equal(written.tasks, imported.tasks.length);
 * const back = await loadSuite(out);
 * assert.deepEqual(back.tasks.map((t) => t.testsSource), imported.tasks.map((t) => t.testsSource));
 * await assert.rejects(writeSuite(imported, out), /is not empty/);
 * ```
 */
export async function writeSuite(
  suite: Suite,
  dir: string,
  options: WriteSuiteOptions = {},
): Promise<WrittenSuite> {
  await prepareFolder(dir, options.force ?? false);
  let files = 0;
  const write = async (path: string, text: string) => {
    await Deno.mkdir(join(path, ".."), { recursive: true });
    await Deno.writeTextFile(path, text);
    files++;
  };
  if (suite.version) {
    const meta = {
      name: suite.name,
      version: suite.version,
      description: options.description ?? "",
      licence: options.licence ?? null,
    };
    await write(join(dir, SUITE_META_FILE), JSON.stringify(meta, null, 2) + "\n");
  }
  for (const task of suite.tasks) {
    const folder = join(dir, task.id);
    const layout = taskLayout(task);
    await write(join(folder, "task.json"), JSON.stringify(layout.json, null, 2) + "\n");
    await write(join(folder, layout.tests), task.testsSource);
    if (layout.reference && task.referenceSource !== null && !layout.referenceTree) {
      await write(join(folder, layout.reference), task.referenceSource);
    }
    for (const [root, tree] of layout.trees) {
      for (const [path, text] of Object.entries(tree)) {
        const problem = treePathProblem(path);
        if (problem) {
          throw new RangeError(
            `Cannot write task "${task.id}" to "${folder}": ${root}: ${problem}`,
          );
        }
        await write(join(folder, root, ...path.split("/")), text);
      }
    }
  }
  return { dir, tasks: suite.tasks.length, files };
}

/** The task.json of a task and where its files go. */
function taskLayout(task: Task) {
  const json: Record<string, unknown> = {};
  for (const key of Object.keys(TaskFile.shape)) {
    const value = (task as Record<string, unknown>)[key];
    if (value !== undefined) json[key] = value;
  }
  const extra = task as Task & {
    answer?: string;
    context?: string | null;
    contextFiles?: Record<string, string>;
    referenceFiles?: Record<string, string> | null;
  };
  const plain = (name: unknown, fallback: string, taken: string[]) =>
    typeof name === "string" && PLAIN_NAME.test(name) && name !== "task.json" &&
      !taken.includes(name)
      ? name
      : fallback;
  const names = languageFiles(task.language);
  const tests = plain(task.tests, names.tests, []);
  const trees: [string, Record<string, string>][] = [];
  const contextFiles = extra.contextFiles ?? {};
  let context: string | null = null;
  if ((extra.context !== undefined && extra.context !== null) || Object.keys(contextFiles).length) {
    context = plain(extra.context, "context", [tests]);
    trees.push([context, contextFiles]);
    json.context = context;
  }
  const referenceTree = extra.answer === "files";
  let reference: string | null = null;
  if (referenceTree && extra.referenceFiles) {
    reference = plain(task.reference, "reference", [tests, context ?? ""]);
    trees.push([reference, extra.referenceFiles]);
  } else if (!referenceTree && task.referenceSource !== null) {
    reference = plain(task.reference, names.reference, [tests, context ?? ""]);
  }
  json.tests = tests;
  json.reference = reference;
  return { json, tests, reference, referenceTree, trees };
}

async function prepareFolder(dir: string, force: boolean): Promise<void> {
  let entries: Deno.DirEntry[] = [];
  try {
    const stat = await Deno.stat(dir);
    if (!stat.isDirectory) {
      throw new Error(`Cannot write a suite to "${dir}": it is a file: choose a folder`);
    }
    for await (const e of Deno.readDir(dir)) entries.push(e);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
    entries = [];
  }
  if (entries.length > 0 && !force) {
    throw new Error(
      `Cannot write a suite to "${dir}": the folder is not empty (${entries.length} entries): ` +
        "choose a new or empty folder, or pass --force to replace its task folders",
    );
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    const isTask = e.isDirectory &&
      await Deno.stat(join(path, "task.json")).then(() => true, () => false);
    if (isTask || (e.isFile && e.name === SUITE_META_FILE)) {
      await Deno.remove(path, { recursive: true });
    }
  }
  await Deno.mkdir(dir, { recursive: true });
}
