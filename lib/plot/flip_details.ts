/**
 * The flips between two runs as static HTML: the rule, the counts per model
 * (flips, pairs judged, pairs too thin to judge), and for each flipped task a
 * collapsible side-by-side of a sample from each run (the code's diff and the
 * case verdicts that changed), linked to the sample browser.
 *
 * @module
 */
import type { FlipSamples } from "../analyze/flip_samples.ts";
import { flipRuleText, type JudgedFlips } from "../analyze/flips.ts";
import { sampleFilterHash } from "../record/sample_filter.ts";
import { codeDiffHTML } from "./code_diff.ts";

/** Options for {@link flipsHTML}. */
export interface FlipsHTMLOptions {
  /** The two runs' labels, as the sample browser knows them. @default ["A", "B"] */
  names?: readonly [string, string];
  /** The most flips shown with their samples; the rest are listed by name. @default 100 */
  limit?: number;
  /**
   * Link each flip to both runs' samples in the sample browser (`#samples?…`); false where the
   * page has no browser labelled with `names` (a notebook comparing two variants of one run).
   * @default true
   */
  links?: boolean;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
const P = "font: 13px system-ui, sans-serif; color: #374151; margin: 4px 0;";
const CELL =
  "padding: 2px 8px; border-bottom: 1px solid #e5e7eb; text-align: left; vertical-align: top;";
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A link to the sample browser showing one run's samples of a task × model × variant. */
function samplesLink(
  links: boolean,
  run: string,
  model: string,
  variant: string,
  task: string,
  text: string,
) {
  if (!links) return esc(text);
  return `<a href="${esc(sampleFilterHash({ run, model, variant, task }))}">${esc(text)}</a>`;
}

/** "3/3 pass" with a colour for the side's verdict. */
function rate(side: { n: number; passed: number }): string {
  return `${side.passed}/${side.n} passed`;
}

/** One flip: a `<details>` with the two samples' cases that changed and their code's diff. */
function flipDetails(s: FlipSamples, A: string, B: string, linked: boolean): string {
  const { flip, before, after } = s;
  const color = flip.direction === "fixed" ? "#1a7f37" : "#c62828";
  const verdict = (side: typeof before) =>
    side.result.passed
      ? "passed"
      : `failed${side.result.failure ? `: ${esc(side.result.failure.category)}` : ""}`;
  const summary = `<summary style="cursor: pointer;"><b>${esc(flip.task)}</b> · ${
    esc(flip.variant)
  }: ${A} ${rate(flip.before)} → ${B} ${rate(flip.after)} <b style="color: ${color};">${
    flip.direction === "fixed" ? `fixed in ${B}` : `broken in ${B}`
  }</b></summary>`;
  const links = `<p style="${P}">Shown: ${A} sample #${before.result.sample} (${
    verdict(before)
  }) and ${B} sample #${after.result.sample} (${verdict(after)}). All samples: ${
    samplesLink(linked, A, flip.model, flip.variant, flip.task, `${A}'s`)
  }, ${samplesLink(linked, B, flip.model, flip.variant, flip.task, `${B}'s`)}.</p>`;
  const cases = s.changed.length === 0
    ? `<p style="${P}">No case verdict differs between the two samples shown (${
      esc(before.result.outcome)
    } → ${esc(after.result.outcome)}).</p>`
    : `<table style="border-collapse: collapse; font: 12px system-ui, sans-serif; margin: 4px 0;"><tr>${
      ["case", "kind", `${A} → ${B}`, `passed in ${A}`, `passed in ${B}`, "message"].map((h) =>
        `<th style="${CELL} border-bottom: 2px solid #9ca3af;">${esc(h)}</th>`
      ).join("")
    }</tr>${
      s.changed.map((c) =>
        `<tr><td style="${CELL}">${
          esc(c.name)
        }</td><td style="${CELL}">${c.kind}</td><td style="${CELL} white-space: nowrap;">${c.before} → ${c.after}</td><td style="${CELL}">${c.passedBefore}/${flip.before.n}</td><td style="${CELL}">${c.passedAfter}/${flip.after.n}</td><td style="${CELL} max-width: 40em; white-space: pre-wrap;">${
          esc(c.message.trim().replace(/\n\s*\n/g, "\n"))
        }</td></tr>`
      ).join("")
    }</table>`;
  const code = (side: typeof before, L: string) =>
    side.code === null
      ? `<p style="${P}">${L}'s sample has no extracted code; its answer begins: <code>${
        esc(side.text.slice(0, 200))
      }${side.text.length > 200 ? "…" : ""}</code></p>`
      : "";
  const diff = before.code !== null && after.code !== null
    ? codeDiffHTML(before.code, after.code, { names: [A, B] })
    : code(before, A) + code(after, B);
  return `<details style="margin: 4px 0 4px 12px; border-left: 3px solid ${color}; padding-left: 8px;" data-flip="${
    esc(JSON.stringify([flip.model, flip.variant, flip.task]))
  }">${summary}${links}${cases}${diff}</details>`;
}

