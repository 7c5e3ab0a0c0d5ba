/**
 * `sampleBrowser()`: every sample of a run (or of several runs) in a list one
 * filters, sorts and searches, and the detail of one sample — a self-contained
 * piece of HTML (data gzip-compressed and embedded, script and style bundled)
 * that a report page or a notebook cell shows, with no server.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { type PromptRecord } from "../record/generation.ts";
import { readLines } from "../record/jsonl_lines.ts";
import type { SampleFilter } from "../record/sample_filter.ts";
import type { Run } from "../analyze/load_run.ts";
import type { PriceTable } from "../model/prices.ts";
import type { Suite } from "../task/schema.ts";
import { loadSuite } from "../task/load_suite.ts";
import { type Chart, JUPYTER_DISPLAY } from "../plot/chart.ts";
import { browserBundle } from "./browser_bundle.ts";
import { samplePayload } from "./sample_browser_data.ts";
import {
  type BrowserListPart,
  type BrowserPayload,
  DETAIL_CHUNK,
  LIST_FIELDS,
} from "./browser/payload.ts";

/** Options for {@link sampleBrowser}. */
export interface SampleBrowserOptions {
  /** The filter to open with (the page's URL fragment, when it names one, wins). @default {} */
  filter?: SampleFilter;
  /** Each run's label. @default "A", "B", … */
  labels?: string[];
  /** The suites holding the tasks' references (for the diff). @default loaded from each run's manifest */
  suites?: Suite[];
  /** A price table over the prices the runs recorded. @default the runs' own prices */
  prices?: PriceTable;
  /** The heading. @default "Samples" */
  title?: string;
}

/** Every prompt record of the runs' `prompts.jsonl` files. */
async function runPrompts(runs: readonly Run[]): Promise<PromptRecord[]> {
  const prompts: PromptRecord[] = [];
  for (const run of runs) {
    await readLines(join(run.dir, "prompts.jsonl"), (line) => {
      try {
        prompts.push(JSON.parse(line) as PromptRecord);
      } catch {
        // A torn last line of an interrupted run: the prompt is simply not shown.
      }
    });
  }
  return prompts;
}

/** The references of the runs' tasks, and why some are missing. */
async function runReferences(
  runs: readonly Run[],
  suites: Suite[] | undefined,
): Promise<{ references: Record<string, string>; note: string | null }> {
  const references: Record<string, string> = {};
  const missing: string[] = [];
  const found = suites ?? [];
  if (suites === undefined) {
    for (
      const { name, dir } of new Map(runs.map((r) => [r.manifest.suite.dir, r.manifest.suite]))
        .values()
    ) {
      // A mixed suite ("builtin+python") lives in its parts' folders under `dir`.
      const dirs = name.includes("+") ? name.split("+").map((part) => join(dir, part)) : [dir];
      for (const d of dirs) {
        try {
          found.push(await loadSuite(d));
        } catch {
          missing.push(name);
        }
      }
    }
  }
  for (const suite of found) {
    for (const task of suite.tasks) {
      if (task.referenceSource !== null) references[task.id] = task.referenceSource;
    }
  }
  const note = missing.length === 0
    ? null
    : `the suite ${
      [...new Set(missing)].map((n) => `"${n}"`).join(", ")
    } could not be read where the run recorded it`;
  return { references, note };
}

/** Base64 of the gzip of a value's JSON. */
function packed(value: unknown): string {
  return Buffer.from(gzipSync(JSON.stringify(value), { level: 9 })).toString("base64");
}

/** A data element of the browser: one part of the payload. */
function dataElement(part: string, value: unknown, chunk?: number): string {
  const index = chunk === undefined ? "" : ` data-chunk="${chunk}"`;
  return `<script type="application/octet-stream" class="sb-data" data-part="${part}"${index}>${
    packed(value)
  }</script>`;
}

