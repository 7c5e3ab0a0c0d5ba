import assert from "node:assert/strict";
import { basename, join } from "node:path";
import { executeAllNotebooks, listNotebooks } from "../../lib/report/execute_notebooks.ts";
import { findJupyter } from "../../lib/report/kernel.ts";
import { assertVerdicts } from "./_notebook_verdicts.ts";

const NOTEBOOKS = new URL("../../notebooks/", import.meta.url).pathname;

const jupyterMissing = await findJupyter().then(() => null, (error: Error) => error.message);
if (jupyterMissing !== null) {
  console.log(`tests/report/notebooks_test.ts: skipping notebook execution: ${jupyterMissing}`);
}

interface Cell {
  cell_type: string;
  id?: string;
  execution_count?: number | null;
  outputs?: unknown[];
  source: string | string[];
}

async function readNotebook(path: string): Promise<{ cells: Cell[]; metadata: any }> {
  return JSON.parse(await Deno.readTextFile(path));
}

const sourceOf = (cell: Cell) => (Array.isArray(cell.source) ? cell.source.join("") : cell.source);

/** Every .ipynb in notebooks/, the run report included. */
async function allNotebooks(): Promise<string[]> {
  const paths: string[] = [];
  for await (const e of Deno.readDir(NOTEBOOKS)) {
    if (e.isFile && e.name.endsWith(".ipynb")) paths.push(join(NOTEBOOKS, e.name));
  }
  return paths.sort();
}

Deno.test("notebooks are committed without outputs or execution counts", async () => {
  const paths = await allNotebooks();
  assert.ok(paths.length >= 6, "the researcher notebooks and the report");
  for (const path of paths) {
    const nb = await readNotebook(path);
    for (const [i, cell] of nb.cells.entries()) {
      if (cell.cell_type !== "code") continue;
      assert.deepEqual(cell.outputs, [], `${basename(path)} cell ${i} (${cell.id}) has outputs`);
      assert.equal(
        cell.execution_count,
        null,
        `${basename(path)} cell ${i} (${cell.id}) has an execution count`,
      );
    }
  }
});

Deno.test("notebooks run on the deno kernel and import only lib/mod.ts and its subpaths", async () => {
  for (const path of await listNotebooks(NOTEBOOKS)) {
    const nb = await readNotebook(path);
    assert.equal(nb.metadata.kernelspec.name, "assay", basename(path));
    const ids = nb.cells.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length, `${basename(path)}: cell ids are unique`);
    for (const cell of nb.cells.filter((c) => c.cell_type === "code")) {
      for (const m of sourceOf(cell).matchAll(/^\s*import\b[^"']*["']([^"']+)["']/gm)) {
        assert.match(
          m[1],
          /^\.\.\/lib\/(\w+\/)?mod\.ts$/,
          `${basename(path)} ${cell.id} imports ${m[1]}`,
        );
      }
    }
  }
});

