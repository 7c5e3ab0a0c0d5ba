/**
 * Reading what `deno check` prints: TypeScript diagnostics
 * (`TS2339 [ERROR]: Property 'x' does not exist on type 'y'.` … `at file:///…:line:col`) and the
 * module-graph errors that stop a check before any diagnostic (`error: … at file:///…`).
 *
 * @module
 */

/** One diagnostic or graph error as printed, with the absolute path it points at. */
export interface CheckMessage {
  /** The TS code (e.g. 2339), or null for a module-graph error. */
  code: number | null;
  /** The first line of the message. */
  message: string;
  /** The absolute file path (from the `file://` URL), or "" when none was printed. */
  path: string;
  /** 1-based line, 0 when unknown. */
  line: number;
  /** 1-based column, 0 when unknown. */
  column: number;
}

// deno-lint-ignore no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
const HEADER = /^(?:error: )?TS(\d+) \[(?:ERROR|WARN)\]: (.*)$/;
const GRAPH = /^error: (?!Type checking failed)(.*)$/;
const AT = /^\s*at (file:\/\/\/.+?):(\d+):(\d+)\s*$/;

/**
 * Parse the output of `deno check` (stdout and stderr together, colours or not) into one record
 * per diagnostic; graph errors (`error: …` without a TS code) come back with `code: null`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseCheckOutput } from "./check_output.ts";
 * const text = [
 *   "TS2339 [ERROR]: Property 'size' does not exist on type 'number[]'.",
 *   "  return xs.size;",
 *   "            ~~~~",
 *   "    at file:///tmp/batch/s0/solution.ts:2:13",
 *   "",
 *   "Found 1 error.",
 *   "",
 *   "error: Type checking failed.",
 * ].join("\n");
 * assert.deepEqual(parseCheckOutput(text), [{
 *   code: 2339,
 *   message: "Property 'size' does not exist on type 'number[]'.",
 *   path: "/tmp/batch/s0/solution.ts",
 *   line: 2,
 *   column: 13,
 * }]);
 * ```
 */
export function parseCheckOutput(text: string): CheckMessage[] {
  const lines = text.replace(ANSI, "").split(/\r?\n/);
  const out: CheckMessage[] = [];
  let open: CheckMessage | null = null;
  for (const line of lines) {
    const header = HEADER.exec(line);
    const graph = header ? null : GRAPH.exec(line);
    if (header || graph) {
      if (open) out.push(open);
      open = header
        ? { code: Number(header[1]), message: header[2].trim(), path: "", line: 0, column: 0 }
        : { code: null, message: graph![1].trim(), path: "", line: 0, column: 0 };
      continue;
    }
    const at = AT.exec(line);
    if (open && at && open.path === "") {
      open.path = decodeURIComponent(new URL(at[1]).pathname);
      open.line = Number(at[2]);
      open.column = Number(at[3]);
      out.push(open);
      open = null;
    }
  }
  if (open) out.push(open);
  return out;
}
