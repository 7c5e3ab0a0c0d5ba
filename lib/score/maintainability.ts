/**
 * Maintainability of generated code (DESIGN.md, "Definitions"): per program, its lines,
 * cyclomatic complexity, nesting depth, explicit `any` count ({@link codeMetrics}, read from the
 * TypeScript syntax tree) and lint findings ({@link lintBatch}, one `deno lint` for the batch).
 *
 * Computed on demand from the code (the run's generations), not stored in the result records:
 * the metrics are a pure function of the code and the tool versions, so old runs get them too,
 * a new metric or lint rule applies to every past run, and the evaluation loop's hot path stays
 * free of them. Identical programs are measured once. Cost measured on this machine (2 shared
 * cores): 300 distinct programs in 0.85–1.0 s in all, syntax trees and one `deno lint` together
 * (~3 ms per program; ~10 ms with other test files running in parallel; the test
 * `maintainability() of 300 distinct programs…` prints it) — about
 * what the sandbox spends on one or two samples, so a notebook can afford it for a whole run.
 *
 * @module
 */
import { type CodeMetrics, codeMetrics } from "./code_metrics.ts";
import { lintBatch, type LintFinding } from "./lint_batch.ts";

/** The maintainability metrics of one program. */
export interface Maintainability extends Omit<CodeMetrics, "unexported"> {
  /** Lint findings in all; null when not linted (lint off, or the program does not parse). */
  lintFindings: number | null;
  /** Lint findings per rule code (empty when not linted). */
  lintRules: Record<string, number>;
}

/** One program to measure. */
export interface MaintainabilitySample {
  /** A unique id (the map key of the result). */
  id: string;
  /** The source. */
  code: string;
  /** TypeScript or JavaScript. @default "ts" */
  language?: "ts" | "js";
}

/** Options for {@link maintainability}. */
export interface MaintainabilityOptions {
  /** Run `deno lint` (one process for the batch). @default true */
  lint?: boolean;
  /** Lint rules left out of Deno's recommended set. @default ["no-explicit-any"] */
  excludeRules?: readonly string[];
  /** The Deno binary for `deno lint`. @default Deno.execPath() */
  denoPath?: string;
}

/**
 * Measure programs: {@link codeMetrics} for each, and lint findings from one batched
 * `deno lint --json` (Deno's recommended rules, `no-explicit-any` left out by default since
 * `anyCount` counts it). Top-level declarations count as used: a solution module's declarations
 * are its interface, so the linted copy exports the ones the program did not (no
 * `no-unused-vars` for an entry point written without `export`). Identical programs are measured
 * once.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { maintainability } from "./maintainability.ts";
 * const found = await maintainability([
 *   { id: "a", code: "function add(a: number, b: number) {\n  var s = a + b;\n  return s;\n}\n" },
 *   { id: "b", code: "export const add = (a: any, b: any) => a ?? b;\n" },
 * ]);
 * assert.deepEqual(found.get("a")?.lintRules, { "no-var": 1 });
 * assert.deepEqual([found.get("b")?.complexity, found.get("b")?.anyCount], [2, 2]);
 * ```
 *
 * @param samples The programs.
 * @param options Lint on or off, excluded rules, the Deno binary.
 * @returns The metrics per program id.
 */
export async function maintainability(
  samples: readonly MaintainabilitySample[],
  options: MaintainabilityOptions = {},
): Promise<Map<string, Maintainability>> {
  const ids = new Set<string>();
  // One measurement per distinct (language, code).
  const distinct = new Map<string, { code: string; language: "ts" | "js"; metrics: CodeMetrics }>();
  const keyOf = (s: MaintainabilitySample) => `${s.language ?? "ts"}\u0000${s.code}`;
  for (const s of samples) {
    if (ids.has(s.id)) throw new RangeError(`Cannot measure "${s.id}": duplicate sample id`);
    ids.add(s.id);
    const key = keyOf(s);
    if (!distinct.has(key)) {
      const language = s.language ?? "ts";
      distinct.set(key, { code: s.code, language, metrics: codeMetrics(s.code, { language }) });
    }
  }
  let lint = new Map<string, LintFinding[] | null>();
  if (options.lint ?? true) {
    const entries = [...distinct.entries()];
    lint = await lintBatch(
      entries.map(([key, d]) => ({
        id: key,
        language: d.language,
        code: d.metrics.unexported.length
          ? `${d.code}\nexport { ${d.metrics.unexported.join(", ")} };\n`
          : d.code,
      })),
      { excludeRules: options.excludeRules, denoPath: options.denoPath },
    );
  }
  const result = new Map<string, Maintainability>();
  for (const s of samples) {
    const key = keyOf(s);
    const { unexported: _, ...metrics } = distinct.get(key)!.metrics;
    const findings = lint.get(key) ?? null;
    const lintRules: Record<string, number> = {};
    for (const f of findings ?? []) lintRules[f.rule] = (lintRules[f.rule] ?? 0) + 1;
    result.set(s.id, { ...metrics, lintFindings: findings ? findings.length : null, lintRules });
  }
  return result;
}
