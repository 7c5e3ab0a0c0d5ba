/**
 * The agreement table and the list of differences as printed text. Pure.
 *
 * @module
 */
import type { AgreementRow } from "./compare.ts";
import { assayEvidence } from "./verdict.ts";

const pct = (n: number, d: number) => (d === 0 ? "–" : `${(100 * n / d).toFixed(2)}%`).padStart(7);

/**
 * One line per benchmark: samples, passes on each side, agreement over the judged samples,
 * sloppy-only passes, samples assay could not judge (a task error), wall time.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatTable } from "./report.ts";
 * const row = { benchmark: "b", samples: 4, assayPasses: 2, harnessPasses: 3, judged: 4, agree: 3, sloppyOnly: 0, unjudged: [], wallMs: 1500, differences: [] };
 * const text = formatTable([row, { ...row, benchmark: "c", skipped: "node is missing" }]);
 * assert.match(text, /\| b +\| +4 \| +2 \| +3 \| +3\/4 \| +75\.00% \| +0 \| +0 \| +1\.5 \|/);
 * assert.match(text, /\| c +\| skipped: node is missing/);
 * ```
 */
export function formatTable(rows: readonly AgreementRow[]): string {
  const width = Math.max(9, ...rows.map((r) => r.benchmark.length));
  const head = `| ${"benchmark".padEnd(width)} | samples | assay passes | harness passes | ` +
    `agreement |       % | sloppy_only | unjudged | wall s |`;
  const rule = `|${"-".repeat(width + 2)}|--------:|-------------:|---------------:|` +
    `----------:|--------:|------------:|---------:|-------:|`;
  const lines = rows.map((r) =>
    r.skipped
      ? `| ${r.benchmark.padEnd(width)} | skipped: ${r.skipped} |`
      : `| ${r.benchmark.padEnd(width)} | ${String(r.samples).padStart(7)} | ${
        String(r.assayPasses).padStart(12)
      } | ${String(r.harnessPasses).padStart(14)} | ${`${r.agree}/${r.judged}`.padStart(9)} | ${
        pct(r.agree, r.judged)
      } | ${String(r.sloppyOnly).padStart(11)} | ${String(r.unjudged.length).padStart(8)} | ${
        (r.wallMs / 1000).toFixed(1).padStart(6)
      } |`
  );
  return [head, rule, ...lines].join("\n");
}

/**
 * The differences grouped by cause (largest group first) within each benchmark: a count per
 * cause, then every sample with assay's verdict and evidence and the harness's.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatDifferences } from "./report.ts";
 * const assay = { pass: false, outcome: "completed", detail: "", category: "crash", failedCase: { name: "a", status: "error", message: "TypeError: x" }, taskError: null, sloppyOnly: false, code: null, entry: "f" };
 * const row = { benchmark: "b", samples: 1, assayPasses: 0, harnessPasses: 1, judged: 1, agree: 0, sloppyOnly: 0, unjudged: [], wallMs: 1, differences: [
 *   { id: "T/1", assay, harness: { pass: true, detail: null }, cause: "assay fails: TypeError: x" },
 * ] };
 * const text = formatDifferences([row]);
 * assert.match(text, /b: 1 difference\(s\)\n  1 × assay fails: TypeError: x\n    T\/1 · assay FAIL \(crash\) a: error: TypeError: x · harness PASS/);
 * ```
 */
export function formatDifferences(rows: readonly AgreementRow[]): string {
  const out: string[] = [];
  for (const row of rows) {
    if (row.skipped) continue;
    for (const u of row.unjudged) {
      out.push(
        `${row.benchmark}: ${u.id} not judged by assay (left out of the agreement): ${u.cause}`,
      );
    }
    if (row.differences.length === 0) continue;
    out.push(`${row.benchmark}: ${row.differences.length} difference(s)`);
    const groups = new Map<string, AgreementRow["differences"]>();
    for (const d of row.differences) groups.set(d.cause, [...groups.get(d.cause) ?? [], d]);
    for (const [cause, items] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
      out.push(`  ${items.length} × ${cause}`);
      for (const d of items) {
        const assay = d.assay.pass
          ? "assay PASS"
          : `assay FAIL (${d.assay.category ?? d.assay.outcome}) ${assayEvidence(d.assay)}`;
        const harness = d.harness.pass
          ? "harness PASS"
          : `harness FAIL${d.harness.detail ? ` ${d.harness.detail}` : ""}`;
        out.push(`    ${d.id} · ${oneLine(assay, 200)} · ${oneLine(harness, 160)}`);
      }
    }
  }
  return out.join("\n");
}

/**
 * Every cause with its count over all benchmarks, largest first.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { causeCounts } from "./report.ts";
 * const d = (cause: string) => ({ cause }) as never;
 * const rows = [{ benchmark: "b", differences: [d("x"), d("y"), d("x")] }] as never;
 * assert.deepEqual(causeCounts(rows), [["b", "x", 2], ["b", "y", 1]]);
 * ```
 */
export function causeCounts(rows: readonly AgreementRow[]): [string, string, number][] {
  const counts = new Map<string, [string, string, number]>();
  for (const row of rows) {
    for (const d of row.differences) {
      const k = JSON.stringify([row.benchmark, d.cause]);
      const c = counts.get(k) ?? [row.benchmark, d.cause, 0];
      c[2]++;
      counts.set(k, c);
    }
  }
  return [...counts.values()].sort((a, b) => b[2] - a[2]);
}

function oneLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
