import assert from "node:assert/strict";
import { join } from "node:path";
import { executeNotebook, renderReport } from "../../lib/report/render.ts";
import { findJupyter } from "../../lib/report/kernel.ts";

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

/** Every output the report must contain, each time (TOOLCHAIN.md DEFECT 2 drops some). */
function assertCompleteReport(page: string) {
  assert.doesNotMatch(page, /<script[^>]*src="https?:/, "nothing loaded from the network");
  const html = page.slice(page.indexOf("<body"));
  // no error or stderr output, no traceback
  assert.doesNotMatch(html, /data-mime-type="application\/vnd\.jupyter\.stderr"/);
  assert.doesNotMatch(html, /Traceback|Uncaught|jp-OutputArea-error|class="ansi-red/);
  // one output per code cell: load, manifest, summary, two charts, per-task table, failures, stability, policy
  assert.equal(count(html, /class="jp-OutputArea-child"/), 9);
  assert.match(html, />Failed samples per primary category</, "the failure-modes table");
  assert.match(html, />Stability \(2 sample\(s\) per task\)</, "the stability table");
  assert.match(html, /<th[^>]*>pass\^1<\/th>/);
  assert.match(html, /Policy <b>internal-tooling<\/b>/, "the acceptable-risk verdict");
  assert.match(html, /<b style="color:#(1a7f37|c62828)">(PASS|FAIL)<\/b> synthetic:steady/);
  assert.match(html, /Loaded run <strong>run-tiny<\/strong>: 12 generations, 12 results/);
  assert.match(html, /<strong>Synthetic models\.<\/strong>/);
  assert.match(html, /sha256:0f3a9c2e71b4d85a/);
  // the summary table (accuracy and latency)
  for (
    const column of [
      "passRate",
      "weightedAccuracy",
      "almost",
      "ttftP50",
      "totalP90",
      "tokensPerSecP50",
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
  // the per-task table
  assert.match(html, /<th[^>]*>task<\/th>/);
  assert.match(html, /<td[^>]*>sum_pairs<\/td>/);
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
        assertCompleteReport(await Deno.readTextFile(out));
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