/** Formulas a notebook must leave to the library: a rate, a mean of scores, a threshold rule, a percentile. */
const OWN_METRICS: [RegExp, string][] = [
  [
    /\.filter\(\(?\w*\)?\s*=>\s*\w+\.passed\)\.length\s*\//,
    "a pass rate (summarize(), groupAccuracy())",
  ],
  [
    /reduce\(\(?[\w\s,]*\)?\s*=>[^,;]*\.(weightedAccuracy|passRate)\b/,
    "a mean of scores (summarize(), groupAccuracy())",
  ],
  [/\.(delta|passRateDelta|weightedDelta)\s*[<>]=?\s*-?\s*[\w.]/, "a fragile rule (robustness())"],
  [/\.(before|after)\s*>=?\s*0\.5/, "a majority flip rule (judgeFlips())"],
  [/\bpercentile\(/, "a percentile (latencyRows(), summarize())"],
  [/\.passes\s*\/|\bc\s*\/\s*n\b/, "a pass rate or pass@k by hand (summarizeStability())"],
];

Deno.test("notebooks compute no metric or verdict themselves: every formula is the library's", async () => {
  for (const path of await allNotebooks()) {
    const nb = await readNotebook(path);
    for (const cell of nb.cells.filter((c) => c.cell_type === "code")) {
      for (const [pattern, instead] of OWN_METRICS) {
        assert.doesNotMatch(
          sourceOf(cell),
          pattern,
          `${basename(path)} ${cell.id} computes ${instead.split(" (")[0]} itself: use ${instead}`,
        );
      }
    }
  }
});

Deno.test("listNotebooks() lists the researcher notebooks, not the run report", async () => {
  const names = (await listNotebooks(NOTEBOOKS)).map((p) => basename(p));
  assert.ok(names.includes("01-quickstart.ipynb"));
  assert.ok(!names.includes("report.ipynb"));
  assert.deepEqual(names, [...names].sort());
});

/** What a code cell must show: a table (its caption), a chart (its title, with these marks), or text. */
type Marker =
  | { table: string }
  | { chart: string; marks: ("circle" | "rect" | "path")[] }
  | { text: RegExp };

const table = (caption: string): Marker => ({ table: caption });
const chartOf = (title: string, ...marks: ("circle" | "rect" | "path")[]): Marker => ({
  chart: title,
  marks,
});
const text = (pattern: RegExp): Marker => ({ text: pattern });
const done = (label: string) =>
  text(new RegExp(`<strong>${label}</strong> \\(done\\): (\\d+) / \\1 samples \\(100%\\)`));
const setup = [table("Configuration"), text(/<strong>Synthetic models\.<\/strong>/)];

/** The expected outputs of every code cell that displays something, by notebook and cell id. */
const EXPECTED: Record<string, Record<string, Marker[]>> = {
  "01-quickstart": {
    setup,
    tasks: [table("Tasks (")],
    run: [done("quickstart")],
    results: [table("Accuracy"), table("Latency (ms) and throughput")],
    spectrum: [chartOf("Accuracy spectrum", "rect")],
    samples: [
      text(
        /<div class="assay-sb">[\s\S]*<h3>Samples<\/h3><span class="sb-count">Loading \d+ samples/,
      ),
    ],
  },
  "02-accuracy-spectrum": {
    setup,
    run: [done("accuracy spectrum")],
    "accuracy-table": [table("Accuracy per model")],
    "weighted-vs-pass": [chartOf("Weighted accuracy vs pass rate", "circle", "path")],
    "almost-threshold": [text(/<strong>20%<\/strong> of its core cases/)],
    spectrum: [chartOf("Accuracy spectrum", "rect")],
    "by-category": [chartOf("Weighted accuracy by category \\(first tag\\)", "rect")],
    "by-difficulty": [chartOf("Weighted accuracy by difficulty", "rect")],
    "group-table": [table("Pass rate and weighted accuracy per group")],
    "core-edge": [chartOf("Failed core vs edge cases", "rect")],
    "missed-edges": [
      text(/Edge cases missed by code that passes every core case|No edge case failed/),
    ],
  },
  "03-latency": {
    setup,
    "latency-settings": [text(/Latency budget <strong>\d+ ms<\/strong>/)],
    run: [done("latency")],
    ttft: [chartOf("Time to first token per model", "rect")],
    total: [chartOf("Total generation time per model", "rect")],
    "tokens-per-sec": [chartOf("Streaming speed per model", "rect")],
    percentiles: [table("Latency percentiles")],
    pareto: [chartOf("Accuracy vs latency: the Pareto frontier", "path")],
    "pareto-table": [
      table("The trade-off per model × variant"),
      text(/Best under \d+ ms: <strong>|No model × variant has a median total time within/),
    ],
    "variant-price": [table("plain vs reasoning-first, per model")],
    "load-curve": [chartOf("Time to first token under load", "path", "circle")],
    "load-table": [table("Load levels for synthetic:default (ms)")],
  },
  "04-failure-modes": {
    setup,
    run: [done("failure modes")],
    mix: [chartOf("Failure modes per model", "rect")],
    "category-table": [table("Failed samples per primary category")],
    secondary: [
      table("Secondary labels per primary category"),
      text(/Samples with secondary labels|No sample has a secondary label/),
    ],
    // The sample browser opened on the most frequent category (its payload and script embedded).
    "drill-down": [
      text(/<div class="assay-sb">[\s\S]*<h3>Samples: [a-z_]+ first<\/h3>/),
      text(
        /<script type="application\/octet-stream" class="sb-data" data-part="list">[A-Za-z0-9+/=]{200,}<\/script>/,
      ),
    ],
  },
  "05-prompt-iteration": {
    setup,
    template: [text(/What <code>checklist<\/code> sends for/)],
    run: [done("checklist vs plain"), table("Per model × variant")],
    comparison: [chartOf("checklist vs plain", "circle", "rect")],
    "comparison-tables": [
      table("checklist − plain, per model (means over tasks)"),
      text(/<b>Flip rule<\/b>: [^<]*at least 3 samples/),
    ],
    "robustness-run": [done("robustness")],
    robustness: [chartOf("Robustness to prompt perturbations", "rect")],
    fragile: [table("Fragile prompts (a drop of at least 0.2 in pass rate, interval below 0)")],
  },
  "06-stability": {
    setup,
    run: [done("stability, seed 0")],
    "pass-at-k": [chartOf("pass@k and pass\\^k", "path", "circle")],
    "stability-table": [table("Stability per model")],
    consistency: [chartOf("Consistency per model", "circle")],
    "consistency-table": [table("Per task: passing samples and consistency")],
    "second-run": [done("stability, seed 1000"), chartOf("Run-to-run change", "circle", "rect")],
    flips: [
      text(/<b>Flip rule<\/b>: [^<]*at least 3 samples/),
      text(/\d+ of \d+ judged task × model pairs flipped between two runs/),
    ],
  },
  "07-python": {
    setup: [...setup, text(/<td[^>]*>languages<\/td><td[^>]*>(ts, py|py, ts)<\/td>/)],
    run: [done("python in pyodide")],
    // A row per model × language: 2 samples of 3 Python tasks (6) and of 1 TypeScript task (2).
    summary: [
      table("Accuracy per model × language"),
      text(/<td[^>]*>synthetic:default<\/td><td[^>]*>plain<\/td><td[^>]*>py<\/td><td[^>]*>6<\/td>/),
      text(/<td[^>]*>synthetic:sloppy<\/td><td[^>]*>plain<\/td><td[^>]*>ts<\/td><td[^>]*>2<\/td>/),
    ],
    failures: [
      table("Failed Python samples per primary category"),
      text(/<div class="assay-sb">[\s\S]*<h3>Samples: failed Python ones first<\/h3>/),
    ],
    // The same 12 Python answers under CPython (on a loaded machine a case near its time limit may
    // time out in one run only: then it is listed with both verdicts).
    cpython: [
      done("python in cpython"),
      text(
        /<strong>(1[0-2]) of 12<\/strong> Python samples have the same verdict under Pyodide and CPython/,
      ),
      table("Pyodide vs CPython: samples with the same verdict per model"),
      text(/No sample.{1,6}s verdict differs between the runtimes|Samples whose verdicts differ/),
    ],
  },
};

/**
 * The smallest slice: 2 tasks, 1 sample (2 for stability, so pass@k has a curve). The two
 * tasks are ones whose synthetic answers never loop forever (a 5 s sandbox timeout each).
 */
const ENV: Record<string, string> = {
  ASSAY_TASKS: "group-by,levenshtein",
  ASSAY_SAMPLES: "1",
  ASSAY_LOAD_REQUESTS: "4",
  ASSAY_PERTURBATIONS: "rename_entry",
};
const ENV_BY_NOTEBOOK: Record<string, Record<string, string>> = {
  // 3 samples: the fewest judgeFlips() judges, so the flips shown are checked against it.
  "05-prompt-iteration": { ASSAY_SAMPLES: "3" },
  "06-stability": { ASSAY_SAMPLES: "3" },
  // Enough samples that the sloppy model fails in several ways (the seeds are fixed: always the same ones).
  "04-failure-modes": { ASSAY_SAMPLES: "3" },
  // Three Python tasks and one TypeScript task, twice each: a Python syntax error, crashes, a
  // hallucinated API; none that times out (a timed-out Pyodide sample costs ~10 s and a new host).
  "07-python": { ASSAY_TASKS: "group-by,mean,round-half-away,with-defaults", ASSAY_SAMPLES: "2" },
};

/** The output part of each cell of an exported page, by cell id. */
function outputsByCell(page: string, cells: Cell[]): Map<string, string> {
  const body = page.slice(page.indexOf("<body"));
  const chunks = body.split(/<div\s+class="jp-Cell /).slice(1);
  assert.equal(chunks.length, cells.length, "one HTML cell per notebook cell");
  const out = new Map<string, string>();
  cells.forEach((cell, i) => {
    const chunk = chunks[i];
    const at = chunk.indexOf('class="jp-OutputArea');
    out.set(cell.id!, at < 0 ? "" : chunk.slice(at));
  });
  return out;
}

function assertMarker(output: string, marker: Marker, where: string) {
  if ("table" in marker) {
    const at = output.indexOf(marker.table.replace(/&/g, "&amp;").replace(/</g, "&lt;"));
    assert.ok(at >= 0, `${where}: a table captioned "${marker.table}"`);
    assert.match(
      output.slice(at),
      /<table[\s>][\s\S]*<td/,
      `${where}: table "${marker.table}" has rows`,
    );
  } else if ("chart" in marker) {
    const title = new RegExp(`<h2[^>]*>${marker.chart}[^<]*</h2>`);
    const m = title.exec(output);
    assert.ok(m, `${where}: a chart titled "${marker.chart}"`);
    const figure = output.slice(m.index, output.indexOf("</figure>", m.index));
    assert.match(figure, /-swatch"/, `${where}: chart "${marker.chart}" has a legend`);
    const svg = figure.slice(figure.lastIndexOf("<svg"));
    assert.match(svg, /aria-label="x-axis label"/, `${where}: "${marker.chart}" labels its x axis`);
    for (const mark of marker.marks) {
      assert.match(
        svg,
        new RegExp(`<${mark}[\\s/>]`),
        `${where}: "${marker.chart}" draws <${mark}>`,
      );
    }
  } else {
    assert.match(output, marker.text, `${where}: ${marker.text}`);
  }
}

/** Every expected output is in the page, and no error is. */
function assertComplete(name: string, page: string, cells: Cell[], round: number) {
  const html = page.slice(page.indexOf("<body"));
  const where = `${name} (execution ${round})`;
  assert.doesNotMatch(html, /jp-OutputArea-error|Traceback|Uncaught/, `${where}: no error output`);
  assert.doesNotMatch(html, /application\/vnd\.jupyter\.stderr/, `${where}: nothing on stderr`);
  assert.doesNotMatch(html, /data-mime-type="image\/svg\+xml"/, `${where}: charts are text/html`);
  const outputs = outputsByCell(page, cells);
  const expected = EXPECTED[name];
  assert.ok(expected, `${name}: expected outputs are listed in this test`);
  for (const cell of cells.filter((c) => c.cell_type === "code")) {
    const markers = expected[cell.id!];
    if (!markers) {
      assert.doesNotMatch(
        outputs.get(cell.id!)!,
        /jp-OutputArea-output/,
        `${where} ${cell.id}: no output`,
      );
      continue;
    }
    for (const marker of markers) {
      assertMarker(outputs.get(cell.id!)!, marker, `${where} ${cell.id}`);
    }
  }
  for (const id of Object.keys(expected)) {
    assert.ok(cells.some((c) => c.id === id), `${name}: has a cell "${id}"`);
  }
}

const ROUNDS = 5;

Deno.test({
  name: "executeAllNotebooks() renders every expected output of every notebook, 5 times out of 5",
  ignore: jupyterMissing !== null,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const notebooks = await listNotebooks(NOTEBOOKS);
    const names = notebooks.map((p) => basename(p, ".ipynb"));
    assert.deepEqual(names.filter((n) => !EXPECTED[n]), [], "every notebook has its expectations");
    const cells = new Map(
      await Promise.all(
        notebooks.map(async (p) => [basename(p, ".ipynb"), (await readNotebook(p)).cells] as const),
      ),
    );
    const dir = await Deno.makeTempDir({ prefix: "assay-notebooks-" });
    const started = performance.now();
    try {
      // Every (notebook, round) is one job; four run at once (most of a notebook's time is
      // kernel start-up and waiting for the synthetic model, not CPU).
      const jobs = Array.from({ length: ROUNDS }, (_, i) => i + 1).flatMap((round) =>
        names.map((name) => ({ name, round }))
      );
      const seconds: Record<string, number[]> = {};
      let next = 0;
      const worker = async () => {
        while (next < jobs.length) {
          const { name, round } = jobs[next++];
          const outDir = join(dir, `round-${round}`);
          const runsDir = join(dir, `runs-${name}-${round}`);
          const [html] = await executeAllNotebooks({
            dir: NOTEBOOKS,
            outDir,
            only: [name],
            env: { ...ENV, ...ENV_BY_NOTEBOOK[name], ASSAY_RUNS_DIR: runsDir },
            onNotebook: ({ seconds: s }) => (seconds[name] ??= []).push(s),
          });
          assert.equal(html, join(outDir, `${name}.html`));
          const page = await Deno.readTextFile(html);
          assertComplete(name, page, cells.get(name)!, round);
          await assertVerdicts(
            name,
            outputsByCell(page, cells.get(name)!),
            runsDir,
            `${name} (execution ${round})`,
          );
        }
      };
      await Promise.all(Array.from({ length: 4 }, worker));
      for (const name of names) {
        console.log(`${name}: ${seconds[name].map((s) => s.toFixed(1)).join(", ")} s`);
      }
      console.log(`all: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "executeAllNotebooks() names the notebook and the cell that failed",
  ignore: jupyterMissing !== null,
  sanitizeResources: false,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "assay-notebooks-" });
    try {
      const cell = (id: string, source: string) => ({
        cell_type: "code",
        execution_count: null,
        id,
        metadata: {},
        outputs: [],
        source,
      });
      await Deno.writeTextFile(
        join(dir, "fails.ipynb"),
        JSON.stringify({
          cells: [cell("ok", "1 + 1"), cell("boom", 'throw new Error("boom " + (40 + 2))')],
          metadata: { kernelspec: { name: "deno", display_name: "Deno", language: "typescript" } },
          nbformat: 4,
          nbformat_minor: 5,
        }),
      );
      await assert.rejects(
        executeAllNotebooks({ dir, outDir: join(dir, "out") }),
        (error: Error) => {
          assert.match(
            error.message,
            /^Cannot execute notebook "[^"]*fails\.ipynb": cell 1 \(boom\) failed: /,
          );
          assert.match(error.message, /boom 42/);
          return true;
        },
      );
      await assert.rejects(
        executeAllNotebooks({ dir, only: ["nope"] }),
        /^Error: Cannot execute notebook "nope": not found in "[^"]+": known notebooks are fails$/,
      );
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
