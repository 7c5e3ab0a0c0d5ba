/**
 * Policy verdicts as JUnit XML, for CI systems that show test reports: one
 * test suite per model × variant, one test case per threshold.
 *
 * @module
 */
import type { PolicyVerdict } from "./policy.ts";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Options for {@link junitXml}: what the scores do not cover, shown beside the verdicts. */
export interface JunitOptions {
  /** Failed requests, grouped: each becomes a test case of the suite "what the scores do not cover". */
  generationErrors?: readonly { model: string; message: string; samples: number }[];
  /** Tasks that could not be judged: each a skipped test case with the reason. */
  unjudgedTasks?: readonly { task: string; reason: string; samples: number }[];
  /** "incomplete: 13 of 60 samples recorded" when the run did not finish. */
  incomplete?: string | null;
}

/**
 * Render verdicts as JUnit XML. Generation errors, tasks that could not be judged and an
 * incomplete run (when given) form one more test suite, "what the scores do not cover".
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { junitXml } from "./junit.ts";
 * const xml = junitXml("p", [{ model: "m", variant: "v", ok: false, checks: [{ metric: "passRate", bound: "min", limit: 0.9, value: 0.5, ok: false, note: "" }] }]);
 * assert.match(xml, /<failure message="passRate 0.5 &lt; min 0.9"/);
 * const gaps = junitXml("p", [], { generationErrors: [{ model: "m", message: "no answer from http://h/v1", samples: 3 }] });
 * assert.match(gaps, /<system-err>no answer from http:\/\/h\/v1<\/system-err>/);
 * ```
 */
export function junitXml(
  policyName: string,
  verdicts: readonly PolicyVerdict[],
  options: JunitOptions = {},
): string {
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
        esc(`${v.model} ${v.variant}${v.language ? ` [${v.language}]` : ""}`)
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
  const gen = options.generationErrors ?? [];
  const unjudged = options.unjudgedTasks ?? [];
  const incomplete = options.incomplete ? [options.incomplete] : [];
  if (gen.length + unjudged.length + incomplete.length > 0) {
    lines.push(
      `  <testsuite name="what the scores do not cover" tests="${
        gen.length + unjudged.length + incomplete.length
      }" failures="0" skipped="${unjudged.length + incomplete.length}">`,
    );
    for (const note of incomplete) {
      lines.push(`    <testcase classname="run" name="${esc(note)}">`);
      lines.push(`      <skipped message="${esc(note)}"/>`);
      lines.push(`    </testcase>`);
    }
    for (const g of gen) {
      lines.push(
        `    <testcase classname="${esc(g.model)}" name="${
          esc(`generation errors: ${g.samples} sample(s) got no answer`)
        }">`,
      );
      lines.push(`      <system-err>${esc(g.message)}</system-err>`);
      lines.push(`    </testcase>`);
    }
    for (const t of unjudged) {
      lines.push(
        `    <testcase classname="task" name="${esc(`${t.task} could not be judged`)}">`,
      );
      lines.push(`      <skipped message="${esc(`${t.reason} (${t.samples} sample(s))`)}"/>`);
      lines.push(`    </testcase>`);
    }
    lines.push(`  </testsuite>`);
  }
  lines.push(`</testsuites>`);
  return lines.join("\n") + "\n";
}

const round = (x: number) => Number(x.toPrecision(4));
