/**
 * Reading a run's record file the way the run store means it: one record per sample key, the
 * last one written.
 *
 * @module
 */
import { readLines } from "./jsonl_lines.ts";
import { type SampleKey, sampleKey } from "./sample_key.ts";

/** How {@linkcode readLastRecords} turns lines into records and reports a line it cannot read. */
export interface LastRecordsOptions<T extends SampleKey> {
  /**
   * One line's JSON as a record; throw an Error (its message is the detail) to reject the line.
   * @default the JSON as it is, unchecked
   */
  parse?: (json: unknown) => T;
  /**
   * Throw for what cannot be read: `detail` and the 1-based `line` for a bad line (`invalid JSON:
   * …`, or the message `parse` threw), `detail` alone when the file cannot be read.
   * @default throws `Cannot read "<path>": line <line>: <detail>` (a SyntaxError for a bad line)
   */
  fail?: (detail: string, line?: number) => never;
}

/**
 * Read a run's JSON Lines record file (`generations.jsonl`, `results.jsonl`), streamed, keeping
 * the last record of each sample key (task, model, variant, sample) at the position of the
 * first: a sample recorded twice (the type-check stage's result, a redone record) counts once,
 * as last written. A missing file has no records; a torn last line (a run killed mid-write: not
 * valid JSON) is skipped; any other line that is not valid JSON, or that `parse` rejects, throws.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readLastRecords } from "./last_records.ts";
 * const file = await Deno.makeTempFile();
 * const key = { task: "t", model: "m", variant: "v" };
 * await Deno.writeTextFile(
 *   file,
 *   [{ ...key, sample: 0, ok: false }, { ...key, sample: 1, ok: true }, { ...key, sample: 0, ok: true }]
 *     .map((r) => JSON.stringify(r)).join("\n") + '\n{"task":"t","mo',
 * );
 * const records = await readLastRecords<typeof key & { sample: number; ok: boolean }>(file);
 * assert.deepEqual(records.map((r) => [r.sample, r.ok]), [[0, true], [1, true]]);
 * assert.deepEqual(await readLastRecords(`${file}.missing`), []);
 * await Deno.writeTextFile(file, '{"task":\n{}\n');
 * await assert.rejects(readLastRecords(file), /Cannot read ".*": line 1: invalid JSON/);
 * await Deno.remove(file);
 * ```
 */
export async function readLastRecords<T extends SampleKey>(
  path: string,
  options: LastRecordsOptions<T> = {},
): Promise<T[]> {
  const parse = options.parse ?? ((json: unknown) => json as T);
  const fail = options.fail ?? ((detail: string, line?: number): never => {
    if (line === undefined) throw new Error(`Cannot read "${path}": ${detail}`);
    throw new SyntaxError(`Cannot read "${path}": line ${line}: ${detail}`);
  });
  const byKey = new Map<string, T>();
  let rejected = false; // a line was rejected: its error is the one to throw
  const reject = (detail: string, line: number): never => {
    rejected = true;
    return fail(detail, line);
  };
  try {
    await readLines(path, (line, lineNo, last) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        if (last) return; // torn by a kill mid-write: its record is redone on resume
        return reject(`invalid JSON: ${(error as Error).message}`, lineNo);
      }
      try {
        const record = parse(json);
        byKey.set(sampleKey(record), record);
      } catch (error) {
        return reject((error as Error).message, lineNo);
      }
    });
  } catch (error) {
    if (rejected) throw error;
    return fail((error as Error).message);
  }
  return [...byKey.values()];
}
