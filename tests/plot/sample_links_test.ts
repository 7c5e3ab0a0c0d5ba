import assert from "node:assert/strict";
import { parseHTML } from "linkedom";
import { loadRun, type Run } from "../../lib/analyze/load_run.ts";
import { parseSampleFilterHash, type SampleFilter } from "../../lib/record/sample_filter.ts";
import { sampleKey } from "../../lib/record/sample_key.ts";
import type { Chart } from "../../lib/plot/chart.ts";
import { coreEdgeChart } from "../../lib/plot/core_edge.ts";
import { failureModesChart } from "../../lib/plot/failure_modes.ts";
import { latencyAccuracyChart } from "../../lib/plot/latency_accuracy.ts";
import { latencyDistributionChart } from "../../lib/plot/latency_distribution.ts";
import { sampleHref } from "../../lib/plot/sample_links.ts";
import { spectrumChart } from "../../lib/plot/spectrum.ts";
import { taskHeatmapChart } from "../../lib/plot/task_heatmap.ts";

type Result = Run["results"][number];

const FIXTURE = new URL("../../data/fixtures/run-tiny", import.meta.url).pathname;
const tiny = await loadRun(FIXTURE);

/** The fixture with failure categories (it predates the taxonomy) and a mix of languages. */
function classified(run: Run): Run {
  const categories = ["boundary", "misunderstanding", "crash"] as const;
  const results = run.results.map((r, i) => ({
    ...r,
    language: r.task === "slugify" ? "py" as const : "ts" as const,
    failure: r.passed
      ? null
      : r.outcome === "no_code"
      ? { category: "no_code" as const, secondary: [], evidence: [] }
      : { category: categories[i % categories.length], secondary: [], evidence: [] },
  }));
  return { ...run, results };
}

/** The browser's filter, as the report's sample browser applies it: every given field must match. */
function matches(filter: SampleFilter, r: Result): boolean {
  const status = r.taskError !== undefined
    ? "task_error"
    : r.outcome === "generation_error"
    ? "generation_error"
    : r.passed
    ? "passed"
    : "failed";
  const fields: [keyof SampleFilter, string | undefined][] = [
    ["model", r.model],
    ["variant", r.variant],
    ["language", r.language ?? "ts"],
    ["task", r.task],
    ["bucket", r.bucket],
    ["category", r.passed ? undefined : r.failure?.category ?? "unclassified"],
    ["status", status],
    ["sample", sampleKey(r)],
  ];
  return fields.every(([field, value]) => filter[field] === undefined || filter[field] === value);
}

