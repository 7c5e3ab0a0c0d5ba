/**
 * A run judged against an acceptable-risk policy, as `eval --policy` and `score` print it: one
 * PASS/FAIL line per model × variant and one line per check, then the JUnit XML when asked.
 *
 * @module
 */
import { runGaps } from "../analyze/run_gaps.ts";
import { incompleteLabel, type Run } from "../analyze/load_run.ts";
import { junitXml } from "../score/junit.ts";
import { judgeRun, type Policy } from "../score/policy.ts";

/**
 * Print a policy's verdicts; write JUnit XML when asked; true when every model × variant passes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../analyze/load_run.ts";
 * import { resolvePolicy } from "../score/policy.ts";
 * import { reportPolicy } from "./policy_report.ts";
 * const run = await loadRun(new URL("../../data/fixtures/run-tiny", import.meta.url).pathname);
 * const junit = await Deno.makeTempFile({ suffix: ".xml" });
 * const ok = await reportPolicy(run, await resolvePolicy("internal-tooling"), junit);
 * assert.equal(typeof ok, "boolean");
 * assert.match(await Deno.readTextFile(junit), /<testsuite/);
 * await Deno.remove(junit);
 * ```
 *
 * @param run The run to judge.
 * @param policy The thresholds.
 * @param junit Where to write JUnit XML, if anywhere.
 * @param print Where each line goes (`eval --json` sends it to stderr). @default console.log
 */
export async function reportPolicy(
  run: Run,
  policy: Policy,
  junit?: string,
  print: (line: string) => void = console.log,
): Promise<boolean> {
  const verdicts = judgeRun(run, policy);
  print(`\npolicy ${policy.name}${policy.description ? ` — ${policy.description}` : ""}`);
  for (const v of verdicts) {
    print(
      `  ${v.ok ? "PASS" : "FAIL"}  ${v.model} ${v.variant}${v.language ? ` [${v.language}]` : ""}`,
    );
    for (const c of v.checks) {
      const value = c.value === null ? `— (${c.note})` : String(Number(c.value.toPrecision(4)));
      print(
        `        ${c.ok ? "ok  " : "FAIL"} ${c.metric.padEnd(20)} ${
          value.padStart(10)
        }  ${c.bound} ${c.limit}`,
      );
    }
  }
  if (junit) {
    const gaps = runGaps(run);
    await Deno.writeTextFile(
      junit,
      junitXml(policy.name, verdicts, {
        ...gaps,
        incomplete: gaps.incomplete ? incompleteLabel(gaps.incomplete) : null,
      }),
    );
    print(`junit: ${junit}`);
  }
  return verdicts.every((v) => v.ok);
}
