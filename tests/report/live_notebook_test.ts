/**
 * What a researcher sees in a live notebook: Debian's `jupyter-notebook` on 127.0.0.1 with a
 * token, driven in Debian's Chromium through puppeteer-core. Run All on 01-quickstart puts every
 * output under its own cell; Kernel ▸ Interrupt stops a running evaluation and the kernel, with its
 * variables, lives on.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { cells, liveUnavailable, ROOT, startLiveJupyter, waitIdle } from "./_live_jupyter.ts";

const unavailable = liveUnavailable();
if (unavailable) console.log(`live_notebook_test skipped: ${unavailable}`);

Deno.test({
  name:
    "01-quickstart in a live Jupyter Notebook: Run All puts every output under its own cell; Kernel ▸ Interrupt stops an evaluate cell and the kernel lives on",
  ignore: unavailable !== null,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    // A copy beside the original (its imports are relative), never the committed file itself.
    const name = `_live-${crypto.randomUUID().slice(0, 8)}.ipynb`;
    const copy = join(ROOT, "notebooks", name);
    await Deno.copyFile(join(ROOT, "notebooks", "01-quickstart.ipynb"), copy);
    const runsDir = await Deno.makeTempDir({ prefix: "live-runs-" });
    const live = await startLiveJupyter({ ...Deno.env.toObject(), ASSAY_RUNS_DIR: runsDir });
    try {
      const { page } = live;
      await live.open(`notebooks/${name}`);
      // deno-lint-ignore no-explicit-any
      const kernelId = await page.evaluate(() => (globalThis as any).Jupyter.notebook.kernel.id);
      // deno-lint-ignore no-explicit-any
      await page.evaluate(() => (globalThis as any).Jupyter.notebook.execute_all_cells());
      await waitIdle(page, 240_000);
      // Outputs that arrive late land under their own cell or not at all: give them a moment.
      await new Promise((r) => setTimeout(r, 1500));
      const ran = await cells(page);
      for (const [i, cell] of ran.entries()) {
        const where = `cell ${i + 1} (${cell.source.slice(0, 40)}…)`;
        assert.equal(typeof cell.prompt, "number", `${where} did not run: ${cell.prompt}`);
        const errors = cell.outputs.filter((o) => o.type === "error");
        assert.deepEqual(errors, [], `${where} errored`);
        // An execute_result carries the count of the cell that made it: it must be this cell's.
        for (const o of cell.outputs.filter((o) => o.type === "execute_result")) {
          assert.equal(
            o.count,
            cell.prompt,
            `${where} shows Out[${o.count}] under In[${cell.prompt}]`,
          );
        }
        for (const n of cell.outPrompts) assert.equal(n, cell.prompt, `${where}: Out[${n}]`);
      }
      // Every cell but the last (which closes the session) shows something.
      assert.deepEqual(
        ran.map((c) => c.outputs.length > 0),
        ran.map((_, i) => i < ran.length - 1),
        JSON.stringify(ran.map((c) => [c.prompt, c.outputs.map((o) => o.type)])),
      );
      assert.match(ran[2].outputs.map((o) => o.text).join(" "), /quickstart<\/strong> \(done\)/);
      // The sample browser's script ran in the live notebook: rows carry their keys, a click opens one.
      await page.waitForSelector(".assay-sb[data-ready] tr[data-sample-key]", { timeout: 20_000 });
      const key = await page.$eval(
        ".assay-sb tr[data-sample-key]",
        (tr) => (tr as HTMLElement).dataset.sampleKey!,
      );
      await page.click(".assay-sb tr[data-sample-key] td:nth-child(2)");
      await page.waitForFunction(
        (key: string) =>
          document.querySelector<HTMLElement>(".assay-sb .sb-detail")?.dataset.sampleKey === key,
        { timeout: 10_000, polling: 50 },
        key,
      );
      assert.match(
        await page.$eval(".assay-sb .sb-detail", (e) => e.textContent!),
        /Cases \(\d+\)/,
      );

      // A long evaluation, interrupted from the Kernel menu as a user would.
      await page.evaluate(() => {
        // deno-lint-ignore no-explicit-any
        const nb = (globalThis as any).Jupyter.notebook;
        const long = nb.insert_cell_at_bottom("code");
        long.set_text(
          'const s2 = await session({ tasks: 30, samples: 4, models: ["synthetic:sloppy"] });\n' +
            'const r2 = await s2.evaluate({ label: "long" });',
        );
        long.execute();
      });
      await page.waitForFunction(
        () => /long<\/strong> \(running\): [1-9]/.test(document.body.innerHTML),
        { timeout: 120_000, polling: 100 },
      );
      const pressed = performance.now();
      await page.click("#kernellink");
      await page.click("#int_kernel");
      await waitIdle(page, 30_000);
      const stoppedMs = performance.now() - pressed;
      const long = (await cells(page)).at(-1)!;
      const text = long.outputs.map((o) => o.text).join(" ");
      assert.match(text, /long<\/strong>: interrupted \(\d+ of 120\)/, text);
      assert.match(text, /RunInterrupted/, text);
      assert.match(text, /run the cell again to resume/, text);
      assert.ok(stoppedMs < 10_000, `the cell stopped ${stoppedMs} ms after the interrupt`);

      // The same kernel, with its variables: the next cell runs.
      const next = await page.evaluate(() => {
        // deno-lint-ignore no-explicit-any
        const nb = (globalThis as any).Jupyter.notebook;
        const cell = nb.insert_cell_at_bottom("code");
        cell.set_text("await s2.close();\ns2.modelSpecs.join(',') + ' ' + s.samples");
        cell.execute();
        return nb.kernel.id;
      });
      assert.equal(next, kernelId, "the kernel was restarted");
      await waitIdle(page, 60_000);
      await new Promise((r) => setTimeout(r, 500));
      const last = (await cells(page)).at(-1)!;
      assert.equal(typeof last.prompt, "number");
      assert.match(last.outputs.map((o) => o.text).join(" "), /synthetic:sloppy 2/);
    } finally {
      await live.close();
      await Deno.remove(copy).catch(() => {});
      const checkpoint = name.replace(/\.ipynb$/, "-checkpoint.ipynb");
      await Deno.remove(join(ROOT, "notebooks", ".ipynb_checkpoints", checkpoint)).catch(() => {});
      await Deno.remove(runsDir, { recursive: true });
    }
  },
});
