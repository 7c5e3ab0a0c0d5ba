/**
 * The error every importer throws: one message naming the file, and every
 * problem found (record line, field, detail), collected before throwing.
 *
 * @module
 */
import { SuiteError } from "../suite_error.ts";

/**
 * Thrown when a benchmark file cannot be imported. A {@link SuiteError}, so
 * callers of `loadSuite` catch one type; `problems` holds one line per
 * problem, `line 12: tests: …`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ImportError } from "./import_error.ts";
 * const e = new ImportError("x.jsonl", ["line 3: prompt is required"]);
 * assert.equal(e.message, 'Cannot import "x.jsonl": line 3: prompt is required');
 * ```
 */
export class ImportError extends SuiteError {
  /** The file that could not be imported. */
  readonly file: string;
  /** @param file the file; @param problems one line per problem, `line N: field: detail` */
  constructor(file: string, problems: string[]) {
    super(file, problems);
    this.name = "ImportError";
    this.file = file;
    this.message = problems.length === 1
      ? `Cannot import "${file}": ${problems[0]}`
      : `Cannot import "${file}": ${problems.length} problems:\n  ${problems.join("\n  ")}`;
  }
}
