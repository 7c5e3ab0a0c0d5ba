/**
 * The type-check stage: many samples, one `deno check`. Each sample gets its own folder
 * (`solution.ts` + `tests.ts`) in one temporary directory; files that do not parse are caught
 * first by a cheap in-process parse (a parse error would stop the whole batch), every module
 * specifier the sandbox would refuse is redirected to a stub, and one `deno check --no-npm
 * --no-remote` covers the rest. Diagnostics are mapped back to samples by path. The code is
 * checked, never executed.
 *
 * @module
 */
import { runDenoTool } from "./deno_tool.ts";
import { dirname, join, posix } from "node:path";
import { treePathProblem } from "../task/tree.ts";
import { ensureExported } from "../sandbox/deno.ts";
import { blockImports } from "./blocked_imports.ts";
import { parseCheckOutput } from "./check_output.ts";
import { syntaxProblem } from "./syntax_problem.ts";
import { Diagnostic } from "../record/diagnostic.ts";

/** One sample to type-check: candidate code and the tests that import it. */
export interface TypecheckSample {
  /** A unique id (the map key of the result). */
  id: string;
  /** The candidate source (written as `solution.ts`). */
  code: string;
  /** The task's tests (written as `tests.ts`; imports `./solution.ts`); "" for none. */
  testsSource: string;
  /**
   * A tree written beside them (a files answer: the context overlaid with the changed files),
   * tree path → source; the tests may import it. Diagnostics in it carry its `path`.
   */
  files?: Record<string, string>;
}

/** Options for {@link typecheckBatch}. */
export interface TypecheckOptions {
  /**
   * Check with TypeScript's `strict` family on. Off by default: generated code is often loosely
   * typed and implicit-any noise would drown the diagnostics that matter (missing names,
   * properties, modules, exports, arity), which are reported either way.
   * @default false
   */
  strict?: boolean;
  /** The Deno binary. @default Deno.execPath() */
  denoPath?: string;
  /** Kill `deno check` after this long, ms. @default 300000 */
  timeoutMs?: number;
}

const STUB = "declare const missing: any;\nexport default missing;\n";
const STUB_SPEC = "../__missing__.ts";

/**
 * Type-check samples in one batch and return each sample's diagnostics (empty array when clean).
 * Throws `Cannot type-check "<id>": …` when the harness cannot (duplicate ids, tests that do not
 * parse, a checker that fails without diagnostics) — never because a sample is wrong.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { typecheckBatch } from "./typecheck.ts";
 * const testsSource = 'import { half } from "./solution.ts";\nexport const cases = { one: () => half(2) };\n';
 * const found = await typecheckBatch([
 *   { id: "ok", code: "export const half = (n: number) => n / 2;", testsSource },
 *   { id: "bad", code: "export const half = (n: number) => Math.halve(n);", testsSource },
 * ]);
 * assert.deepEqual(found.get("ok"), []);
 * assert.equal(found.get("bad")?.[0].code, 2339);
 * ```
 */
