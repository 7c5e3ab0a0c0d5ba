/**
 * The one loop of the importers of JSONL benchmark files: read the records (read_records.ts),
 * make each object record a task draft, and build the suite from the drafts (build_suite.ts).
 *
 * @module
 */
import type { Suite } from "../schema.ts";
import { buildSuite, type TaskDraft } from "./build_suite.ts";
import { readJsonl, type SourceRecord } from "./read_records.ts";

/** What {@link importJsonl} needs to know of one importer. */
export interface JsonlImporter {
  /** The importer's name (hashed into the suite's content hash). */
  importer: string;
  /** Its version: bump it when the tasks it produces change (hashed too). */
  version: number;
  /** The options that change the tasks (hashed too); `limit` reads only the first N records. */
  options: { limit?: number } & Record<string, unknown>;
  /**
   * The task draft of one record (its value is a JSON object), or null after pushing its problems
   * onto `problems` (`line N: field: …`).
   */
  task: (record: SourceRecord, problems: string[]) => Record<string, unknown> | null;
}

/**
 * Import the JSONL file at `path` with `importer`: a record that is not a JSON object is a
 * problem (`line N: (root): expected a JSON object`), every other becomes a task through
 * `importer.task`. Throws an `ImportError` listing every problem of every record.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { importJsonl } from "./import_jsonl.ts";
 * const file = await Deno.makeTempFile({ suffix: ".jsonl" });
 * await Deno.writeTextFile(file, '{"id": "t-1"}\n');
 * const suite = await importJsonl(file, {
 *   importer: "demo", version: 1, options: {},
 *   task: (record) => ({
 *     id: (record.value as { id: string }).id, title: "t", language: "ts", instructions: "do it",
 *     entry: "f", signature: "function f(): number", reference: null, tests: "tests.ts",
 *     cases: [{ name: "a", kind: "core", tags: [] }], referenceSource: null, dir: file,
 *     testsSource: 'import { f } from "./solution.ts";\nexport const cases = { a: () => f() };',
 *   }),
 * });
 * assert.deepEqual(suite.tasks.map((t) => t.id), ["t-1"]);
 * await Deno.writeTextFile(file, "[1]\n");
 * await assert.rejects(
 *   importJsonl(file, { importer: "demo", version: 1, options: {}, task: () => null }),
 *   /line 1: \(root\): expected a JSON object/,
 * );
 * ```
 */
export async function importJsonl(path: string, importer: JsonlImporter): Promise<Suite> {
  const { text, records, problems } = await readJsonl(path, importer.options.limit);
  const drafts: TaskDraft[] = [];
  for (const record of records) {
    const value = record.value;
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      problems.push(`line ${record.line}: (root): expected a JSON object`);
      continue;
    }
    const task = importer.task(record, problems);
    if (task) drafts.push({ line: record.line, task });
  }
  return buildSuite(path, drafts, {
    problems,
    importer: importer.importer,
    version: importer.version,
    options: importer.options,
    text,
  });
}
