/**
 * `selectTasks()`: the tasks of a suite a run is asked about — by id, tag, difficulty and a
 * count — as a suite of its own whose hash covers the parent's hash and the selection, so a run of
 * one selection is never resumed into another's.
 *
 * @module
 */
import { closest, distance } from "fastest-levenshtein";
import { sha256 } from "./hash.ts";
import type { Suite, Task } from "./schema.ts";

/** The difficulties a task may declare (`task.json` `difficulty`). */
export const DIFFICULTIES: readonly Task["difficulty"][] = ["easy", "medium", "hard"];

/**
 * Which tasks to keep; every filter given must hold (tags and difficulties each match ANY of
 * their values), then `limit` keeps the first N. Tasks always keep the suite's order (by id).
 */
export interface TaskSelection {
  /** Task ids to keep. Their order does not change the tasks' order, but it is hashed as given (the notebooks' slice identity). @default every task */
  tasks?: readonly string[];
  /** Keep a task that has ANY of these tags (`task.json` `tags`). @default no tag filter */
  tags?: readonly string[];
  /** Keep a task whose difficulty is ANY of these (easy, medium, hard). @default no filter */
  difficulty?: readonly string[];
  /** Keep only the first N tasks left by the other filters, in suite order. @default all of them */
  limit?: number;
}

/** A selection that cannot be made (unknown id, tag or difficulty, a bad limit, nothing left). */
export class SelectionError extends Error {
  override name = "SelectionError";
}

/** Whether any filter is given (undefined means "no filter"; an empty list is a filter that keeps nothing). */
function given(selection: TaskSelection): boolean {
  return selection.tasks !== undefined || selection.tags !== undefined ||
    selection.difficulty !== undefined || selection.limit !== undefined;
}

/** `did you mean "y"?` when a task id is close to the unknown one, else the ids to use. */
function suggestion(id: string, ids: readonly string[]): string {
  const near = ids.length ? closest(id, ids as string[]) : undefined;
  if (near !== undefined && distance(id, near) <= Math.max(2, Math.floor(id.length / 3))) {
    return `did you mean "${near}"?`;
  }
  const shown = ids.slice(0, 12).join(", ");
  return `use one of its ${ids.length} task ids (${shown}${ids.length > 12 ? ", …" : ""})`;
}

/** The sorted, de-duplicated values of a filter, for the hash. */
function canonical(values: readonly string[]): string {
  return [...new Set(values)].sort().join(",");
}

/**
 * A suite of the tasks of `suite` the selection keeps, in the suite's order. With no filter at
 * all, `suite` itself (same hash). Otherwise the hash is `sha256("<parent hash>|<ids as given>")`
 * for a selection by ids alone (the formula of `session()`'s slice, so those runs keep their
 * identity), and the same string followed by `|tags=…`, `|difficulty=…`, `|limit=N` (sorted
 * values) for the filters given. Works for Python tasks and mixed suites (`mixSuites()`) alike.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSuite } from "./load_suite.ts";
 * import { sha256 } from "./hash.ts";
 * import { selectTasks } from "./select.ts";
 * const suite = await loadSuite(new URL("../../tasks/builtin", import.meta.url).pathname);
 * const two = await selectTasks(suite, { tasks: ["group-by", "chunk"] });
 * assert.deepEqual(two.tasks.map((t) => t.id), ["chunk", "group-by"]);
 * assert.equal(two.hash, await sha256(`${suite.hash}|group-by,chunk`));
 * const hard = await selectTasks(suite, { difficulty: ["hard"], limit: 2 });
 * assert.equal(hard.tasks.length, 2);
 * assert.ok(hard.tasks.every((t) => t.difficulty === "hard"));
 * assert.notEqual(hard.hash, suite.hash);
 * assert.equal(await selectTasks(suite, {}), suite);
 * await assert.rejects(selectTasks(suite, { tasks: ["chunkk"] }), /Cannot select task "chunkk": it is not in ".*builtin": did you mean "chunk"\?/);
 * await assert.rejects(selectTasks(suite, { difficulty: ["trivial"] }), /Cannot select difficulty "trivial": use easy, medium or hard/);
 * ```
 *
 * @param suite The suite (a folder suite, or a mixed one) to select from.
 * @param selection The filters; see {@link TaskSelection}.
 * @returns The selected suite: the parent's fields, the kept tasks and the selection's hash.
 * @throws {SelectionError} Before any work, for an unknown task id (with the nearest id), a tag no
 * task has (listing the suite's tags), a difficulty not easy/medium/hard, a limit below 1, or a
 * selection that leaves no task.
 */
export async function selectTasks(suite: Suite, selection: TaskSelection): Promise<Suite> {
  if (!given(selection)) return suite;
  const { tasks: ids, tags, difficulty, limit } = selection;
  const all = suite.tasks.map((t) => t.id);
  for (const id of ids ?? []) {
    if (!all.includes(id)) {
      throw new SelectionError(
        `Cannot select task "${id}": it is not in "${suite.dir}": ${suggestion(id, all)}`,
      );
    }
  }
  const known = [...new Set(suite.tasks.flatMap((t) => t.tags))].sort();
  for (const tag of tags ?? []) {
    if (!known.includes(tag)) {
      throw new SelectionError(
        `Cannot select tag "${tag}": no task in "${suite.dir}" has it: use one of its tags (${
          known.length ? known.join(", ") : "none: its tasks declare no tags"
        })`,
      );
    }
  }
  for (const d of difficulty ?? []) {
    if (!(DIFFICULTIES as readonly string[]).includes(d)) {
      throw new SelectionError(`Cannot select difficulty "${d}": use easy, medium or hard`);
    }
  }
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
    throw new SelectionError(`Cannot select limit "${limit}": use an integer >= 1`);
  }
  let kept = suite.tasks.filter((t) =>
    (ids === undefined || ids.includes(t.id)) &&
    (tags === undefined || t.tags.some((tag) => tags.includes(tag))) &&
    (difficulty === undefined || difficulty.includes(t.difficulty))
  );
  if (limit !== undefined) kept = kept.slice(0, limit);
  if (kept.length === 0) {
    throw new SelectionError(
      `Cannot select tasks from "${suite.dir}": ${
        describeSelection(selection)
      } leaves no task: widen the selection`,
    );
  }
  const parts = [suite.hash, (ids ?? []).join(",")];
  if (tags !== undefined) parts.push(`tags=${canonical(tags)}`);
  if (difficulty !== undefined) parts.push(`difficulty=${canonical(difficulty)}`);
  if (limit !== undefined) parts.push(`limit=${limit}`);
  return { ...suite, tasks: kept, hash: await sha256(parts.join("|")) };
}

/**
 * A selection in words, e.g. `tasks chunk, clamp · tags strings · limit 3`; "every task" when no
 * filter is given.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { describeSelection } from "./select.ts";
 * assert.equal(describeSelection({ tags: ["strings"], difficulty: ["hard", "easy"], limit: 3 }), "tags strings · difficulty hard, easy · limit 3");
 * assert.equal(describeSelection({}), "every task");
 * ```
 */
export function describeSelection(selection: TaskSelection): string {
  const out: string[] = [];
  if (selection.tasks !== undefined) out.push(`tasks ${selection.tasks.join(", ")}`);
  if (selection.tags !== undefined) out.push(`tags ${selection.tags.join(", ")}`);
  if (selection.difficulty !== undefined) {
    out.push(`difficulty ${selection.difficulty.join(", ")}`);
  }
  if (selection.limit !== undefined) out.push(`limit ${selection.limit}`);
  return out.length ? out.join(" · ") : "every task";
}
