/**
 * Reading a benchmark file as records with their line numbers, so every
 * problem can name the line it comes from.
 *
 * @module
 */
import { ImportError } from "./import_error.ts";

/** One record of a JSONL file, with the 1-based line it was read from. */
export interface SourceRecord {
  /** 1-based line number in the file. */
  line: number;
  /** The parsed JSON value. */
  value: unknown;
}

/** What {@link readJsonl} returns. */
export interface RecordsFile {
  /** The whole file text (hashed into the suite's content hash). */
  text: string;
  /** The records that parsed, in file order, at most `limit`. */
  records: SourceRecord[];
  /** Problems found so far (`line N: not valid JSON: …`). */
  problems: string[];
}

/**
 * Read a JSONL file: one JSON object per non-blank line. A line that is not
 * valid JSON becomes a problem naming the line; reading stops after `limit`
 * records. Throws an {@link ImportError} when the file cannot be read.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readJsonl } from "./read_records.ts";
 * const file = await Deno.makeTempFile({ suffix: ".jsonl" });
 * await Deno.writeTextFile(file, '{"a":1}\n\n{oops\n{"a":2}\n');
 * const { records, problems } = await readJsonl(file);
 * assert.deepEqual(records.map((r) => r.line), [1, 4]);
 * assert.match(problems[0], /^line 3: not valid JSON/);
 * ```
 */
export async function readJsonl(path: string, limit = Infinity): Promise<RecordsFile> {
  const text = await readText(path);
  const records: SourceRecord[] = [];
  const problems: string[] = [];
  const lines = text.split("\n");
  for (let k = 0; k < lines.length && records.length < limit; k++) {
    const raw = lines[k].trim();
    if (raw === "") continue;
    try {
      records.push({ line: k + 1, value: JSON.parse(raw) });
    } catch (error) {
      problems.push(`line ${k + 1}: not valid JSON: ${(error as Error).message}`);
    }
  }
  return { text, records, problems };
}

/**
 * Read a file's text, or throw an {@link ImportError} naming it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readText } from "./read_records.ts";
 * await assert.rejects(readText("/nonexistent.jsonl"), /Cannot import "\/nonexistent.jsonl": cannot read the file/);
 * ```
 */
export async function readText(path: string): Promise<string> {
  try {
    return await Deno.readTextFile(path);
  } catch (error) {
    throw new ImportError(path, [`cannot read the file: ${(error as Error).message}`]);
  }
}

/**
 * A reader of a record's string fields: `field(key)` returns the value, or
 * null after recording a problem (`line N: <key> is required` / `must be a
 * string`; a record that is not an object is reported once).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fieldReader } from "./read_records.ts";
 * const problems: string[] = [];
 * const field = fieldReader({ line: 2, value: { a: "x", n: 1 } }, problems);
 * assert.equal(field("a"), "x");
 * assert.equal(field("b"), null);
 * assert.equal(field("n"), null);
 * assert.deepEqual(problems, ["line 2: b is required", "line 2: n: must be a string, got number"]);
 * ```
 */
export function fieldReader(
  record: SourceRecord,
  problems: string[],
): (key: string) => string | null {
  const value = record.value;
  const isObject = value !== null && typeof value === "object" && !Array.isArray(value);
  let reported = false;
  return (key) => {
    if (!isObject) {
      if (!reported) problems.push(`line ${record.line}: (root): expected a JSON object`);
      reported = true;
      return null;
    }
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined || field === null) {
      problems.push(`line ${record.line}: ${key} is required`);
      return null;
    }
    if (typeof field !== "string") {
      problems.push(`line ${record.line}: ${key}: must be a string, got ${typeof field}`);
      return null;
    }
    return field;
  };
}
