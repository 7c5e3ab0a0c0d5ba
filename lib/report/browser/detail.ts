/**
 * The sample browser's detail view (browser-side): everything recorded about
 * one sample — its verdict and failure evidence in full, each case, the code
 * (highlighted), the harness's changes, the diff against the reference, the
 * raw answer, the prompt, latency, tokens and cost.
 *
 * @module
 */
import hljs from "highlight.js/lib/core";
import typescript from "highlight.js/lib/languages/typescript";
import javascript from "highlight.js/lib/languages/javascript";
import python from "highlight.js/lib/languages/python";
import { diffLines } from "diff";
import type { BrowserPayload, BrowserSample } from "./payload.ts";
import { duration, esc, signed, usd } from "./format.ts";
import { sampleFilterHash } from "../../record/sample_filter.ts";

hljs.registerLanguage("typescript", typescript);
hljs.registerLanguage("javascript", javascript);
hljs.registerLanguage("python", python);

const HLJS_LANGUAGE: Record<string, string> = { ts: "typescript", js: "javascript", py: "python" };

/** Words for a sample's status. */
export const STATUS_WORDS: Record<string, string> = {
  passed: "passed",
  failed: "failed",
  generation_error: "generation error",
  task_error: "task error",
  infrastructure_error: "infrastructure error",
  not_judged: "not judged yet",
};

/** Highlighted code as HTML (escaped plain text when the language is unknown). */
function highlighted(code: string, language: string): string {
  const name = HLJS_LANGUAGE[language];
  return name ? hljs.highlight(code, { language: name, ignoreIllegals: true }).value : esc(code);
}

/** A `<pre><code>` block. */
function codeBlock(code: string, language: string, cls = "sb-code"): string {
  return `<pre class="${cls}"><code class="hljs">${highlighted(code, language)}</code></pre>`;
}

/** A section with a heading. */
function section(title: string, body: string, open = true): string {
  return `<details class="sb-section" ${open ? "open" : ""}><summary>${
    esc(title)
  }</summary>${body}</details>`;
}

/** The line diff of the reference against the sample's code, as HTML lines. */
function diffHTML(reference: string, code: string): string {
  const lines = diffLines(reference, code).flatMap((part) => {
    const cls = part.added ? "sb-add" : part.removed ? "sb-del" : "sb-same";
    const mark = part.added ? "+" : part.removed ? "-" : " ";
    return part.value.replace(/\n$/, "").split("\n").map((line) =>
      `<span class="${cls}">${mark} ${esc(line)}</span>`
    );
  });
  return `<pre class="sb-diff">${lines.join("\n")}</pre>`;
}

