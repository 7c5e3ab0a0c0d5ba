/**
 * Verdict agreement with each benchmark's own harness (`deno task bench agreement [--limit N]
 * [--only mbxp-js,…]`): per benchmark, the samples, assay's passes, the harness's passes, the
 * samples on which both agree, and the passes the result records flag as sloppy-only; then every
 * sample whose verdicts differ, grouped by an auto-derived cause.
 *
 * assay's side is what a user gets: `./assay eval --suite <benchmark file> --model
 * replay:<answers>` (bench/agreement/assay_side.ts). The harness's side is its recorded verdict
 * (MBXP, HumanEval-X: ../shared/datasets/validation/deno-checks.json; can-ai-code: the recorded
 * status) or, for MultiPL-E (which has no solutions), real programs of HumanEval-X and MBXP
 * renamed to MultiPL-E's entry names and run as MultiPL-E runs them: `node` on candidate + tests
 * (TypeScript through `transpileModule` first), exit code 0 passes, 15 s timeout.
 *
 * `--limit N` takes a seeded sample of N samples per benchmark; `--only` takes keys (or key
 * prefixes): mbxp-ts, mbxp-js, can-ai-code, humaneval-x, multipl-e-humaneval-js,
 * multipl-e-humaneval-ts, multipl-e-mbpp-js, multipl-e-mbpp-ts.
 *
 * @module
 */
import { join } from "node:path";
import { limiter } from "../lib/run/limiter.ts";
import { loadSuite } from "../lib/task/load_suite.ts";
import { answerKey, assayResults } from "./agreement/assay_side.ts";
import { type AgreementRow, agreementRow } from "./agreement/compare.ts";
import { assayVerdict, type Comparison } from "./agreement/verdict.ts";
import { findNode, runWithNode } from "./agreement/node_harness.ts";
import { causeCounts, formatDifferences, formatTable } from "./agreement/report.ts";
import { numberSamples, seededSubset } from "./agreement/sampling.ts";
import { benchArgs, machineLoad } from "./agreement/bench_args.ts";
import { type Benchmark, BENCHMARKS, DATA } from "./agreement/sources.ts";

const SEED = 14;

/** One benchmark's row: import, harness verdicts, assay verdicts, comparison. */
async function measure(b: Benchmark, limit: number | undefined): Promise<AgreementRow> {
  const started = performance.now();
  const suite = await loadSuite(join(DATA, b.suiteFile));
  const items = numberSamples(seededSubset(await b.items(suite), limit, SEED));
  if (items.some((i) => i.program)) {
    const node = await findNode();
    if ("missing" in node) {
      return { ...agreementRow(b.name, [], 0), skipped: `no reference harness: ${node.missing}` };
    }
    const dir = await Deno.makeTempDir({ prefix: "assay-agreement-node-" });
    const run = limiter(4);
    const t = performance.now();
    try {
      await Promise.all(items.map((item, i) =>
        item.program && run(async () => {
          item.harness = await runWithNode(item.program!.source, {
            language: item.program!.language,
            commonjs: item.program!.commonjs,
            dir,
            name: `p${i}`,
          });
        })
      ));
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
    console.log(
      `  ${b.name}: node (${node.version}) ran ${items.length} programs in ${
        ((performance.now() - t) / 1000).toFixed(1)
      } s`,
    );
  }
  const t = performance.now();
  const results = await assayResults(suite, items, { label: b.key });
  console.log(
    `  ${b.name}: assay judged ${results.size} samples of ${
      new Set(items.map((i) => i.task)).size
    } tasks in ${((performance.now() - t) / 1000).toFixed(1)} s (harness: ${b.harness})`,
  );
  const entries = new Map(suite.tasks.map((t) => [t.id, t.entry]));
  const comparisons: Comparison[] = items.map((item) => {
    const judged = results.get(answerKey(item.task, item.sample));
    if (!judged) throw new Error(`Cannot compare ${item.id}: assay recorded no result`);
    const entry = entries.get(item.task)!;
    const assay = assayVerdict(judged.result, { code: judged.code, entry });
    return { id: item.id, assay, harness: item.harness! };
  });
  return agreementRow(b.name, comparisons, performance.now() - started);
}

/** Run the agreement benchmark with the arguments after `agreement`. */
export async function agreementBench(args: string[]): Promise<void> {
  const { limit, chosen } = benchArgs(args, BENCHMARKS, "agreement");
  if (!(await Deno.stat(DATA).catch(() => null))?.isDirectory) {
    console.log(`agreement: skipped, ${DATA} is not here`);
    return;
  }
  console.log(
    `agreement with benchmark harnesses: ${chosen.length} benchmark(s)${
      limit ? `, a seeded sample of ${limit} per benchmark (seed ${SEED})` : ""
    }; before: ${await machineLoad()}`,
  );
  const started = performance.now();
  const rows: AgreementRow[] = [];
  for (const b of chosen) rows.push(await measure(b, limit));
  console.log(`\n${formatTable(rows)}\n`);
  const counts = causeCounts(rows);
  if (counts.length) {
    console.log("differences by cause:");
    for (const [benchmark, cause, n] of counts) {
      console.log(`  ${String(n).padStart(4)}  ${benchmark}: ${cause}`);
    }
    console.log(`\n${formatDifferences(rows)}\n`);
  } else console.log("no differences\n");
  console.log(
    `total wall time ${
      ((performance.now() - started) / 1000).toFixed(1)
    } s; after: ${await machineLoad()}`,
  );
}
