import assert from "node:assert/strict";
import { join } from "node:path";
import { defaultReportPath, executeNotebook, renderReport } from "../../lib/report/render.ts";
import { findJupyter } from "../../lib/report/kernel.ts";
import { createProvider } from "../../lib/model/create.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { bwrapAvailable } from "../../lib/sandbox/isolate.ts";
import { sha256 } from "../../lib/task/hash.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { mixSuites } from "../../lib/task/mix_suites.ts";
import { CHECKOUT } from "../../lib/plot/published_path.ts";
import { judgeRun, loadRun, resolvePolicy } from "../../lib/mod.ts";

const FIXTURE = new URL("../../data/fixtures/run-tiny", import.meta.url).pathname;

const jupyterMissing = await findJupyter().then(() => null, (error: Error) => error.message);
const hasJupyter = jupyterMissing === null;
if (!hasJupyter) {
  console.log(`tests/report/render_test.ts: skipping notebook tests: ${jupyterMissing}`);
}

/** How often `pattern` occurs in `text`. */
const count = (text: string, pattern: RegExp) => text.match(new RegExp(pattern, "g"))?.length ?? 0;

/** The figure whose title is `title`, up to its end. */
function figure(html: string, title: string): string {
  const at = html.indexOf(`>${title}</h2>`);
  assert.ok(at > 0, `a chart titled "${title}"`);
  const start = html.lastIndexOf("<figure", at);
  return html.slice(start, html.indexOf("</figure>", at));
}

/** The report's charts, by title, in page order. */
const CHARTS = [
  "Accuracy spectrum",
  "Latency vs weighted accuracy",
  "Time to first token per model",
  "Total generation time per model",
  "Pass rate per task and model",
  "Failure modes per model",
  "Failed core vs edge cases",
];

/**
 * A page one can publish: nothing from this machine (no file:// reference, no absolute path of
 * the checkout), headers in words, one minus sign, no developer prose, and every chart, with
 * marks that link to their samples.
 */
function assertPublishable(page: string) {
  assert.doesNotMatch(page, /file:\/\//, "no file:// reference");
  assert.ok(!page.includes(CHECKOUT), `no absolute path of the checkout (${CHECKOUT})`);
  assert.match(page, /<title>assay — run report<\/title>/);
  const html = page.slice(page.indexOf("<body"));
  for (const [, header] of html.matchAll(/<th[^>]*>([^<]*)<\/th>/g)) {
    assert.doesNotMatch(header, /[a-z][A-Z]/, `a header in words, not "${header}"`);
  }
  assert.doesNotMatch(html, /<td[^>]*>-\d/, "negative numbers with U+2212, not a hyphen");
  assert.doesNotMatch(
    html,
    /renderReport\(\)|ASSAY_RUNS?\b|ASSAY_POLICY|ASSAY_PRICES|deno task report/,
    "no developer prose",
  );
  let at = 0;
  for (const title of CHARTS) {
    const chart = figure(html, title);
    assert.ok(html.indexOf(chart) > at, `${title}: in order`);
    at = html.indexOf(chart);
    assert.match(
      chart.slice(chart.lastIndexOf("<svg")),
      /<(rect|circle|path|line) /,
      `${title}: marks`,
    );
    assert.match(
      chart,
      /<a style="cursor: pointer" href="#samples\?[^"]+"/,
      `${title}: linked marks`,
    );
  }
  assert.match(
    html,
    /<details[^>]*><summary[^>]*>Pass rate per task as a table/,
    "the per-task table, kept",
  );
}

