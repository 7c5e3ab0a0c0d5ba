/**
 * Telling a pass that needs sloppy mode. A `script` job (a non-strict script, as a benchmark's
 * own harness runs JavaScript) with at least one passing case runs a second time as its strict
 * twin (`script-strict`: the same script with `"use strict"`); the cases that pass only in the
 * first run earn the sample the label `sloppy_only`, with the strict run's messages as evidence
 * and the implicit globals or read-only properties they name. The verdict is the first run's.
 *
 * @module
 */
import type { SampleLabel } from "../record/sample_label.ts";
import type { SandboxJob, SandboxResult } from "../sandbox/sandbox.ts";
import { solutionSource } from "../sandbox/solution_source.ts";

/** The names a strict-mode error message points at: `temp` in `temp is not defined`. */
const NAMED = [
  /ReferenceError: ([\w$]+) is not defined/,
  /Cannot assign to read only property '([^']+)'/,
  /Cannot create property '([^']+)'/,
  /Cannot delete property '([^']+)'/,
  /Cannot add property ([\w$]+), object is not extensible/,
];

/**
 * The `sloppy_only` label for `result`, the run of `job`, or null: null without running
 * anything when the job is not a script, nothing passed, or the strict twin is the same program
 * (an answer that runs as an ES module).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sloppyOnly } from "./sloppy_only.ts";
 * import { runSample } from "../sandbox/deno.ts";
 * const job = {
 *   code: "function swap(a, b) { temp = a; return [b, temp]; }",
 *   testsSource: 'import { swap } from "./solution.ts";\nexport const cases = { swaps: () => { if (swap(1, 2)[0] !== 2) throw new Error("no"); } };',
 *   cases: [{ name: "swaps", kind: "core" as const, tags: [] }],
 *   entry: "swap",
 *   semantics: "script" as const,
 * };
 * const run = (j: typeof job) => runSample(j, { isolation: "none" });
 * const result = await run(job);
 * assert.equal(result.cases[0].status, "pass");
 * const label = await sloppyOnly(job, result, run);
 * assert.deepEqual(label?.names, ["temp"]);
 * assert.deepEqual(label?.cases, ["swaps"]);
 * ```
 */
export async function sloppyOnly<J extends SandboxJob>(
  job: J,
  result: SandboxResult,
  run: (job: J) => Promise<SandboxResult>,
): Promise<SampleLabel | null> {
  if (job.semantics !== "script") return null;
  if (!result.cases.some((c) => c.status === "pass")) return null;
  // An answer that runs as an ES module has no sloppy twin: it is strict already.
  if (!solutionSource(job).script) return null;
  const strict = await run({ ...job, semantics: "script-strict" as const });
  const verdicts = new Map(strict.cases.map((c) => [c.name, c]));
  const cases = result.cases.filter((c) =>
    c.status === "pass" && verdicts.get(c.name)?.status !== "pass"
  );
  if (cases.length === 0) return null;
  const evidence = [
    ...new Set(cases.map((c) => firstLine(verdicts.get(c.name)?.message ?? strict.detail))),
  ];
  const names = [
    ...new Set(evidence.flatMap((m) => NAMED.map((re) => re.exec(m)?.[1] ?? "")).filter(Boolean)),
  ];
  return { label: "sloppy_only", cases: cases.map((c) => c.name), names, evidence };
}

function firstLine(message: string): string {
  return message.replace(/^load_error: /, "").split("\n")[0].trim().slice(0, 300);
}
