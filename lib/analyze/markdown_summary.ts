/**
 * A run's summary as GitHub-flavoured markdown for a pull-request comment
 * (`./assay export --format md`): a header naming the run, suite and models, a warning when the
 * run is incomplete, one table row per model × variant (× language), every rate with its
 * denominator, the policy's verdict per row when asked, and what the scores leave out.
 *
 * @module
 */
import { judgeRun, type Policy, type PolicyVerdict } from "../score/policy.ts";
import type { PriceTable } from "../model/prices.ts";
import { costCell } from "./cost_rows.ts";
import { incompleteLabel, type Run } from "./load_run.ts";
import { runGaps } from "./run_gaps.ts";
import { summarize, type SummaryRow } from "./summary.ts";

/** Options of {@link markdownSummary}. */
export interface MarkdownSummaryOptions {
  /** Judge every row against this policy (a column and a verdict section). @default none */
  policy?: Policy;
  /** Prices over those the run recorded (the cost column). @default the run's own */
  prices?: PriceTable;
}

/** `1 sample`, `2 samples`. */
function samples(n: number): string {
  return `${n} sample${n === 1 ? "" : "s"}`;
}

/** A table cell: pipes escaped, line breaks flattened. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** `75% (9/12)`, or `—` with no sample. */
function rate(share: number | null, of: number): string {
  return share === null || of === 0
    ? "—"
    : `${Math.round(share * 100)}% (${Math.round(share * of)}/${of})`;
}

/** The checks a verdict fails, in words: `passRate 0.5 < min 0.8`. */
function failedChecks(v: PolicyVerdict): string {
  return v.checks.filter((c) => !c.ok).map((c) =>
    c.value === null
      ? `${c.metric} not measured (${c.note})`
      : `${c.metric} ${Number(c.value.toPrecision(4))} ${
        c.bound === "min" ? "<" : ">"
      } ${c.bound} ${c.limit}`
  ).join("; ");
}

/**
 * The markdown summary of a run.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "./load_run.ts";
 * import { markdownSummary } from "./markdown_summary.ts";
 * import { resolvePolicy } from "../score/policy.ts";
 * const run = await loadRun(new URL("../../data/fixtures/run-tiny", import.meta.url).pathname);
 * const md = markdownSummary(run, { policy: await resolvePolicy("internal-tooling") });
 * assert.match(md, /^### assay run `run-tiny`/);
 * assert.match(md, /\| `synthetic:steady` \(synthetic\) \| plain \| 6 \|/);
 * assert.match(md, /[*]{2}Policy `internal-tooling`[*]{2}: /);
 * assert.doesNotMatch(md, /incomplete/);
 * ```
 *
 * @param run The run, loaded (an incomplete one is marked so, at the top).
 * @param options `policy`: judge each row.
 * @returns GitHub-flavoured markdown, ending with a newline.
 */
export function markdownSummary(run: Run, options: MarkdownSummaryOptions = {}): string {
  const m = run.manifest;
  const rows = summarize(run, options.prices ? { prices: options.prices } : {});
  const gaps = runGaps(run);
  const mixed = rows.some((r) => r.language !== undefined);
  const verdicts = options.policy ? judgeRun(run, options.policy) : null;
  const verdictOf = (r: SummaryRow) =>
    verdicts?.find((v) =>
      v.model === r.model && v.variant === r.variant && v.language === r.language
    );
  const out: string[] = [`### assay run \`${m.runId}\`${m.name ? ` (${m.name})` : ""}`, ""];
  const models = m.models.map((x) => `\`${x.spec}\`${x.synthetic ? " (synthetic)" : ""}`);
  out.push(
    `Suite **${m.suite.name}** (${m.suite.tasks} tasks${
      m.suite.version ? `, v${m.suite.version}` : ""
    }) · models ${models.join(", ")} · variants ${
      m.variants.join(", ")
    } · ${gaps.judged} judged samples`,
    "",
  );
  if (run.incomplete) {
    out.push(
      "> [!WARNING]",
      `> ${incompleteLabel(run.incomplete)}: every number below covers only these`,
      "",
    );
  }
  const head = [
    "model",
    "variant",
    ...(mixed ? ["language"] : []),
    "n",
    "pass rate",
    "weighted acc.",
    "correct / almost / wrong",
    "p50 latency",
    "gen errors",
    "cost",
    ...(verdicts ? [`policy \`${options.policy!.name}\``] : []),
  ];
  const align = head.map((h, i) =>
    ["model", "variant", "language"].includes(h) || (verdicts && i === head.length - 1)
      ? "---"
      : "--:"
  );
  out.push(`| ${head.join(" | ")} |`, `|${align.join("|")}|`);
  for (const r of rows) {
    const v = verdictOf(r);
    out.push(
      `| ${
        [
          `\`${cell(r.model)}\`${r.synthetic ? " (synthetic)" : ""}`,
          cell(r.variant),
          ...(mixed ? [r.language ?? "ts"] : []),
          String(r.samples),
          rate(r.passRate, r.samples),
          r.weightedAccuracy === null ? "—" : r.weightedAccuracy.toFixed(3),
          `${r.correct} / ${r.almost} / ${r.wrong}`,
          r.totalP50 === null ? "—" : `${Math.round(r.totalP50)} ms`,
          `${r.generationErrors} of ${r.samples}`,
          costCell(r),
          ...(verdicts ? [v === undefined ? "—" : v.ok ? "✅ pass" : "❌ fail"] : []),
        ].join(" | ")
      } |`,
    );
  }
  out.push(
    "",
    "<sub>n: judged samples (failed generations included, scored as no code). " +
      "Weighted accuracy in [-1, 1]. p50 latency: total generation time of uncached, " +
      "successful generations. Cost: USD the requests spent (a cache hit spends nothing; " +
      '"no price": the model has none, never 0).</sub>',
  );
  if (verdicts && options.policy) {
    const failed = verdicts.filter((v) => !v.ok);
    out.push(
      "",
      `**Policy \`${options.policy.name}\`**: ${
        failed.length === 0
          ? `✅ every row passes (${verdicts.length} of ${verdicts.length})`
          : `❌ ${failed.length} of ${verdicts.length} rows fail`
      }`,
    );
    for (const v of failed) {
      out.push(
        `- \`${cell(v.model)}\` ${cell(v.variant)}${v.language ? ` [${v.language}]` : ""}: ${
          cell(failedChecks(v))
        }`,
      );
    }
  }
  const notes: string[] = [];
  for (const g of gaps.generationErrors) {
    notes.push(
      `- \`${cell(g.model)}\`: ${
        samples(g.samples)
      } (of ${gaps.judged} in the run) got no answer (counted in n, scored as no code): ${
        cell(g.message)
      }`,
    );
  }
  for (const t of gaps.unjudgedTasks) {
    notes.push(
      `- task \`${cell(t.task)}\` could not be judged (${
        samples(t.samples)
      }, left out of every score): ${cell(t.reason)}`,
    );
  }
  if (notes.length) out.push("", "**Gaps**", ...notes);
  return out.join("\n") + "\n";
}
