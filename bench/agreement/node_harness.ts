/**
 * MultiPL-E's own harness, as its JavaScript and TypeScript evaluators run a program: JavaScript
 * with `node file.js`; TypeScript through the compiler's emit (`transpileModule`, what `tsc`
 * writes) then `node`. Exit code 0 passes; a timeout fails. A TypeScript program with a syntax
 * error fails, as MultiPL-E's `tsc` step fails it; unlike MultiPL-E (whose `tsc` exit code also
 * fails any type error), types are not checked.
 *
 * @module
 */
import { join } from "node:path";
import ts from "typescript";
import type { HarnessVerdict } from "./verdict.ts";

/** The checkout's node_modules (mathjs, heap-js): where a CommonJS program's packages resolve. */
const NODE_MODULES = new URL("../../node_modules", import.meta.url).pathname;

/** The node binary to run, or null (with the reason) when there is none. */
export async function findNode(): Promise<{ node: string; version: string } | { missing: string }> {
  try {
    const out = await new Deno.Command("node", { args: ["--version"], stdout: "piped" }).output();
    if (!out.success) return { missing: `"node --version" exited ${out.code}` };
    return { node: "node", version: new TextDecoder().decode(out.stdout).trim() };
  } catch (error) {
    return { missing: `node is not on PATH (${(error as Error).message})` };
  }
}

/**
 * JavaScript that `tsc --target esnext` would write for a TypeScript program (no type check), or
 * the first syntactic diagnostic, on which tsc exits non-zero and MultiPL-E reports a SyntaxError.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { emitJs } from "./node_harness.ts";
 * assert.deepEqual(emitJs("const x: number = 1;\n"), { js: "const x = 1;\n" });
 * assert.match((emitJs("function f() {") as { error: string }).error, /^tsc: TS1005: '}' expected/);
 * ```
 */
export function emitJs(source: string, commonjs = false): { js: string } | { error: string } {
  const out = ts.transpileModule(source, {
    compilerOptions: {
      target: ts.ScriptTarget.ESNext,
      ...(commonjs ? { module: ts.ModuleKind.CommonJS, esModuleInterop: true } : {}),
    },
    reportDiagnostics: true,
  });
  const first = out.diagnostics?.[0];
  if (first) {
    return {
      error: `tsc: TS${first.code}: ${ts.flattenDiagnosticMessageText(first.messageText, " ")}`,
    };
  }
  return { js: out.outputText };
}

/**
 * Run one whole program (`candidate + "\n" + tests`) the way MultiPL-E does, in `dir`.
 * The detail of a failure is the first line of stderr that names an error.
 */
export async function runWithNode(
  program: string,
  options: {
    language: "js" | "ts";
    dir: string;
    name: string;
    timeoutMs?: number;
    /** Emit CommonJS (tsc's `module: commonjs`) and resolve packages from the checkout's node_modules. */
    commonjs?: boolean;
  },
): Promise<HarnessVerdict> {
  const file = join(options.dir, `${options.name}.js`);
  const emitted = options.language === "ts" ? emitJs(program, options.commonjs) : { js: program };
  if ("error" in emitted) return { pass: false, detail: emitted.error };
  await Deno.writeTextFile(file, emitted.js);
  const child = new Deno.Command("node", {
    args: [file],
    cwd: options.dir,
    ...(options.commonjs ? { env: { NODE_PATH: NODE_MODULES } } : {}),
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, options.timeoutMs ?? 15_000);
  const out = await child.output();
  clearTimeout(timer);
  if (out.success) return { pass: true, detail: null };
  if (timedOut) return { pass: false, detail: `timeout after ${options.timeoutMs ?? 15_000} ms` };
  return { pass: false, detail: errorLine(new TextDecoder().decode(out.stderr), out.code) };
}

/**
 * The line of node's stderr that names the error (`AssertionError [ERR_ASSERTION]: …`,
 * `ReferenceError: x is not defined`), else the first line, else the exit code.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { errorLine } from "./node_harness.ts";
 * const stderr = "/tmp/x.js:3\n  throw e;\n  ^\n\nReferenceError: foo is not defined\n    at test";
 * assert.equal(errorLine(stderr, 1), "ReferenceError: foo is not defined");
 * assert.equal(errorLine("", 7), "exit code 7");
 * ```
 */
export function errorLine(stderr: string, code: number): string {
  const lines = stderr.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /^[A-Z]\w*(Error|Exception)\b/.test(l)) ?? lines[0] ??
    `exit code ${code}`;
}