/**
 * The flips between runs `names[0]` and `names[1]`, grouped by model: the
 * rule in words; per model, the flips and the pairs judged, and how many
 * task × variant pairs could not be judged (a run has fewer samples than the
 * rule needs); then each flip as a `<details>` with a sample of each run (the
 * case verdicts that changed, the code's diff) and links to both runs'
 * samples (`sampleFilterHash({ run, model, variant, task })`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { judgeFlips } from "../analyze/flips.ts";
 * import { flipsHTML } from "./flip_details.ts";
 * const r = (sample: number, passed: boolean) => ({ task: "t", model: "m", variant: "v", sample, passed });
 * const judged = judgeFlips({ results: [0, 1, 2].map((s) => r(s, true)) } as never, { results: [r(0, false)] } as never);
 * const html = flipsHTML(judged, []);
 * assert.match(html, /1 of 1 task × variant pair could not be judged/);
 * assert.match(html, /at least 3 samples/);
 * ```
 *
 * @param judged `judgeFlips(a, b)`.
 * @param samples `flipSamples(judged.flips, a, b)`.
 * @param options The runs' labels, how many flips to detail.
 * @returns The HTML.
 */
export function flipsHTML(
  judged: JudgedFlips,
  samples: readonly FlipSamples[],
  options: FlipsHTMLOptions = {},
): string {
  const [A, B] = (options.names ?? ["A", "B"]).map(esc);
  const limit = options.limit ?? 100;
  const links = options.links ?? true;
  const byKey = new Map(
    samples.map((s) => [JSON.stringify([s.flip.model, s.flip.variant, s.flip.task]), s]),
  );
  const rule = `<p style="${P}"><b>Flip rule</b>: ${
    esc(flipRuleText(judged.rule))
  }. A pair with fewer samples on a side is counted as not judged, not dropped.</p>`;
  const models = [...new Set(judged.groups.map((g) => g.model))];
  let shown = 0;
  const sections = models.map((model) => {
    const groups = judged.groups.filter((g) => g.model === model);
    const sum = (f: (g: typeof groups[number]) => number) => groups.reduce((s, g) => s + f(g), 0);
    const flips = groups.flatMap((g) => g.flips);
    const [pairs, judgedPairs, tooFew] = [
      sum((g) => g.pairs),
      sum((g) => g.judged),
      sum((g) => g.tooFew),
    ];
    const fixed = flips.filter((f) => f.direction === "fixed").length;
    const counts = `${plural(flips.length, "flip")} (${fixed} fixed in ${B}, ${
      flips.length - fixed
    } broken in ${B}) among ${judgedPairs} judged task × variant pair${
      judgedPairs === 1 ? "" : "s"
    }`;
    const thin = tooFew === 0
      ? ""
      : `; <b style="color: #b45309;">${tooFew} of ${pairs} task × variant pair${
        pairs === 1 ? "" : "s"
      } could not be judged</b> (fewer than ${judged.rule.minSamples} samples in ${A} or ${B})`;
    const majority = sum((g) => g.majorityOnly);
    const noise = majority === 0
      ? ""
      : `; ${majority} of the ${pairs} pair${
        pairs === 1 ? "" : "s"
      } crossed 50% (a majority flip) without meeting the rule: not counted as flips`;
    const details = flips.map((f) => {
      const s = byKey.get(JSON.stringify([f.model, f.variant, f.task]));
      if (!s || shown >= limit) {
        return `<div style="${P} margin-left: 12px;">${esc(f.task)} · ${esc(f.variant)}: ${A} ${
          rate(f.before)
        } → ${B} ${rate(f.after)} (${
          samplesLink(links, B, f.model, f.variant, f.task, "samples")
        })</div>`;
      }
      shown++;
      return flipDetails(s, A, B, links);
    }).join("");
    return `<div style="margin: 8px 0;"><div style="font: 600 14px system-ui, sans-serif;">${
      esc(model)
    }</div><p style="${P}">${counts}${thin}${noise}.</p>${details}</div>`;
  }).join("");
  const none = judged.groups.length === 0
    ? `<p style="${P}">Runs ${A} and ${B} have no task × model × variant in common.</p>`
    : "";
  return `<div class="assay-flips">${rule}${sections}${none}</div>`;
}
