/**
 * Policy verdicts as JUnit XML, for CI systems that show test reports: one
 * test suite per model × variant, one test case per threshold.
 *
 * @module
 */
import type { PolicyVerdict } from "./policy.ts";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Render verdicts as JUnit XML.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { junitXml } from "./junit.ts";
 * const xml = junitXml("p", [{ model: "m", variant: "v", ok: false, checks: [{ metric: "passRate", bound: "min", limit: 0.9, value: 0.5, ok: false, note: "" }] }]);
 * assert.match(xml, /<failure message="passRate 0.5 &lt; min 0.9"/);
 * ```
 */
export function junitXml(policyName: string, verdicts: readonly PolicyVerdict[]): string {
  const failures = verdicts.reduce((n, v) => n + v.checks.filter((c) => !c.ok).length, 0);
  const tests = verdicts.reduce((n, v) => n + v.checks.length, 0);
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="assay policy ${esc(policyName)}" tests="${tests}" failures="${failures}">`,
  ];
  for (const v of verdicts) {
    const f = v.checks.filter((c) => !c.ok).length;
    lines.push(
      `  <testsuite name="${
        esc(`${v.model} ${v.variant}`)
      }" tests="${v.checks.length}" failures="${f}">`,
    );
    for (const c of v.checks) {
      const name = `${c.metric} ${c.bound} ${c.limit}`;
      if (c.ok) lines.push(`    <testcase classname="${esc(v.model)}" name="${esc(name)}"/>`);
      else {
        const op = c.bound === "min" ? "<" : ">";
        const message = c.value === null
          ? `${c.metric}: ${c.note}`
          : `${c.metric} ${round(c.value)} ${op} ${c.bound} ${c.limit}`;
        lines.push(`    <testcase classname="${esc(v.model)}" name="${esc(name)}">`);
        lines.push(`      <failure message="${esc(message)}"/>`);
        lines.push(`    </testcase>`);
      }
    }
    lines.push(`  </testsuite>`);
  }
  lines.push(`</testsuites>`);
  return lines.join("\n") + "\n";
}

const round = (x: number) => Number(x.toPrecision(4));
