/**
 * The lint stage: many programs, one `deno lint --json`. Each program is written to its own file
 * in one temporary folder with its own `deno.json` (so the caller's lint configuration never
 * applies), the folder is linted in one process, and findings are mapped back to programs by
 * file name. `deno lint` parses each file on its own, so one file that does not parse does not
 * stop the batch: it is reported as not linted (null). The code is linted, never executed.
 *
 * @module
 */
import { runDenoTool } from "./deno_tool.ts";
import { join } from "node:path";

/** One lint finding. */
export interface LintFinding {
  /** The rule code, e.g. `no-unused-vars`. */
  rule: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** The rule's message. */
  message: string;
}

/** One program to lint. */
export interface LintSample {
  /** A unique id (the map key of the result). */
  id: string;
  /** The source. */
  code: string;
  /** TypeScript or JavaScript. @default "ts" */
  language?: "ts" | "js";
}

/** Options for {@link lintBatch}. */
export interface LintBatchOptions {
  /**
   * Rules left out, on top of Deno's recommended set (which is what runs).
   * @default ["no-explicit-any"] (counted apart, as `anyCount`)
   */
  excludeRules?: readonly string[];
  /** The Deno binary. @default Deno.execPath() */
  denoPath?: string;
  /** Kill `deno lint` after this long, ms. @default 300000 */
  timeoutMs?: number;
}

interface LintJson {
  diagnostics: {
    filename: string;
    range: { start: { line: number; col: number } };
    message: string;
    code: string;
  }[];
  errors: { file_path: string; message: string }[];
}

/**
 * Lint programs in one `deno lint --json` run and return each program's findings (empty when
 * clean), or null for a program that does not parse. Throws `Cannot lint …` when the linter
 * itself fails (duplicate ids, no JSON output) — never because a program is bad.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { lintBatch } from "./lint_batch.ts";
 * const found = await lintBatch([
 *   { id: "clean", code: "export const half = (n: number) => n / 2;\n" },
 *   { id: "var", code: "export function f() {\n  var x = 1;\n  return x;\n}\n" },
 *   { id: "broken", code: "export function (" },
 * ]);
 * assert.deepEqual(found.get("clean"), []);
 * assert.deepEqual(found.get("var")?.map((f) => [f.rule, f.line]), [["no-var", 2]]);
 * assert.equal(found.get("broken"), null);
 * ```
 *
 * @param samples The programs.
 * @param options Excluded rules, the Deno binary, the timeout.
 * @returns Findings per program id (null: the program does not parse).
 */
export async function lintBatch(
  samples: readonly LintSample[],
  options: LintBatchOptions = {},
): Promise<Map<string, LintFinding[] | null>> {
  const result = new Map<string, LintFinding[] | null>();
  for (const s of samples) {
    if (result.has(s.id)) throw new RangeError(`Cannot lint "${s.id}": duplicate sample id`);
    result.set(s.id, []);
  }
  if (samples.length === 0) return result;
  const dir = await Deno.realPath(await Deno.makeTempDir({ prefix: "assay-lint-" }));
  try {
    const exclude = [...(options.excludeRules ?? ["no-explicit-any"])];
    await Deno.writeTextFile(
      join(dir, "deno.json"),
      JSON.stringify({ lint: { rules: { tags: ["recommended"], exclude } } }),
    );
    const byFile = new Map<string, string>();
    for (const [k, s] of samples.entries()) {
      const file = `s${k}.${s.language === "js" ? "js" : "ts"}`;
      byFile.set(join(dir, file), s.id);
      await Deno.writeTextFile(join(dir, file), s.code);
    }
    const report = await runLint(dir, options);
    for (const e of report.errors) {
      const id = byFile.get(e.file_path);
      if (id === undefined) throw new Error(`Cannot lint "${dir}": ${e.message}`);
      result.set(id, null);
    }
    for (const d of report.diagnostics) {
      const id = byFile.get(d.filename.replace(/^file:\/\//, ""));
      const findings = id === undefined ? undefined : result.get(id);
      if (!findings) continue;
      findings.push({
        rule: d.code,
        line: d.range.start.line,
        column: d.range.start.col + 1,
        message: d.message,
      });
    }
  } finally {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
  return result;
}

async function runLint(dir: string, options: LintBatchOptions): Promise<LintJson> {
  const out = await runDenoTool(
    ["lint", "--json", "--config", "deno.json", "."],
    dir,
    options,
  );
  const text = new TextDecoder().decode(out.stdout);
  try {
    const json = JSON.parse(text) as LintJson;
    return { diagnostics: json.diagnostics ?? [], errors: json.errors ?? [] };
  } catch {
    const stderr = new TextDecoder().decode(out.stderr).trim();
    throw new Error(
      `Cannot lint "${dir}": deno lint exited with ${out.code} and no JSON report: ${
        (stderr || text).slice(0, 500)
      }`,
    );
  }
}