/** The report's PASS/FAIL per model × variant is judgeRun()'s for the same run and policy. */
async function assertPolicyVerdicts(page: string) {
  const verdicts = judgeRun(await loadRun(FIXTURE), await resolvePolicy("internal-tooling"));
  const shown = [
    ...page.matchAll(/<li><b style="color:#\w+">(PASS|FAIL)<\/b> ([^ ]+) · ([^<]+)<\/li>/g),
  ]
    .map((m) => [m[2], m[3].trim(), m[1]]);
  assert.deepEqual(
    shown,
    verdicts.map((v) => [v.model, v.variant, v.ok ? "PASS" : "FAIL"]),
    "the policy verdicts are judgeRun()'s",
  );
}

/** Every output the report must contain, each time (TOOLCHAIN.md DEFECT 2 drops some). */
function assertCompleteReport(page: string) {
  assert.doesNotMatch(page, /<script[^>]*src="https?:/, "nothing loaded from the network");
  const html = page.slice(page.indexOf("<body"));
  // no error or stderr output, no traceback
  assert.doesNotMatch(html, /data-mime-type="application\/vnd\.jupyter\.stderr"/);
  assert.doesNotMatch(html, /Traceback|Uncaught|jp-OutputArea-error|class="ansi-red/);
  // one output per code cell: load, manifest, summary, cost, gaps, spectrum, latency vs accuracy,
  // two latency distributions, the per-task heatmap, failure chart, failures, core vs edge,
  // stability, policy, the sample browser
  assert.equal(count(html, /class="jp-OutputArea-child"/), 16);
  assertPublishable(page);
  assert.match(html, /Cost \(USD\) per model × variant/, "the cost table");
  assert.match(html, /Prices \(USD per 1M tokens\) that decided the cost/);
  assert.match(html, /1 of 12 samples got no answer<\/strong>/, "the generation error, in n");
  assert.match(html, /request failed: 503 Service Unavailable/, "with its message");
  assert.match(html, /Every task could be judged\./);
  assert.match(html, />Failed samples per primary category</, "the failure-modes table");
  assert.match(html, />Stability \(2 samples per task; pass@k, pass\^k and consistency in %\)</);
  assert.match(html, /<th[^>]*>pass\^1<\/th>/);
  assert.match(html, /Policy <b>internal-tooling<\/b>/, "the acceptable-risk verdict");
  assert.match(html, /<b style="color:#(1a7f37|c62828)">(PASS|FAIL)<\/b> synthetic:steady/);
  assert.match(html, /Loaded run <strong>run-tiny<\/strong>: 12 generations, 12 judged results/);
  assert.match(html, /<strong>Synthetic models\.<\/strong>/);
  assert.match(html, /sha256:0f3a9c2e71b4d85a/);
  // the summary table (accuracy and latency)
  for (
    const column of [
      "pass rate",
      "weighted accuracy",
      "almost",
      "TTFT p50 \\(ms\\)",
      "total p90 \\(ms\\)",
      "tokens/s p50",
    ]
  ) {
    assert.match(html, new RegExp(`<th[^>]*>${column}</th>`), `summary column ${column}`);
  }
  assert.match(html, /<td[^>]*>synthetic:steady<\/td>/);
  // the two charts, as HTML (not image/svg+xml), with marks, legends and axis labels
  assert.doesNotMatch(html, /image\/svg\+xml/);
  const spectrum = figure(html, "Accuracy spectrum");
  const latency = figure(html, "Latency vs weighted accuracy");
  for (const chart of [spectrum, latency]) {
    assert.match(chart, /<svg [^>]*class="plot-/);
    assert.match(chart, /-swatch"/, "a legend");
    assert.match(chart, /aria-label="x-axis label"/);
  }
  assert.ok(count(spectrum, /<rect /) >= 6, "spectrum bars");
  assert.equal(count(latency, /<circle /), 10, "latency dots");
  // rates as percentages, weighted accuracy with 2 decimals (synthetic:steady: 5 of 6 pass)
  assert.match(html, /<td[^>]*>synthetic:steady<\/td>(<td[^>]*>[^<]*<\/td>){4}<td[^>]*>83%<\/td>/);
  // the per-task table, under the heatmap
  assert.match(html, /<th[^>]*>task<\/th>/);
  assert.match(html, /<td[^>]*>sum_pairs<\/td><td[^>]*>(\d+%|<span[^>]*>–<\/span>)<\/td>/);
}

Deno.test({
  name: "renderReport() renders every output of report.ipynb for a run, 3 times out of 3",
  ignore: !hasJupyter,
  sanitizeResources: false,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "assay-report-" });
    try {
      for (let i = 1; i <= 3; i++) {
        const out = join(dir, `report-${i}.html`);
        const started = performance.now();
        const written = await renderReport(FIXTURE, { out });
        const seconds = (performance.now() - started) / 1000;
        console.log(`render ${i}: ${seconds.toFixed(2)} s`);
        assert.equal(written, out);
        const page = await Deno.readTextFile(out);
        assertCompleteReport(page);
        await assertPolicyVerdicts(page);
      }
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "executeNotebook() rejects with the failing cell's error",
  ignore: !hasJupyter,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "assay-report-" });
    try {
      const cell = (source: string) => ({
        cell_type: "code",
        execution_count: null,
        metadata: {},
        outputs: [],
        source,
      });
      const notebook = join(dir, "fails.ipynb");
      await Deno.writeTextFile(
        notebook,
        JSON.stringify({
          cells: [cell("1 + 1"), cell('throw new Error("boom " + Deno.env.get("ASSAY_PROBE"))')],
          metadata: { kernelspec: { name: "deno", display_name: "Deno", language: "typescript" } },
          nbformat: 4,
          nbformat_minor: 5,
        }),
      );
      const outHtml = join(dir, "fails.html");
      await assert.rejects(
        executeNotebook(notebook, { outHtml, env: { ASSAY_PROBE: "probe-42" } }),
        /^Error: Cannot execute notebook "[^"]*fails\.ipynb": a cell failed:\n[\s\S]*boom probe-42/,
      );
      await assert.rejects(Deno.stat(outHtml), Deno.errors.NotFound);
      // with allowErrors the HTML is written and shows the error
      await executeNotebook(notebook, { outHtml, allowErrors: true });
      assert.match(await Deno.readTextFile(outHtml), /boom undefined/);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

/** Two small offline runs of the same slice with different seeds, in `dir`; their folders. */
async function twoSyntheticRuns(dir: string): Promise<[string, string]> {
  const builtin = await loadSuite(new URL("../../tasks/builtin", import.meta.url).pathname);
  const ids = ["group-by", "levenshtein"]; // answers that never loop forever
  const suite = {
    ...builtin,
    tasks: builtin.tasks.filter((t) => ids.includes(t.id)),
    hash: await sha256(`${builtin.hash}|${ids.join(",")}`),
  };
  const isolation = (await bwrapAvailable()) ? "bwrap" : "none";
  const dirs: string[] = [];
  for (const seed of [0, 1000]) {
    const models = ["synthetic:default", "synthetic:sloppy"].map((spec) =>
      createProvider(spec, { tasks: builtin.tasks, env: {} })
    );
    try {
      const e = await evaluate(suite, { models, runsDir: dir, samples: 2, seed, isolation });
      dirs.push(e.dir);
    } finally {
      await Promise.all(models.map((m) => m.close()));
    }
  }
  return dirs as [string, string];
}

Deno.test("defaultReportPath() names a comparison after the other runs, in the baseline's folder", () => {
  assert.equal(defaultReportPath(["runs/a"]), join(Deno.cwd(), "runs/a/report.html"));
  assert.equal(defaultReportPath(["/r/a", "/r/b"]), "/r/a/report-vs-b.html");
  assert.throws(() => defaultReportPath([]), /no run folder given/);
});

Deno.test({
  name: "renderReport() of two runs adds the comparison section and every run's verdict",
  ignore: !hasJupyter,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "assay-compare-" });
    try {
      const [a, b] = await twoSyntheticRuns(dir);
      const [idA, idB] = [a, b].map((d) => d.split("/").at(-1)!);
      const started = performance.now();
      const written = await renderReport([a, b]);
      console.log(`comparison report: ${((performance.now() - started) / 1000).toFixed(2)} s`);
      assert.equal(written, join(a, `report-vs-${idB}.html`));
      const page = await Deno.readTextFile(written);
      assert.doesNotMatch(page, /<script[^>]*src="https?:/, "nothing loaded from the network");
      const html = page.slice(page.indexOf("<body"));
      assert.doesNotMatch(html, /data-mime-type="application\/vnd\.jupyter\.stderr"/);
      assert.doesNotMatch(html, /Traceback|Uncaught|jp-OutputArea-error|class="ansi-red/);
      assert.doesNotMatch(html, /image\/svg\+xml/);
      // what was compared
      assert.match(
        html,
        new RegExp(`Comparing <strong>2</strong> runs; <strong>A</strong> is the baseline`),
      );
      assert.match(html, new RegExp(`<strong>B</strong> = ${idB} \\(8 results\\)`));
      assert.match(html, />A \(baseline\)<\/th><th[^>]*>B<\/th>/, "manifests side by side");
      // the comparison section, before the baseline's details
      const section = html.indexOf(">Comparison of runs<");
      assert.ok(section > 0, "the comparison heading");
      assert.ok(section < html.indexOf(">Summary per model × variant</h2>".replace("</h2>", "")));
      const side = html.slice(html.indexOf("Summary per model × variant, side by side"));
      assert.match(side, /<th[^>]*>pass % A<\/th><th[^>]*>weighted A<\/th>/);
      assert.match(side, /<th[^>]*>pass % B<\/th>/);
      assert.match(side, /<td[^>]*>synthetic:sloppy<\/td>/);
      const change = figure(html, "Change in pass rate, B − A");
      assert.match(change, /-swatch"/, "a legend");
      assert.match(change, /aria-label="x-axis label"/);
      const plot = change.slice(change.lastIndexOf("<svg"));
      assert.equal(count(plot, /<circle /), 2, "one dot per model");
      assert.equal(count(plot, /<rect /), 2, "one interval per model");
      assert.match(change, /[+−±]\d+ pp {2}\(\d+% → \d+%, 2 tasks\)/);
      const diff = html.slice(html.indexOf("B − A per model × variant (tasks in both runs"));
      assert.match(diff, /<th[^>]*>Δ pass \(95% CI\)<\/th>/);
      assert.match(diff, /<td[^>]*>[+−±]\d+ pp \[[+−±]\d+, [+−±]\d+\]<\/td>/);
      assert.match(diff, /<td[^>]*>(better|worse|no clear change)<\/td>/);
      // the seeds differ: said first; 2 samples per task: no pair can be judged for a flip
      assert.match(html, /<b>seed<\/b>: B used seed 1000, A seed 0/);
      assert.match(html, />Tasks that flipped between A and B</);
      assert.match(
        html,
        /<b style="color: #b45309;">2 of 2 task × variant pairs could not be judged<\/b>/,
      );
      assert.match(html, new RegExp(`The sections below detail the baseline run A \\(${idA}\\)`));
      // the baseline's details are still there, with marks
      assert.ok(count(figure(html, "Accuracy spectrum"), /<rect /) >= 2, "spectrum bars");
      assert.ok(count(figure(html, "Latency vs weighted accuracy"), /<circle /) >= 2);
      // every chart on the page has an SVG with marks; the baseline's link to run A's samples
      const figures = html.split("<figure").slice(1);
      assert.equal(
        figures.length,
        3 + CHARTS.length,
        "the change chart, B's spectrum and failure modes, and the baseline's charts",
      );
      // Run B's section comes first: its spectrum links to B's samples, the baseline's to A's.
      assert.match(figure(html, "Accuracy spectrum"), /href="#samples\?run=B&amp;model=/);
      assert.ok(
        html.includes('<a style="cursor: pointer" href="#samples?run=A&amp;model='),
        "A's marks link to A",
      );
      for (const f of figures) assert.match(f.slice(f.indexOf("<svg")), /<(rect|circle|path) /);
      // the acceptable-risk verdict of every run, last
      const policy = html.slice(html.lastIndexOf("Policy <b>internal-tooling</b>"));
      assert.ok(html.indexOf("Policy <b>internal-tooling</b>") > section);
      for (const [label, id] of [["A", idA], ["B", idB]]) {
        assert.match(
          policy,
          new RegExp(
            `${label} · ${id}: <span style="color:#(1a7f37|c62828)">(acceptable|not acceptable)</span>`,
          ),
        );
      }
      assert.match(
        policy,
        /<b style="color:#(1a7f37|c62828)">(PASS|FAIL)<\/b> synthetic:default · plain/,
      );
      assert.match(policy, /Thresholds: each run's measured value and verdict/);
      assert.match(
        policy,
        /<th[^>]*>value A<\/th><th[^>]*>verdict A<\/th><th[^>]*>value B<\/th><th[^>]*>verdict B<\/th>/,
      );
      assert.match(policy, /<td[^>]*>pass rate<\/td>/);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "renderReport() of a run that mixes TypeScript and Python shows the language everywhere",
  ignore: !hasJupyter,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "assay-mixed-" });
    try {
      const root = new URL("../../tasks/", import.meta.url).pathname;
      const [ts, py] = await Promise.all([
        loadSuite(join(root, "builtin")),
        loadSuite(join(root, "python")),
      ]);
      const suite = await mixSuites(
        [{ suite: ts, tasks: ["group-by"] }, { suite: py, tasks: ["mean"] }],
        { name: "builtin+python", dir: root },
      );
      const isolation = (await bwrapAvailable()) ? "bwrap" : "none";
      const models = ["synthetic:default", "synthetic:sloppy"].map((spec) =>
        createProvider(spec, { tasks: suite.tasks, env: {} })
      );
      let run: string;
      try {
        run = (await evaluate(suite, {
          models,
          runsDir: dir,
          samples: 2,
          isolation,
          sandbox: "pooled",
        })).dir;
      } finally {
        await Promise.all(models.map((m) => m.close()));
      }
      const page = await Deno.readTextFile(await renderReport(run));
      const html = page.slice(page.indexOf("<body"));
      assert.doesNotMatch(html, /Traceback|Uncaught|jp-OutputArea-error|class="ansi-red/);
      assert.match(html, /languages<\/th><td[^>]*>TypeScript \(1 task\), Python \(1 task\)</);
      const cell = (x: string) => `<td[^>]*>${x}</td>`;
      // summary, per-task, failure, stability and policy tables: a language column
      assert.match(
        html,
        new RegExp(["synthetic:sloppy", "plain", "py", "true", "2"].map(cell).join("")),
      );
      assert.match(html, new RegExp(["mean", "py"].map(cell).join("")));
      assert.ok(count(html, /<th[^>]*>language<\/th>/g) >= 6, "a language column in every table");
      // a spectrum bar per model × language; the latency chart says it pools them
      assert.match(figure(html, "Accuracy spectrum"), /synthetic:default \[py\]/);
      assert.match(html, /This chart pools the run's languages \((ts, py|py, ts)\)/);
      assert.match(html, /<\/b> synthetic:sloppy · plain · py<\/li>/);
      // the suite's path relative to the checkout, no absolute path; charts split by language
      assert.match(html, /builtin\+python \(2 tasks, <code>tasks<\/code>\)/);
      assertPublishable(page);
      assert.match(figure(html, "Failure modes per model"), /synthetic:sloppy \[py\]/);
      assert.match(figure(html, "Pass rate per task and model"), />mean \[py\]</);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
