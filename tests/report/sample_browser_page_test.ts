/**
 * The sample browser in a real browser: a report rendered from a real offline run, opened from
 * `file://` in Debian's Chromium (npm puppeteer-core, no browser downloaded), filtered, a sample
 * opened, the keyboard used, the URL fragment read back. Screenshots go to data/test-artifacts/.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import puppeteer, { type Page } from "puppeteer-core";
import { loadRun, type Run } from "../../lib/analyze/load_run.ts";
import { createProvider } from "../../lib/model/create.ts";
import { parseSampleFilterHash } from "../../lib/record/sample_filter.ts";
import { sampleKey } from "../../lib/record/sample_key.ts";
import { findJupyter } from "../../lib/report/kernel.ts";
import { executeNotebook, renderReport } from "../../lib/report/render.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { bwrapAvailable } from "../../lib/sandbox/isolate.ts";
import { sha256 } from "../../lib/task/hash.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = join(ROOT, "data", "test-artifacts");

/** Why this test cannot run here (printed), or null. */
async function unavailable(): Promise<string | null> {
  if (!(await Deno.stat(CHROMIUM).catch(() => null))) {
    return `${CHROMIUM} is missing (apt-get install -y chromium; ./assay installs it)`;
  }
  return await findJupyter().then(() => null, (e) => `Jupyter is missing: ${e.message}`);
}
const skip = await unavailable();
if (skip) console.log(`sample browser page tests ignored: ${skip}`);

/** A small real run: six builtin tasks, a sloppy and a careful synthetic model, 2 samples each. */
async function smallRun(dir: string): Promise<Run> {
  const builtin = await loadSuite(join(ROOT, "tasks/builtin"));
  const ids = ["bank-ledger", "chunk", "group-by", "levenshtein", "unique", "flatten"];
  const tasks = builtin.tasks.filter((t) => ids.includes(t.id));
  const suite = {
    ...builtin,
    tasks,
    hash: await sha256(`${builtin.hash}|${tasks.map((t) => t.id)}`),
  };
  const models = ["synthetic:default", "synthetic:sloppy"].map((spec) =>
    createProvider(spec, { tasks: builtin.tasks, env: {} })
  );
  try {
    const isolation = (await bwrapAvailable()) ? "bwrap" : "none";
    const e = await evaluate(suite, { models, runsDir: dir, samples: 2, seed: 3, isolation });
    return await loadRun(e.dir);
  } finally {
    await Promise.all(models.map((m) => m.close()));
  }
}

/** Choose an option of one of the browser's selects by the value it stands for. */
async function choose(page: Page, field: string, value: string): Promise<void> {
  const ok = await page.evaluate(
    (field, value) => {
      const select = document.querySelector<HTMLSelectElement>(
        `.assay-sb form[data-field="${field}"] select`,
      );
      const option = [...(select?.options ?? [])].find((o) => o.text.startsWith(`${value} (`));
      if (!select || !option) return false;
      select.value = option.value;
      select.dispatchEvent(new Event("input", { bubbles: true }));
      return true;
    },
    field,
    value,
  );
  assert.ok(ok, `the ${field} select offers ${value}`);
}

/** The keys of the rendered rows, in order. */
function rowKeys(page: Page): Promise<string[]> {
  return page.$$eval(
    ".assay-sb tr[data-sample-key]",
    (trs) => trs.map((tr) => (tr as HTMLElement).dataset.sampleKey!),
  );
}

/** Wait until the detail view shows the sample `key`. */
async function detailOf(page: Page, key: string): Promise<string> {
  await page.waitForFunction(
    (key: string) =>
      document.querySelector<HTMLElement>(".assay-sb .sb-detail")?.dataset.sampleKey === key,
    { timeout: 10_000, polling: 50 },
    key,
  );
  return await page.$eval(".assay-sb .sb-detail", (e) => e.textContent!);
}

/** The sample the URL fragment opens. */
async function hashSample(page: Page): Promise<string | undefined> {
  return parseSampleFilterHash(await page.evaluate(() => location.hash))?.sample;
}