/** The cases table. */
function casesHTML(s: BrowserSample): string {
  if (s.cases.length === 0) return `<p class="sb-note">No case ran.</p>`;
  const rows = s.cases.map((c) =>
    `<tr class="sb-case-${esc(c.status)}"><td>${esc(c.name)}</td><td>${esc(c.kind)}</td>` +
    `<td><span class="sb-badge sb-${c.status === "pass" ? "passed" : "failed"}">${
      esc(c.status)
    }</span></td>` +
    `<td class="sb-num">${c.ms === null ? "–" : `${c.ms.toFixed(1)} ms`}</td>` +
    `<td class="sb-msg">${esc(c.message)}</td></tr>`
  ).join("");
  return `<table class="sb-cases"><thead><tr><th>case</th><th>kind</th><th>status</th>` +
    `<th class="sb-num">time</th><th>message</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** Latency, tokens and cost as a two-column table. */
function latencyHTML(s: BrowserSample): string {
  const tokens = (n: number | null) =>
    n === null ? "–" : `${s.tokensEstimated ? "~" : ""}${n.toLocaleString("en")}`;
  const items: [string, string][] = [
    ["queue wait", duration(s.queueMs)],
    ["time to first token", duration(s.ttftMs)],
    ["total time", duration(s.totalMs)],
    ["tokens in", tokens(s.tokensIn)],
    ["tokens out", tokens(s.tokensOut)],
    ["tokens/s", s.tokensPerSec === null ? "–" : s.tokensPerSec.toFixed(1)],
    ["retries", s.retries === 0 ? "0" : `${s.retries} (${duration(s.retryMs)})`],
    ["cost", usd(s.costUsd)],
    ["cached", s.cached ? "yes: latency is the original request's" : "no"],
    ["endpoint", s.endpoint ?? "–"],
  ];
  return `<table class="sb-facts"><tbody>${
    items.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join("")
  }</tbody></table>`;
}

/** The verdict line: status, bucket, weighted accuracy, cases, category. */
function verdictHTML(s: BrowserSample): string {
  const parts = [
    `<span class="sb-badge sb-${esc(s.status)}">${esc(STATUS_WORDS[s.status])}</span>`,
  ];
  if (s.bucket) parts.push(`bucket <b>${esc(s.bucket)}</b>`);
  if (s.weighted !== null) parts.push(`weighted accuracy <b>${signed(s.weighted)}</b>`);
  if (s.casesTotal !== null) parts.push(`cases <b>${s.casesPassed} of ${s.casesTotal}</b> passed`);
  if (s.outcome && s.outcome !== "completed") parts.push(`outcome <b>${esc(s.outcome)}</b>`);
  return `<p class="sb-verdict">${parts.join(" · ")}</p>`;
}

/** The failure: category, secondary labels and every piece of evidence in full. */
function failureHTML(s: BrowserSample): string {
  const errors = [
    s.generationError
      ? `<p class="sb-error"><b>Generation error:</b> ${esc(s.generationError)}</p>`
      : "",
    s.taskError
      ? `<p class="sb-error"><b>Task error</b> (this task could not be judged; its samples are left out of every score): ${
        esc(s.taskError)
      }</p>`
      : "",
    s.detail ? `<p class="sb-note"><b>Detail:</b> ${esc(s.detail)}</p>` : "",
  ].join("");
  if (!s.category) return errors;
  const secondary = s.secondary.length ? ` (also: ${s.secondary.map(esc).join(", ")})` : "";
  const labels = s.labels.length ? ` · labels: ${s.labels.map(esc).join(", ")}` : "";
  const evidence = s.evidence.map((e) =>
    `<li><span class="sb-src">${esc(e.category)} · ${
      esc(e.source)
    }</span><pre class="sb-evidence">${esc(e.text)}</pre></li>`
  ).join("");
  return `${errors}<p>Failure category <b class="sb-cat">${
    esc(s.category)
  }</b>${secondary}${labels}</p>` +
    `<ul class="sb-evidence-list">${evidence}</ul>`;
}

/** The prompt's messages. */
function promptHTML(s: BrowserSample, payload: BrowserPayload): string {
  const messages = s.promptHash ? payload.prompts[s.promptHash] : undefined;
  if (!messages) return `<p class="sb-note">The prompt was not recorded with this run.</p>`;
  return messages.map((m) =>
    `<div class="sb-msg-role">${esc(m.role)}</div><pre class="sb-prompt">${esc(m.content)}</pre>`
  ).join("");
}

/** The diff of the code against the task's reference, or why there is none. */
function referenceHTML(s: BrowserSample, payload: BrowserPayload): string {
  const reference = payload.references[s.task];
  if (reference === undefined) {
    return `<p class="sb-note">No reference to compare with${
      payload.referenceNote ? `: ${esc(payload.referenceNote)}` : ""
    }.</p>`;
  }
  if (s.code === null) return `<p class="sb-note">No code was extracted from the answer.</p>`;
  return `<p class="sb-note">Lines marked − are the reference's, + the sample's.</p>${
    diffHTML(reference, s.code)
  }`;
}

/**
 * The detail view of one sample as HTML.
 *
 * @example
 * ```ts ignore
 * container.innerHTML = detailHTML(payload.samples[0], payload);
 * ```
 *
 * @param s The sample.
 * @param payload The payload it belongs to (prompts, references, runs).
 * @returns HTML.
 */
export function detailHTML(s: BrowserSample, payload: BrowserPayload): string {
  const run = payload.runs.length > 1 ? `run ${esc(s.run)} · ` : "";
  const link = sampleFilterHash({ sample: s.key });
  const head =
    `<h4 class="sb-title">${run}<b>${esc(s.task)}</b> · ${esc(s.model)} · ${esc(s.variant)} · ` +
    `${esc(s.language)} · sample ${s.sample} <a class="sb-permalink" href="${
      esc(link)
    }" title="link to this sample">#</a></h4>`;
  const code = s.code === null
    ? `<p class="sb-note">No code was extracted from the answer (it scores as no runnable code).</p>`
    : codeBlock(s.code, s.language);
  const changes = s.harnessChanges.length
    ? `<ul class="sb-changes">${s.harnessChanges.map((c) => `<li>${esc(c)}</li>`).join("")}</ul>`
    : `<p class="sb-note">The harness ran the extracted code unchanged.</p>`;
  const stderr = s.stderr
    ? section("stderr (tail)", `<pre class="sb-prompt">${esc(s.stderr)}</pre>`, false)
    : "";
  const mutations = s.mutations.length
    ? `<p class="sb-note">Synthetic mutations applied to the reference: ${
      s.mutations.map(esc).join(", ")
    }</p>`
    : "";
  return head + verdictHTML(s) + failureHTML(s) +
    section(`Cases (${s.cases.length})`, casesHTML(s)) +
    section("Code that ran", code + `<div class="sb-sub">Harness changes</div>` + changes) +
    section("Against the reference", referenceHTML(s, payload), false) +
    section(
      "Raw answer",
      s.answer === null
        ? `<p class="sb-note">No answer recorded.</p>`
        : `<pre class="sb-prompt">${esc(s.answer)}</pre>`,
      false,
    ) +
    section("Prompt", promptHTML(s, payload), false) +
    section("Latency, tokens and cost", latencyHTML(s) + mutations) + stderr;
}
