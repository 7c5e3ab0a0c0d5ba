/**
 * The sample browser at scale: pages of N samples (default 1,000 and 10,000) built from the
 * builtin suite's tasks (each answer is the task's reference in a fence, its cases the declared
 * ones with mixed verdicts, a failure's evidence a sentence per failing case), opened from
 * `file://` in Debian's Chromium (puppeteer-core) in interleaved rounds (small, large, small,
 * large…), timing what a reader waits for: the page's data decoded and the list mounted, a
 * filter applied, a text search, a sample opened, j to the next one. Prints the report size per
 * sample count and the large/small ratio of each time, with the load average before and after.
 *
 *   deno task bench browser [rounds=3] [sizes=1000,10000]
 */
import { join } from "node:path";
import puppeteer, { type Page } from "puppeteer-core";
import { loadSuite } from "../lib/task/load_suite.ts";
import { browserHTML } from "../lib/report/sample_browser.ts";
import type { BrowserPayload, BrowserSample } from "../lib/report/browser/payload.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const CATEGORIES = [
  "syntax",
  "crash",
  "boundary",
  "partial",
  "misunderstanding",
  "hallucinated_api",
];

/** A payload of n samples shaped like a real run's. */
export async function payloadOf(n: number): Promise<BrowserPayload> {
  const suite = await loadSuite(join(ROOT, "tasks", "builtin"));
  const tasks = suite.tasks.filter((t) => t.referenceSource !== null);
  const models = [
    "openai:gpt-4o-mini",
    "ollama:qwen2.5-coder",
    "synthetic:sloppy",
    "deepseek:deepseek-chat",
  ];
  const samples: BrowserSample[] = Array.from({ length: n }, (_, i) => {
    const task = tasks[i % tasks.length];
    const model = models[Math.floor(i / tasks.length) % models.length];
    const failing = (i * 7) % 5 === 0 ? [] : task.cases.filter((_, j) => (i + j) % 3 === 0);
    const category = failing.length ? CATEGORIES[i % CATEGORIES.length] : null;
    const code = `${task.referenceSource!}\n// sample ${i}\n`;
    return {
      key: JSON.stringify([task.id, model, "plain", i]),
      run: "A",
      task: task.id,
      model,
      variant: i % 2 ? "plain" : "reasoning-first",
      language: task.language,
      sample: i,
      status: category ? "failed" : "passed",
      bucket: category ? "wrong" : "correct",
      category,
      secondary: [],
      weighted: category ? -0.4 : 1,
      casesPassed: task.cases.length - failing.length,
      casesTotal: task.cases.length,
      outcome: "completed",
      detail: null,
      answer: `Here is the solution:\n\n\`\`\`ts\n${code}\`\`\`\n`,
      code,
      promptHash: `h${i % tasks.length}`,
      harnessChanges: ["took the code from its fenced block; the text around it was dropped"],
      cases: task.cases.map((c) => ({
        name: c.name,
        kind: c.kind,
        status: failing.includes(c) ? "fail" : "pass",
        message: failing.includes(c) ? `AssertionError: expected ${i} to equal ${i + 1}` : "",
        ms: 0.4,
      })),
      evidence: failing.map((c) => ({
        category: category!,
        source: "tests",
        text: `${c.name}: expected ${i}`,
      })),
      labels: [],
      generationError: null,
      taskError: null,
      stderr: null,
      queueMs: 3,
      ttftMs: 300 + (i % 400),
      totalMs: 1200 + (i % 900),
      tokensIn: 500,
      tokensOut: 300,
      tokensEstimated: false,
      tokensPerSec: 250,
      retries: 0,
      retryMs: 0,
      cached: false,
      costUsd: 0.0002,
      endpoint: null,
      mutations: [],
    };
  });
  const prompts = Object.fromEntries(
    tasks.map((t, i) => [`h${i}`, [{ role: "user", content: t.instructions }]]),
  );
  const references = Object.fromEntries(tasks.map((t) => [t.id, t.referenceSource!]));
  return {
    version: 1,
    runs: [{ label: "A", id: "bench", incomplete: null }],
    samples,
    prompts,
    references,
    referenceNote: null,
    filter: {},
  };
}

/** Times (ms) of one visit to a page. */
interface Visit {
  ready: number;
  filter: number;
  search: number;
  open: number;
  next: number;
}

