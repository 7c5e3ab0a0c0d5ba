/**
 * Grouped summaries, arquero vs polars: synthetic sample rows (10k, 100k, 1M by default) grouped
 * by model × variant × category (samples, pass rate, weighted accuracy, p50/p95 TTFT and total
 * latency) with `groupedSummaryTable` (arquero) and `summaryFrame` (polars).
 *
 * Each (size, library) runs in its own child process so that resident memory is its own: the
 * child warms up on 1,000 rows (loading, JIT, thread pools are not measured), generates the same
 * seeded columns, takes a baseline (after a GC), builds the table or
 * DataFrame from the JS columns ("build"), groups it ("summary"), and reports times, the RSS
 * delta (native memory included: polars allocates outside the JS heap) and the JS heap delta.
 * A third measurement, polars-parquet, writes the same frame to Parquet first (not measured) and
 * builds it with `readParquet`: the path for large runs (`results.parquet`), since turning JS
 * strings into polars columns costs ~0.25 s per million values. The parent prints one line per
 * measurement and the arquero/polars ratios, and checks that all give the same summary.
 *
 *   deno task bench summaries [sizes, e.g. 10000,100000,1000000]
 */
import * as aq from "arquero";
import { groupedSummaryTable } from "../lib/analyze/grouped_summary.ts";
import { polars, summaryFrame } from "../lib/analyze/polars_frames.ts";
import { rng } from "../lib/task/hash.ts";

interface Measurement {
  /** polars-parquet: the same frame written to Parquet first; "build" is `readParquet`. */
  library: "arquero" | "polars" | "polars-parquet";
  rows: number;
  buildMs: number;
  summaryMs: number;
  rssDeltaMiB: number;
  heapDeltaMiB: number;
  groups: number;
  /** The summary's rows, rounded, for the cross-check. */
  digest: string;
}

/** Seeded synthetic sample rows, as columns. */
function columns(n: number) {
  const random = rng(42);
  const models = [
    "openai:gpt-4o-mini",
    "openai:gpt-4.1",
    "ollama:qwen2.5-coder",
    "synthetic:sloppy",
  ];
  const variants = ["plain", "few-shot", "plain+reword"];
  const categories = ["strings", "numbers", "async", "stateful", "parsing", "collections"];
  const model: string[] = new Array(n);
  const variant: string[] = new Array(n);
  const category: string[] = new Array(n);
  const passed: (boolean | null)[] = new Array(n);
  const weightedAccuracy: (number | null)[] = new Array(n);
  const ttftMs = new Float64Array(n);
  const totalMs = new Float64Array(n);
  const cached: boolean[] = new Array(n);
  const generationError: (string | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const m = Math.floor(random() * models.length);
    model[i] = models[m];
    variant[i] = variants[Math.floor(random() * variants.length)];
    category[i] = categories[Math.floor(random() * categories.length)];
    const failedRequest = random() < 0.02;
    generationError[i] = failedRequest ? "HTTP 503" : null;
    passed[i] = failedRequest ? null : random() < 0.4 + 0.1 * m;
    weightedAccuracy[i] = passed[i] === null ? null : passed[i] ? 1 : random() * 2 - 1;
    ttftMs[i] = 200 + 800 * random() * random();
    totalMs[i] = ttftMs[i] + 500 + 4000 * random();
    cached[i] = random() < 0.1;
  }
  return {
    model,
    variant,
    category,
    passed,
    weightedAccuracy,
    ttftMs,
    totalMs,
    cached,
    generationError,
  };
}

const mib = (bytes: number) => bytes / 2 ** 20;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

function digest(rows: Record<string, unknown>[]): string {
  return JSON.stringify(
    rows.map((r) =>
      Object.values(r).map((v) => (typeof v === "number" ? Number(v.toFixed(6)) : v))
    ),
  );
}