/** Every linked mark of a chart: its filter (parsed back from the href), its tooltip, its style. */
function links(c: Chart): { filter: SampleFilter; href: string; title: string; style: string }[] {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${c.html}</body></html>`);
  return [...document.querySelectorAll("a[href]")].map((a) => {
    const href = a.getAttribute("href")!;
    const filter = parseSampleFilterHash(href);
    assert.ok(filter, `"${href}" is a sample browser fragment`);
    return {
      filter,
      href,
      title: a.querySelector("title")?.textContent ?? "",
      style: a.getAttribute("style") ?? "",
    };
  });
}

/** The samples a filter selects in a run (judged and unjudged). */
const selected = (run: Pick<Run, "results" | "unjudged">, filter: SampleFilter) =>
  [...run.results, ...run.unjudged].filter((r) => matches(filter, r));

/** The first "k of n" in a tooltip. */
function counts(title: string): [number, number] {
  const m = /(\d+) of (\d+)/.exec(title);
  assert.ok(m, `a count in "${title}"`);
  return [Number(m[1]), Number(m[2])];
}

Deno.test("spectrumChart() links each segment to its model's samples in that bucket", () => {
  const marks = links(spectrumChart(tiny));
  assert.equal(marks.length, 6, "2 models × 3 buckets");
  for (const { filter, title, style } of marks) {
    assert.deepEqual(Object.keys(filter).sort(), ["bucket", "model"]);
    assert.equal(selected(tiny, filter).length, counts(title)[0], title);
    assert.match(style, /cursor: pointer/);
  }
});

Deno.test("spectrumChart() of a run that mixes languages links to the language's samples", () => {
  const run = classified(tiny);
  const marks = links(spectrumChart(run));
  assert.equal(marks.length, 12, "2 models × 2 languages × 3 buckets");
  for (const { filter, title } of marks) {
    assert.ok(filter.language === "ts" || filter.language === "py");
    assert.equal(selected(run, filter).length, counts(title)[0], title);
  }
});

Deno.test("failureModesChart() links each segment to the failed samples of its category", () => {
  const run = classified(tiny);
  const marks = links(failureModesChart(run));
  assert.ok(marks.length >= 4);
  let total = 0;
  for (const { filter, title } of marks) {
    assert.ok(filter.model && filter.category && filter.language);
    const samples = selected(run, filter);
    assert.equal(samples.length, counts(title)[0], title);
    assert.ok(samples.every((r) => !r.passed));
    total += samples.length;
  }
  assert.equal(total, run.results.filter((r) => !r.passed).length, "every failed sample, once");
});

Deno.test("taskHeatmapChart() links each cell to its task × model samples, task errors too", () => {
  const broken = tiny.results.filter((r) => r.task === "clamp")
    .map((r) => ({ ...r, taskError: "the reference fails its own tests" }));
  const run = {
    ...tiny,
    results: tiny.results.filter((r) => r.task !== "clamp"),
    unjudged: broken,
  };
  const marks = links(taskHeatmapChart(run));
  assert.equal(marks.length, 6, "3 tasks × 2 models");
  for (const { filter, title } of marks) {
    assert.deepEqual(Object.keys(filter).sort(), ["model", "task"]);
    const samples = selected(run, filter);
    if (filter.task === "clamp") {
      assert.match(title, /task error \(2 samples, left out of every score\)/);
      assert.equal(samples.length, 2);
      continue;
    }
    const [passed, n] = counts(title);
    assert.equal(samples.length, n, title);
    assert.equal(samples.filter((r) => r.passed).length, passed, title);
  }
});

Deno.test("latencyAccuracyChart() and latencyDistributionChart() link each sample's mark to it", () => {
  for (
    const c of [latencyAccuracyChart(tiny), latencyDistributionChart(tiny, { metric: "ttftMs" })]
  ) {
    const marks = links(c);
    // 12 samples − 1 cached − 1 generation error; the means link nowhere
    assert.equal(marks.length, 10);
    for (const { filter, title } of marks) {
      assert.deepEqual(Object.keys(filter), ["sample"]);
      const [r] = selected(tiny, filter);
      assert.equal(selected(tiny, filter).length, 1);
      assert.ok(title.includes(`${r.task} #${r.sample}`), title);
    }
  }
});

Deno.test("coreEdgeChart() links each bar to the samples whose cases it counts", () => {
  const marks = links(coreEdgeChart(tiny));
  assert.equal(marks.length, 4, "2 models × core, edge");
  for (const { filter, title } of marks) {
    const kind = title.includes("\ncore:") ? "core" : "edge";
    const cases = selected(tiny, filter).flatMap((r) => r.cases.filter((c) => c.kind === kind));
    assert.deepEqual(counts(title), [
      cases.filter((c) => c.status !== "pass").length,
      cases.length,
    ]);
  }
});

Deno.test("charts add the run's label to their links, and draw none when asked", () => {
  for (const c of [spectrumChart(tiny, { run: "A" }), taskHeatmapChart(tiny, { run: "A" })]) {
    const marks = links(c);
    assert.ok(marks.length > 0 && marks.every((m) => m.filter.run === "A"));
  }
  assert.equal(links(spectrumChart(tiny, { links: false })).length, 0);
  assert.equal(links(failureModesChart(tiny, { links: false })).length, 0);
  assert.doesNotMatch(latencyAccuracyChart(tiny, { links: false }).html, /<a /);
});

Deno.test("chart links are written with &amp; between their fields", () => {
  assert.match(
    spectrumChart(tiny).html,
    /href="#samples\?model=synthetic%3Asteady&amp;bucket=correct"/,
  );
  assert.equal(sampleHref({ task: "a&b" }), "#samples?task=a%26b");
});