async function visit(page: Page, file: string): Promise<Visit> {
  await page.goto(`file://${file}`);
  await page.waitForSelector(".assay-sb[data-ready]", { timeout: 120_000 });
  const ready = await page.evaluate(() => performance.now());
  // The list re-renders synchronously in the select's input handler: time it in the page.
  const filter = await page.evaluate(() => {
    const select = document.querySelector<HTMLSelectElement>(
      '.assay-sb form[data-field="category"] select',
    )!;
    select.value = [...select.options].find((o) => o.text.startsWith("crash"))!.value;
    const t = performance.now();
    select.dispatchEvent(new Event("input", { bubbles: true }));
    return performance.now() - t;
  });
  const search = await page.evaluate(async () => {
    const input = document.querySelector<HTMLInputElement>('.assay-sb form[data-field="q"] input')!;
    const count = document.querySelector(".assay-sb .sb-count")!;
    const before = count.textContent;
    input.value = "expected 7";
    const t = performance.now();
    input.dispatchEvent(new Event("input", { bubbles: true }));
    // Done when the count changed and no longer says it is searching (decoding the answers).
    while (count.textContent === before || count.textContent!.startsWith("Searching")) {
      await new Promise((r) => setTimeout(r, 5));
    }
    return performance.now() - t - 150; // less the search box's 150 ms debounce
  });
  // Opening decodes the sample's chunk of details first: time until its detail is shown.
  const shown = async (act: () => void) => {
    const detail = document.querySelector<HTMLElement>(".assay-sb .sb-detail")!;
    const before = detail.dataset.sampleKey;
    const t = performance.now();
    act();
    while (!detail.dataset.sampleKey || detail.dataset.sampleKey === before) {
      await new Promise((r) => setTimeout(r, 2));
    }
    return performance.now() - t;
  };
  await page.evaluate(`window.__shown = ${shown.toString()}`);
  const open = await page.evaluate(() =>
    // deno-lint-ignore no-explicit-any
    (globalThis as any).__shown(() =>
      document.querySelector<HTMLElement>(".assay-sb tr[data-sample-key] td:nth-child(2)")!.click()
    )
  );
  const next = await page.evaluate(() =>
    // deno-lint-ignore no-explicit-any
    (globalThis as any).__shown(() =>
      document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "j", bubbles: true }))
    )
  );
  return { ready, filter, search, open, next };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const loadavg = async () =>
  (await Deno.readTextFile("/proc/loadavg")).split(" ").slice(0, 3).join(" ");

/** Run the bench. */
export async function sampleBrowserBench(args: string[]): Promise<void> {
  const rounds = Number(args[0] ?? 3);
  const sizes = (args[1] ?? "1000,10000").split(",").map(Number);
  console.log(
    `sample browser: sizes ${
      sizes.join(", ")
    }, ${rounds} interleaved rounds, ${navigator.hardwareConcurrency} cores`,
  );
  console.log(`load average before: ${await loadavg()}`);
  const dir = await Deno.makeTempDir({ prefix: "assay-bench-browser-" });
  const files: string[] = [];
  for (const n of sizes) {
    const payload = await payloadOf(n);
    const t = performance.now();
    const html = await browserHTML(payload);
    const built = performance.now() - t;
    const file = join(dir, `browser-${n}.html`);
    await Deno.writeTextFile(
      file,
      `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`,
    );
    files.push(file);
    const json = JSON.stringify(payload).length;
    console.log(
      `  ${String(n).padStart(6)} samples: page ${(html.length / 1e6).toFixed(2)} MB ` +
        `(${(html.length / n / 1024).toFixed(1)} KB/sample; data ${
          (json / 1e6).toFixed(1)
        } MB as JSON before gzip), built in ${built.toFixed(0)} ms`,
    );
  }
  const browser = await puppeteer.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const visits: Visit[][] = sizes.map(() => []);
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 1000 });
    for (let r = 0; r < rounds; r++) {
      for (const [i, file] of files.entries()) visits[i].push(await visit(page, file));
    }
  } finally {
    await browser.close();
    await Deno.remove(dir, { recursive: true });
  }
  const fields = ["ready", "filter", "search", "open", "next"] as const;
  const words = {
    ready: "page ready (load, decode, mount)",
    filter: "filter to a category",
    search: "text search (less debounce)",
    open: "open a sample",
    next: "j: next sample",
  };
  console.log(
    `  median ms over ${rounds} rounds   ${
      sizes.map((n) => String(n).padStart(8)).join("")
    }   ratio last/first`,
  );
  for (const f of fields) {
    const m = visits.map((v) => median(v.map((x) => x[f])));
    console.log(
      `  ${words[f].padEnd(34)}${m.map((x) => x.toFixed(1).padStart(8)).join("")}   ${
        (m.at(-1)! / Math.max(m[0], 0.1)).toFixed(1)
      }`,
    );
  }
  console.log(`load average after: ${await loadavg()}`);
}