export async function typecheckBatch(
  samples: readonly TypecheckSample[],
  options: TypecheckOptions = {},
): Promise<Map<string, Diagnostic[]>> {
  const result = new Map<string, Diagnostic[]>();
  for (const s of samples) {
    if (result.has(s.id)) throw new RangeError(`Cannot type-check "${s.id}": duplicate sample id`);
    result.set(s.id, []);
  }
  if (samples.length === 0) return result;
  const dir = await Deno.realPath(await Deno.makeTempDir({ prefix: "assay-check-" }));
  try {
    await Deno.writeTextFile(join(dir, "__missing__.ts"), STUB);
    await Deno.writeTextFile(
      join(dir, "deno.json"),
      JSON.stringify({ compilerOptions: { strict: options.strict ?? false } }),
    );
    const folders = new Map<string, string>(); // "s12" → sample id
    const files: string[] = [];
    for (const [k, s] of samples.entries()) {
      const folder = `s${k}`;
      const diags = result.get(s.id)!;
      const tree = s.files ?? {};
      const treePaths = Object.keys(tree);
      for (const p of treePaths) {
        const problem = treePathProblem(p);
        if (problem) throw new Error(`Cannot type-check "${s.id}": ${problem}`);
      }
      const tests = blockImports(s.testsSource, {
        allow: ["./solution.ts", ...treePaths.map((p) => `./${p}`)],
        stub: STUB_SPEC,
      });
      const testsProblem = syntaxProblem(tests.source);
      if (testsProblem) {
        throw new Error(
          `Cannot type-check "${s.id}": the tests do not parse: ${testsProblem.message} at line ${testsProblem.line}`,
        );
      }
      let code = s.code;
      for (const name of importedNames(s.testsSource)) code = ensureExported(code, name);
      const solution = blockImports(code, { stub: STUB_SPEC });
      for (const b of solution.blocked) {
        diags.push({
          code: 2307,
          message: `Cannot find module '${b.specifier}' (not available in the sandbox).`,
          line: b.line,
          column: b.column,
          file: "solution",
        });
      }
      const problem = syntaxProblem(solution.source);
      if (problem) {
        diags.push({ ...problem, file: "solution" });
        continue;
      }
      // The tree: each file may import the others by relative path; anything else is stubbed.
      const treeSources: [string, string][] = [];
      for (const p of treePaths) {
        const here = posix.dirname(p);
        const allow = treePaths.filter((q) => q !== p).map((q) => {
          const rel = posix.relative(here, q);
          return rel.startsWith(".") ? rel : `./${rel}`;
        });
        const stubDepth = "../".repeat(p.split("/").length);
        const blocked = blockImports(tree[p], { allow, stub: `${stubDepth}__missing__.ts` });
        for (const b of blocked.blocked) {
          diags.push({
            code: 2307,
            message: `Cannot find module '${b.specifier}' (not available in the sandbox).`,
            line: b.line,
            column: b.column,
            file: "solution",
            path: p,
          });
        }
        const treeProblem = syntaxProblem(blocked.source);
        if (treeProblem) diags.push({ ...treeProblem, file: "solution", path: p });
        treeSources.push([p, blocked.source]);
      }
      if (diags.some((d) => d.path !== undefined && d.code < 2000)) continue;
      await Deno.mkdir(join(dir, folder));
      for (const [p, source] of treeSources) {
        await Deno.mkdir(dirname(join(dir, folder, p)), { recursive: true });
        await Deno.writeTextFile(join(dir, folder, p), source);
        files.push(`${folder}/${p}`);
      }
      await Deno.writeTextFile(join(dir, folder, "solution.ts"), solution.source);
      files.push(`${folder}/solution.ts`);
      if (s.testsSource.trim()) {
        await Deno.writeTextFile(join(dir, folder, "tests.ts"), tests.source);
        files.push(`${folder}/tests.ts`);
      }
      folders.set(folder, s.id);
    }
    const blockedLines = new Map(
      samples.map((s) => [
        s.id,
        new Set(result.get(s.id)!.map((d) => `${d.path ?? ""}:${d.line}`)),
      ]),
    );
    let pending = files;
    while (pending.length > 0) {
      const messages = await runCheck(dir, pending, options);
      const graph = messages.filter((m) => m.code === null);
      for (const m of messages) {
        const where = locate(dir, m.path);
        const id = where ? folders.get(where.folder) : undefined;
        if (id === undefined || where === null) {
          if (m.code !== null) continue; // a diagnostic outside the samples: not theirs
          throw new Error(`Cannot type-check "${dir}": deno check failed: ${m.message}`);
        }
        if (m.code === null) {
          result.get(id)!.push({ ...position(m), code: 2307, file: where.file });
          pending = pending.filter((f) => !f.startsWith(`${where.folder}/`));
          continue;
        }
        if (graph.length > 0) continue; // the batch stopped early: rerun without the culprit
        if (
          where.file === "solution" && blockedLines.get(id)!.has(`${where.path ?? ""}:${m.line}`)
        ) continue;
        const message = m.message.replaceAll(`file://${dir}/${where.folder}/`, "./")
          .replaceAll(`file://${dir}/`, "../");
        result.get(id)!.push({
          ...position(m),
          message,
          code: m.code,
          file: where.file,
          ...(where.path === undefined ? {} : { path: where.path }),
        });
      }
      if (graph.length === 0) break;
    }
  } finally {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
  return result;
}

/** The names a tests module imports from `./solution.ts` (`import { a, b as c } from …`). */
function importedNames(testsSource: string): string[] {
  const names: string[] = [];
  const pattern = /import\s*(?:type\s+)?\{([^}]*)\}\s*from\s*["']\.\/solution\.ts["']/g;
  for (const m of testsSource.matchAll(pattern)) {
    for (const part of m[1].split(",")) {
      const name = part.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0].trim();
      if (/^[A-Za-z_$][\w$]*$/.test(name)) names.push(name);
    }
  }
  return names;
}

function locate(
  dir: string,
  path: string,
): { folder: string; file: Diagnostic["file"]; path?: string } | null {
  const m = new RegExp(`^${escape(dir)}/(s\\d+)/(.+)$`).exec(path);
  if (!m) return null;
  if (m[2] === "solution.ts" || m[2] === "tests.ts") {
    return { folder: m[1], file: m[2].slice(0, -3) as Diagnostic["file"] };
  }
  return { folder: m[1], file: "solution", path: m[2] };
}

function position(m: { message: string; line: number; column: number }) {
  return { message: m.message, line: m.line, column: m.column };
}

async function runCheck(dir: string, files: string[], options: TypecheckOptions) {
  const out = await runDenoTool(
    [
      "check",
      "--config",
      "deno.json",
      "--no-lock",
      "--no-npm",
      "--no-remote",
      "--quiet",
      ...files,
    ],
    dir,
    options,
  );
  const text = new TextDecoder().decode(out.stdout) + "\n" + new TextDecoder().decode(out.stderr);
  const messages = parseCheckOutput(text);
  if (!out.success && messages.length === 0) {
    throw new Error(
      `Cannot type-check "${dir}": deno check exited with ${out.code} and no diagnostics: ${
        text.trim().slice(0, 500)
      }`,
    );
  }
  return messages;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
