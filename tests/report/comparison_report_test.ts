import assert from "node:assert/strict";
import { findJupyter } from "../../lib/report/kernel.ts";
import { renderReport } from "../../lib/report/render.ts";
import { parseSampleFilterHash } from "../../lib/record/sample_filter.ts";
import { flipRuns } from "./_flip_runs.ts";

const jupyterMissing = await findJupyter().then(() => null, (error: Error) => error.message);
if (jupyterMissing !== null) {
  console.log(`tests/report/comparison_report_test.ts: skipping: ${jupyterMissing}`);
}

Deno.test({
  name:
    "renderReport() of two runs that differ in samples warns, states the flip rule, shows each flip side by side and run B in detail",
  ignore: jupyterMissing !== null,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "assay-flips-" });
    try {
      const [a, b] = await flipRuns(dir);
      const idB = b.split("/").at(-1)!;
      const page = await Deno.readTextFile(await renderReport([a, b]));
      const html = page.slice(page.indexOf("<body"));
      assert.doesNotMatch(html, /Traceback|Uncaught|jp-OutputArea-error|class="ansi-red/);
      const section = html.indexOf(">Comparison of runs<");
      assert.ok(section > 0);
      // the warning box, first in the comparison, naming the difference with both values
      const box = html.slice(html.indexOf('class="assay-comparability"'));
      assert.ok(html.indexOf('class="assay-comparability"') > section);
      assert.ok(
        html.indexOf('class="assay-comparability"') <
          html.indexOf("Summary per model × variant, side by side"),
      );
      assert.match(box, /The runs differ in 1 way/);
      assert.match(
        box,
        /<b>samples per task<\/b>: B has 4 samples per task, A has 3: flips and intervals rest on A's 3\./,
      );
      // the flip rule, the counts, one collapsible side-by-side for search-insert (fixed in B)
      assert.match(
        html,
        /<b>Flip rule<\/b>: a task flips for a model × variant when both runs have at least 3 samples of it/,
      );
      assert.match(
        html,
        /1 flip \(1 fixed in B, 0 broken in B\) among 2 judged task × variant pairs\./,
      );
      const flips = html.slice(html.indexOf('class="assay-flips"'));
      const details = flips.slice(flips.indexOf("<details"), flips.indexOf("</details>"));
      assert.equal(flips.slice(0, flips.indexOf("</div></div>")).split("<details").length, 2);
      assert.match(
        details,
        /<b>search-insert<\/b> · plain: A 0\/3 passed → B 4\/4 passed <b[^>]*>fixed in B<\/b>/,
      );
      assert.match(
        details,
        /<td[^>]*>(core|edge)<\/td><td[^>]*>fail → pass<\/td>/,
        "a changed case",
      );
      assert.match(details, /AssertionError/, "with its message");
      assert.match(details, /−<\/td><td[^>]*> *if \(sorted\[mid\] &lt;= target\) \{/, "A's line");
      assert.match(details, /\+<\/td><td[^>]*> *if \(sorted\[mid\] &lt; target\) \{/, "B's line");
      const links = [...details.matchAll(/href="(#samples[^"]*)"/g)].map((m) =>
        parseSampleFilterHash(m[1].replaceAll("&amp;", "&"))
      );
      assert.deepEqual(links.map((l) => l?.run), ["A", "B"]);
      assert.ok(links.every((l) => l?.task === "search-insert" && l.model === "synthetic:default"));
      // run B in detail, before the baseline's sections
      const detail = html.indexOf(`Run B in detail · ${idB}</h3>`);
      assert.ok(
        detail > section && detail < html.indexOf("The sections below detail the baseline"),
      );
      const runB = html.slice(detail, html.indexOf("</section>", detail));
      assert.match(runB, /Summary of run B per model × variant/);
      assert.match(runB, />Accuracy spectrum</);
      assert.match(runB, /No failed samples in run B\./);
      assert.match(runB, /href="#samples\?run=B&amp;model=synthetic%3Adefault"/);
      assert.doesNotMatch(html, /<script[^>]*src="https?:/);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
