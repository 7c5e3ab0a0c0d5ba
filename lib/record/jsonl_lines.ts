/**
 * Reading a record file (JSON Lines) as a stream: memory stays flat whatever the run's size.
 *
 * @module
 */

/**
 * Call `onLine` for each non-blank line of a text file, streamed, with its 1-based line number and
 * whether it is the file's last non-blank line (a run killed mid-write may leave that one torn). A
 * missing file has no lines.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readLines } from "./jsonl_lines.ts";
 * const file = await Deno.makeTempFile();
 * await Deno.writeTextFile(file, '{"a":1}\n\n{"a":2}');
 * const seen: [string, number, boolean][] = [];
 * await readLines(file, (line, n, last) => void seen.push([line, n, last]));
 * assert.deepEqual(seen, [['{"a":1}', 1, false], ['{"a":2}', 3, true]]);
 * await readLines(`${file}.missing`, () => assert.fail("no lines"));
 * ```
 */
export async function readLines(
  path: string,
  onLine: (line: string, lineNo: number, last: boolean) => void,
): Promise<void> {
  let file: Deno.FsFile;
  try {
    file = await Deno.open(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return;
    throw error;
  }
  const decoder = new TextDecoder();
  let rest = "";
  let lineNo = 0;
  let held: [string, number] | null = null; // one line behind, to know which is last
  const take = (line: string) => {
    lineNo++;
    if (line.trim() === "") return;
    if (held !== null) onLine(held[0], held[1], false);
    held = [line, lineNo];
  };
  for await (const chunk of file.readable) {
    const lines = (rest + decoder.decode(chunk, { stream: true })).split("\n");
    rest = lines.pop()!;
    for (const line of lines) take(line);
  }
  take(rest + decoder.decode());
  if (held !== null) onLine(held[0], held[1], true);
}