/** One measurement, in this process. */
async function measure(
  library: Measurement["library"],
  n: number,
  warm = true,
): Promise<Measurement> {
  // Warm-up on 1,000 rows: library loading, JIT and thread pools are not what is measured.
  if (warm) await measure(library, 1_000, false);
  const data = columns(n);
  const pl = library === "arquero" ? null : await polars();
  const dataFrame = () =>
    pl!.DataFrame([
      pl!.Series("model", data.model, pl!.Utf8),
      pl!.Series("variant", data.variant, pl!.Utf8),
      pl!.Series("category", data.category, pl!.Utf8),
      pl!.Series("passed", data.passed, pl!.Bool),
      pl!.Series("weightedAccuracy", data.weightedAccuracy, pl!.Float64),
      pl!.Series("ttftMs", data.ttftMs, pl!.Float64),
      pl!.Series("totalMs", data.totalMs, pl!.Float64),
      pl!.Series("cached", data.cached, pl!.Bool),
      pl!.Series("generationError", data.generationError, pl!.Utf8),
    ]);
  let parquet: string | null = null;
  if (library === "polars-parquet") {
    parquet = await Deno.makeTempFile({ suffix: ".parquet" });
    dataFrame().writeParquet(parquet);
  }
  gc();
  const rss0 = Deno.memoryUsage().rss;
  const heap0 = Deno.memoryUsage().heapUsed;
  let started = performance.now();
  let summaryRows: Record<string, unknown>[];
  let buildMs: number;
  if (pl) {
    const df = parquet ? pl.readParquet(parquet) : dataFrame();
    buildMs = performance.now() - started;
    started = performance.now();
    const summary = await summaryFrame(df);
    summaryRows = summary.toRecords() as Record<string, unknown>[];
  } else {
    const table = aq.table(data);
    buildMs = performance.now() - started;
    started = performance.now();
    summaryRows = groupedSummaryTable(table).objects() as Record<string, unknown>[];
  }
  const summaryMs = performance.now() - started;
  const memory = Deno.memoryUsage();
  if (parquet) await Deno.remove(parquet);
  return {
    library,
    rows: n,
    buildMs,
    summaryMs,
    rssDeltaMiB: mib(memory.rss - rss0),
    heapDeltaMiB: mib(memory.heapUsed - heap0),
    groups: summaryRows.length,
    digest: digest(summaryRows),
  };
}

/** Run one measurement in a child process (its own memory). */
async function child(library: Measurement["library"], n: number): Promise<Measurement> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      "--v8-flags=--expose-gc,--max-old-space-size=4096",
      new URL(import.meta.url).pathname,
      "--child",
      library,
      String(n),
    ],
    stdout: "piped",
    stderr: "inherit",
  }).output();
  if (!out.success) throw new Error(`Cannot measure ${library} on ${n} rows: exit ${out.code}`);
  return JSON.parse(new TextDecoder().decode(out.stdout));
}

/** Run the summaries benchmark for each size. */
export async function summariesBench(sizes: readonly number[]): Promise<void> {
  console.log(
    `summaries: grouped summary (model × variant × category) of synthetic sample rows, ` +
      `arquero vs polars, ${navigator.hardwareConcurrency} cores, one child process per measurement`,
  );
  const pad = (s: string | number, w: number) => String(s).padStart(w);
  for (const n of sizes) {
    const a = await child("arquero", n);
    const p = await child("polars", n);
    const q = await child("polars-parquet", n);
    for (const m of [a, p, q]) {
      console.log(
        `  ${pad(n.toLocaleString("en"), 9)} rows  ${m.library.padEnd(14)}  build ${
          pad(m.buildMs.toFixed(0), 5)
        } ms  summary ${pad(m.summaryMs.toFixed(0), 5)} ms  total ${
          pad((m.buildMs + m.summaryMs).toFixed(0), 5)
        } ms  RSS +${pad(m.rssDeltaMiB.toFixed(0), 4)} MiB  heap +${
          pad(m.heapDeltaMiB.toFixed(0), 4)
        } MiB  ${m.groups} groups`,
      );
    }
    const ratio = (x: number, y: number) => (y > 0 ? (x / y).toFixed(1) : "∞");
    console.log(
      `  ${pad(n.toLocaleString("en"), 9)} rows  arquero/polars: summary ${
        ratio(a.summaryMs, p.summaryMs)
      }×, build+summary ${ratio(a.buildMs + a.summaryMs, p.buildMs + p.summaryMs)}×, RSS ${
        ratio(a.rssDeltaMiB, p.rssDeltaMiB)
      }×, build+summary vs polars from Parquet ${
        ratio(a.buildMs + a.summaryMs, q.buildMs + q.summaryMs)
      }×  results ${a.digest === p.digest && p.digest === q.digest ? "identical" : "DIFFER"}`,
    );
  }
}

if (import.meta.main && Deno.args[0] === "--child") {
  const m = await measure(Deno.args[1] as Measurement["library"], Number(Deno.args[2]));
  console.log(JSON.stringify(m));
}
