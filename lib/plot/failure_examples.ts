/**
 * The drill-down of a failure category: example samples with the evidence
 * that classified them beside their code, as escaped, self-contained HTML.
 *
 * @module
 */
import type { FailedSample, FailureLabel } from "../analyze/failure_modes.ts";
import { FAILURE_COLORS } from "./failure_modes.ts";
import { cutAtWord } from "../analyze/number_format.ts";

/** Options for {@link failureExamplesHTML}. */
export interface FailureExamplesOptions {
  /** The category to show. @default the most frequent primary category among `samples` */
  category?: FailureLabel;
  /** The most examples shown (spread over models, round-robin). @default 3 */
  limit?: number;
  /** The most code lines shown per example (the rest is summarised). @default 60 */
  maxCodeLines?: number;
  /** The most failing cases listed per example. @default 6 */
  maxCases?: number;
  /** Model colours by spec, for the swatch beside each model (e.g. from `modelColorScale()`). @default grey */
  colors?: Readonly<Record<string, string>>;
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** Long text cut at a word boundary with "…" (never mid-word). */
const clip = cutAtWord;
const FONT = "font: 13px system-ui, sans-serif;";
const MONO = "font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;";
const HEAD = "font-weight: 600; margin: 8px 0 3px;";
const BADGE = "display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 11px; " +
  "line-height: 17px; margin-right: 6px; vertical-align: 1px;";

/** The most frequent category among `samples` (ties: precedence order, which `samples` follow). */
function mostFrequent(samples: readonly FailedSample[]): FailureLabel | undefined {
  const counts = new Map<FailureLabel, number>();
  for (const s of samples) counts.set(s.category, (counts.get(s.category) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Up to `limit` samples, one per model in turn, so every model shows an example. */
function pick(samples: readonly FailedSample[], limit: number): FailedSample[] {
  const byModel = new Map<string, FailedSample[]>();
  for (const s of samples) byModel.set(s.model, [...(byModel.get(s.model) ?? []), s]);
  const queues = [...byModel.values()];
  const picked: FailedSample[] = [];
  for (let i = 0; picked.length < limit && queues.some((q) => i < q.length); i++) {
    for (const q of queues) if (i < q.length && picked.length < limit) picked.push(q[i]);
  }
  return picked;
}

/** The code (or the raw answer when nothing was extracted) with line numbers. */
function codeBlock(s: FailedSample, maxLines: number): string {
  const source = s.code ?? s.text;
  const title = s.code === null ? "Answer (no code extracted)" : "Code";
  const lines = source.replace(/\s+$/, "").split("\n");
  const width = String(Math.min(lines.length, maxLines)).length;
  const body = lines.slice(0, maxLines).map((line, i) =>
    `<span style="color: #9ca3af; user-select: none;">${String(i + 1).padStart(width)}  </span>${
      esc(line)
    }`
  ).join("\n");
  const more = lines.length > maxLines
    ? `\n<span style="color: #6b7280;">… ${lines.length - maxLines} more lines</span>`
    : "";
  return `<div style="${HEAD}">${title}</div><pre style="${MONO} font-size: 12px; line-height: 1.45; ` +
    `background: #f6f8fa; border: 1px solid #e5e7eb; border-radius: 4px; padding: 8px 10px; margin: 0; ` +
    `max-height: 460px; overflow: auto; white-space: pre; color: #111827;">${
      source.trim() ? body + more : '<span style="color: #6b7280;">(empty answer)</span>'
    }</pre>`;
}

/** The left column: who, what, the evidence, the failing cases. */
function evidenceBlock(s: FailedSample, options: FailureExamplesOptions): string {
  const swatch = options.colors?.[s.model] ?? "#9ca3af";
  const who =
    `<div><span style="display: inline-block; width: 10px; height: 10px; background: ${
      esc(swatch)
    }; margin-right: 6px;"></span><strong>${esc(s.model)}</strong> · ${
      esc(s.task)
    } · sample ${s.sample}` +
    ` · <span style="color: #4b5563;">${esc(s.variant)}</span></div>`;
  const facts = [
    `outcome <code>${esc(s.outcome)}</code>${s.detail ? `: ${esc(clip(s.detail, 160))}` : ""}`,
    s.secondary.length
      ? `also labelled ${s.secondary.map((c) => `<code>${c}</code>`).join(", ")}`
      : "",
    s.synthetic && s.mutations.length
      ? `planted by the synthetic model: ${
        s.mutations.map((m) => `<code>${esc(m)}</code>`).join(", ")
      }`
      : "",
  ].filter(Boolean).map((f) => `<div style="color: #374151; margin-top: 2px;">${f}</div>`).join("");
  const evidence = s.evidence.length
    ? `<ul style="margin: 0; padding-left: 18px;">${
      s.evidence.map((e) =>
        `<li style="margin: 2px 0;"><span style="${BADGE} background: ${
          FAILURE_COLORS[e.category]
        }22; border: 1px solid ${FAILURE_COLORS[e.category]};">${e.category} · ${e.source}</span>` +
        `<span style="${MONO} font-size: 12px; word-break: break-word;">${
          esc(clip(e.text, 600))
        }</span></li>`
      ).join("")
    }</ul>`
    : `<div style="color: #6b7280;">no evidence recorded (a run from before the taxonomy)</div>`;
  const maxCases = options.maxCases ?? 6;
  // When every failing case says the same (a timeout, a load error), say it once.
  const shared = s.failingCases.length > 1 &&
      s.failingCases.every((c) => c.message === s.failingCases[0].message)
    ? s.failingCases[0].message
    : null;
  const cases = s.failingCases.length
    ? `<div style="${HEAD}">Failing cases (${s.failingCases.length} of ${s.cases})${
      shared
        ? `<span style="font-weight: 400; color: #4b5563;">, all with <span style="${MONO} font-size: 12px;">${
          esc(clip(shared, 200))
        }</span></span>`
        : ""
    }</div>` +
      `<ul style="margin: 0; padding-left: 18px;">${
        s.failingCases.slice(0, maxCases).map((c) =>
          `<li style="margin: 2px 0;"><span style="${BADGE} background: ${
            c.kind === "core" ? "#fee2e2" : "#fef3c7"
          };">${c.kind} · ${c.status}</span>${esc(c.name)}${
            c.message && shared === null
              ? `<div style="${MONO} font-size: 12px; color: #4b5563; word-break: break-word;">${
                esc(clip(c.message, 240))
              }</div>`
              : ""
          }</li>`
        ).join("")
      }</ul>${
        s.failingCases.length > maxCases
          ? `<div style="color: #6b7280;">… ${s.failingCases.length - maxCases} more</div>`
          : ""
      }`
    : "";
  return `${who}${facts}<div style="${HEAD}">Evidence</div>${evidence}${cases}`;
}

/**
 * Example samples of one failure category, each as a card: on the left the
 * model, task and sample, the outcome, the secondary labels, the evidence
 * (diagnostic code and message, error text, failing case names) and the
 * failing cases with their messages; on the right the code with line numbers
 * (the raw answer when no code was extracted). Everything is escaped. The
 * examples are spread over the models; a header says how many samples the
 * category holds.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type { FailedSample } from "../analyze/failure_modes.ts";
 * import { failureExamplesHTML } from "./failure_examples.ts";
 * const sample: FailedSample = {
 *   task: "sum", model: "m", variant: "plain", sample: 0, category: "crash", secondary: [],
 *   evidence: [{ category: "crash", source: "runtime", text: "TypeError: x is undefined" }],
 *   outcome: "completed", detail: "", cases: 2, stderr: "", mutations: [], synthetic: false,
 *   failingCases: [{ name: "adds", kind: "core", status: "error", message: "TypeError" }],
 *   code: "export const sum = (a, b) => a < b;", text: "",
 * };
 * const html = failureExamplesHTML([sample]);
 * assert(html.includes("Examples of <strong>crash</strong>") && html.includes("a &lt; b"));
 * assert(failureExamplesHTML([]).includes("No failed samples"));
 * ```
 *
 * @param samples Failed samples (`failedSamples(run)`), any categories.
 * @param options Category, how many, how much code, model colours.
 * @returns The HTML.
 */
export function failureExamplesHTML(
  samples: readonly FailedSample[],
  options: FailureExamplesOptions = {},
): string {
  const category = options.category ?? mostFrequent(samples);
  const wrap = (html: string) =>
    `<div class="assay-failure-examples" style="${FONT} color: #111827;">${html}</div>`;
  if (category === undefined) return wrap(`<p>No failed samples: nothing to drill into.</p>`);
  const these = samples.filter((s) => s.category === category);
  const shown = pick(these, options.limit ?? 3);
  const header = `<div style="font: 600 14px system-ui, sans-serif; margin: 8px 0 4px;">` +
    `Examples of <strong>${esc(category)}</strong>: ${shown.length} of ${these.length} sample${
      these.length === 1 ? "" : "s"
    }</div>`;
  if (shown.length === 0) {
    return wrap(
      `${header}<p>No failed sample has the primary category <code>${esc(category)}</code>.</p>`,
    );
  }
  const cards = shown.map((s) =>
    `<div style="display: flex; flex-wrap: wrap; gap: 14px; border: 1px solid #e5e7eb; ` +
    `border-left: 4px solid ${
      FAILURE_COLORS[s.category]
    }; border-radius: 4px; padding: 10px 12px; ` +
    `margin: 10px 0; background: #fff;">` +
    `<div style="flex: 1 1 340px; min-width: 0;">${evidenceBlock(s, options)}</div>` +
    `<div style="flex: 1.3 1 420px; min-width: 0;">${
      codeBlock(s, options.maxCodeLines ?? 60)
    }</div></div>`
  ).join("");
  return wrap(header + cards);
}