Deno.test({
  name:
    "sampleBrowser() in a report opened from file:// filters to a category, opens a sample with its code, cases and evidence, and names it in the URL",
  ignore: skip !== null,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "assay-browser-" });
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
    });
    try {
      const run = await smallRun(dir);
      const report = await renderReport(run.dir);
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.setViewport({ width: 1200, height: 1000 });
      await page.goto(`file://${report}`);
      await page.waitForSelector(".assay-sb[data-ready]", { timeout: 30_000 });
      const total = run.generations.length;
      assert.match(
        await page.$eval(".assay-sb .sb-count", (e) => e.textContent!),
        new RegExp(`^${total} of ${total} samples`),
      );

      // The category with the most failed samples, from the run's own records.
      const failed = run.results.filter((r) => r.failure !== null);
      const counts = new Map<string, number>();
      for (const r of failed) {
        counts.set(r.failure!.category, (counts.get(r.failure!.category) ?? 0) + 1);
      }
      const [category, n] = [...counts].sort((a, b) => b[1] - a[1])[0];
      await choose(page, "category", category);
      assert.match(
        await page.$eval(".assay-sb .sb-count", (e) => e.textContent!),
        new RegExp(`^${n} of ${total} samples \\(filtered\\)`),
      );
      const keys = await rowKeys(page);
      const inCategory = new Set(
        failed.filter((r) => r.failure!.category === category).map(sampleKey),
      );
      assert.equal(keys.length, Math.min(n, keys.length));
      assert.ok(
        keys.length > 0 && keys.every((k) => inCategory.has(k)),
        "every listed row is of the category",
      );
      assert.equal(
        parseSampleFilterHash(await page.evaluate(() => location.hash))?.category,
        category,
      );

      // Open the first row: its code, every case and the deciding evidence are shown.
      await page.click(
        `.assay-sb tr[data-sample-key="${keys[0].replaceAll('"', '\\"')}"] td:nth-child(2)`,
      );
      assert.equal(await hashSample(page), keys[0]);
      const result = run.results.find((r) => sampleKey(r) === keys[0])!;
      const generation = run.generations.find((g) => sampleKey(g) === keys[0])!;
      const detail = await detailOf(page, keys[0]);
      if (generation.code !== null) {
        const code = await page.$eval(".assay-sb .sb-detail pre.sb-code", (e) => e.textContent!);
        assert.equal(code, generation.code);
      }
      for (const c of result.cases) assert.ok(detail.includes(c.name), `case "${c.name}" is shown`);
      assert.ok(detail.includes(result.failure!.evidence[0].text), "the evidence is shown in full");
      assert.ok(await page.$(".assay-sb tr.sb-selected"), "the open row is marked");

      // j opens the next row, k the previous one; the fragment follows.
      if (keys.length > 1) {
        await page.keyboard.press("j");
        assert.equal(await hashSample(page), keys[1]);
        await page.keyboard.press("k");
        assert.equal(await hashSample(page), keys[0]);
      }
      await Deno.mkdir(ARTIFACTS, { recursive: true });
      await (await page.$(".assay-sb"))!.screenshot({
        path: join(ARTIFACTS, "sample-browser-report.png"),
      });

      const link = await page.evaluate(() => location.href);
      // A chart's mark filters the browser to its samples: a segment of the failure-modes chart.
      const marks = await page.$$('figure a[href*="category="]');
      assert.ok(marks.length > 0, "the failure-modes chart links its segments");
      const href = await marks[0].evaluate((a) => a.getAttribute("href")!);
      const wanted = parseSampleFilterHash(href)!;
      await marks[0].click();
      assert.equal(
        await page.evaluate(() => decodeURIComponent(location.hash)),
        decodeURIComponent(href),
      );
      const matching = failed.filter((r) =>
        r.failure!.category === wanted.category && r.model === wanted.model &&
        (wanted.variant === undefined || r.variant === wanted.variant)
      ).length;
      assert.match(
        await page.$eval(".assay-sb .sb-count", (e) =>
          e.textContent!),
        new RegExp(`^${matching} of ${total} samples`),
        `the mark ${href} lists its ${matching} samples`,
      );
      const shownCategory = await page.$eval(
        '.assay-sb form[data-field="category"] select',
        (e) => (e as HTMLSelectElement).selectedOptions[0].text,
      );
      assert.ok(shownCategory.startsWith(`${wanted.category} (`), shownCategory);
      await (await page.$(".assay-sb"))!.screenshot({
        path: join(ARTIFACTS, "sample-browser-chart-click.png"),
      });
      // Back to the category view (the address names it) for what follows.
      await page.goto(link);
      await page.waitForFunction(
        (key: string) =>
          document.querySelector<HTMLElement>(".assay-sb .sb-detail")?.dataset.sampleKey === key,
        { timeout: 10_000, polling: 50 },
        keys[0],
      );

      // A link to the fragment (reloaded from scratch) opens the same view.
      const again = await browser.newPage();
      await again.goto(link);
      await again.waitForSelector(".assay-sb[data-ready]", { timeout: 30_000 });
      assert.equal(await hashSample(again), keys[0]);
      assert.ok(
        (await detailOf(again, keys[0])).includes(
          result.cases[0].name,
        ),
      );
      assert.deepEqual(await rowKeys(again), keys, "the filter came back from the address");

      // "/" focuses the search; it looks in task ids, answers and evidence, within the category.
      await page.keyboard.press("/");
      const q = result.task.toUpperCase();
      await page.keyboard.type(q);
      const expected = failed.filter((r) => {
        const g = run.generations.find((x) => sampleKey(x) === sampleKey(r))!;
        const hay = [r.task, g.text, ...r.failure!.evidence.map((e) => e.text)].join("\n")
          .toLowerCase();
        return r.failure!.category === category && hay.includes(q.toLowerCase());
      }).length;
      await page.waitForFunction(
        (text: string) =>
          document.querySelector(".assay-sb .sb-count")!.textContent!.startsWith(text),
        { timeout: 5000, polling: 100 }, // the page is a background tab now: no animation frames
        `${expected} of ${total} samples`,
      ).catch(async (e) => {
        const shown = await page.$eval(".assay-sb .sb-count", (el) => el.textContent);
        const value = await page.$eval(
          '.assay-sb form[data-field="q"] input',
          (el) => (el as HTMLInputElement).value,
        );
        throw new Error(`expected ${expected} of ${total} for "${value}", the page says ${shown}`, {
          cause: e,
        });
      });
      assert.ok((await rowKeys(page)).includes(keys[0]));
      assert.equal(errors.length, 0, `no script error in the page: ${errors.join("; ")}`);

      // The same browser inside an executed notebook's HTML: 04 opens it on the most frequent category.
      const notebookHtml = join(dir, "04.html");
      await executeNotebook(join(ROOT, "notebooks/04-failure-modes.ipynb"), {
        outHtml: notebookHtml,
        env: { ASSAY_RUN: run.dir },
      });
      const nb = await browser.newPage();
      nb.on("pageerror", (e) => errors.push(String(e)));
      await nb.setViewport({ width: 1200, height: 1000 });
      await nb.goto(`file://${notebookHtml}`);
      await nb.waitForSelector(".assay-sb[data-ready]", { timeout: 30_000 });
      const chosen = await nb.$eval(
        '.assay-sb form[data-field="category"] select',
        (e) => (e as HTMLSelectElement).selectedOptions[0].text,
      );
      assert.ok(
        chosen.startsWith(`${category} (${n})`),
        `the notebook opens on ${category}: ${chosen}`,
      );
      const nbKeys = await rowKeys(nb);
      assert.ok(nbKeys.length > 0 && nbKeys.every((k) => inCategory.has(k)));
      await nb.click(
        `.assay-sb tr[data-sample-key="${nbKeys[0].replaceAll('"', '\\"')}"] td:nth-child(2)`,
      );
      assert.equal(await hashSample(nb), nbKeys[0]);
      const opened = run.results.find((r) => sampleKey(r) === nbKeys[0])!;
      assert.ok(
        (await detailOf(nb, nbKeys[0])).includes(
          opened.failure!.evidence[0].text,
        ),
      );
      await (await nb.$(".assay-sb"))!.screenshot({
        path: join(ARTIFACTS, "sample-browser-notebook.png"),
      });
      assert.equal(errors.length, 0, `no script error in the notebook page: ${errors.join("; ")}`);
    } finally {
      await browser.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