/**
 * The HTML of a browser on a payload, with the bundled script and style. The
 * payload is embedded in parts, each gzip-compressed: the list's fields first
 * (decoded when the page opens), the prompts and references, then the
 * samples' details in chunks of {@link DETAIL_CHUNK} (decoded when one of
 * their samples is opened, or all of them for a text search), so a page of
 * 10,000 samples opens without decoding every answer.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { browserHTML } from "./sample_browser.ts";
 * const html = await browserHTML({ version: 1, runs: [], samples: [], prompts: {}, references: {}, referenceNote: null, filter: {} });
 * assert.match(html, /data-part="list"/);
 * ```
 *
 * @param payload What the browser shows.
 * @param title The heading. @default "Samples"
 * @returns The HTML.
 */
export async function browserHTML(payload: BrowserPayload, title = "Samples"): Promise<string> {
  const { js, css } = await browserBundle();
  const list: BrowserListPart = {
    version: payload.version,
    runs: payload.runs,
    filter: payload.filter,
    referenceNote: payload.referenceNote,
    samples: payload.samples.map((s) =>
      Object.fromEntries(LIST_FIELDS.map((f) => [f, s[f]])) as BrowserListPart["samples"][number]
    ),
  };
  const listed = new Set<string>(LIST_FIELDS);
  const details: string[] = [];
  for (let from = 0; from < payload.samples.length; from += DETAIL_CHUNK) {
    const chunk = payload.samples.slice(from, from + DETAIL_CHUNK).map((s) =>
      Object.fromEntries(Object.entries(s).filter(([k]) => !listed.has(k)))
    );
    details.push(dataElement("details", chunk, from / DETAIL_CHUNK));
  }
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return `<div class="assay-sb"><style>${css}</style>` +
    `<div class="sb-head"><h3>${
      esc(title)
    }</h3><span class="sb-count">Loading ${payload.samples.length} samples…</span>` +
    `<span class="sb-keys">j / k: next / previous sample · /: search · the address keeps the view</span></div>` +
    `<div class="sb-filters"></div><div class="sb-list"></div><div class="sb-detail"></div>` +
    dataElement("list", list) +
    dataElement("extras", { prompts: payload.prompts, references: payload.references }) +
    details.join("") + `</div>` +
    // One copy of the script runs per page; a later browser (another cell's) only mounts itself.
    `<script>if (!window.assayMountSampleBrowsers) {${js}} else { window.assayMountSampleBrowsers(); }</script>`;
}

/**
 * A sample browser for one run or several (the first is the baseline): every
 * sample listed with its model, variant, language, task, status, failure
 * category, weighted accuracy, cases, latency and cost; filters for each of
 * them and a text search over task ids, answers and evidence; the open
 * sample's prompt, raw answer, highlighted code, harness changes, each case,
 * the failure with all its evidence, latency and tokens, and its diff against
 * the task's reference. The view lives in the URL fragment (`#samples?…`), so a
 * link or a chart mark opens it; every list row carries `data-sample-key`.
 * Displays as `text/html` in Jupyter; `.html` is the markup.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../analyze/load_run.ts";
 * import { sampleBrowser } from "./sample_browser.ts";
 * const run = await loadRun(new URL("../../data/fixtures/run-tiny", import.meta.url).pathname);
 * const browser = await sampleBrowser(run, { filter: { status: "failed" } });
 * assert.ok(browser.html.includes('class="assay-sb"'));
 * assert.ok(browser.html.includes("Loading 12 samples"));
 * ```
 *
 * @param runs The run, or the runs to show side by side (labelled A, B, …).
 * @param options Starting filter, labels, suites, prices and heading.
 * @returns The browser as a displayable chart.
 */
export async function sampleBrowser(
  runs: Run | readonly Run[],
  options: SampleBrowserOptions = {},
): Promise<Chart> {
  const list = Array.isArray(runs) ? runs as readonly Run[] : [runs as Run];
  const [prompts, { references, note }] = await Promise.all([
    runPrompts(list),
    runReferences(list, options.suites),
  ]);
  const payload = samplePayload(list, {
    labels: options.labels,
    prompts,
    references,
    referenceNote: note,
    prices: options.prices,
    filter: options.filter,
  });
  const html = await browserHTML(payload, options.title);
  return { html, [JUPYTER_DISPLAY]: () => ({ "text/html": html }), toString: () => html } as Chart;
}
