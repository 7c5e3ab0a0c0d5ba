/**
 * Orchestrator benchmarks (issue: runs that never lose a sample), measured in
 * one run and printed as ratios:
 *
 * 1. loop vs sandbox: samples/s through the whole loop (model request over
 *    loopback HTTP to the zero-latency synthetic profile, extraction, the
 *    sandbox, scoring, two appends) against the sandbox alone on the same code.
 *    A ratio near 1 means the loop is not the bottleneck.
 * 2. cache hits: samples/s when every answer comes from the cache (a stub
 *    executor, so only the orchestrator is measured).
 * 3. memory: resident memory while a large run streams to disk (stub
 *    executor, zero-latency model); it must stay flat as samples accumulate.
 */
import { join } from "node:path";
import { fileCache } from "../lib/model/cache.ts";
import { openaiProvider } from "../lib/model/openai.ts";
import { syntheticProvider } from "../lib/model/synthetic.ts";
import { startSyntheticServer } from "../lib/model/synthetic_server.ts";
import { evaluate } from "../lib/run/evaluate.ts";
import { limiter } from "../lib/run/limiter.ts";
import { runSample } from "../lib/sandbox/deno.ts";
import { loadSuite } from "../lib/task/load_suite.ts";

import { instantPass } from "../lib/run/instant_pass.ts";

const ROOT = new URL("..", import.meta.url).pathname;

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

/** Run the orchestrator benchmarks; `samples` sizes the memory run. */
export async function orchestratorBench(samples = 20_000): Promise<void> {
  const suite = await loadSuite(join(ROOT, "tasks", "builtin"));
  const runsDir = await Deno.makeTempDir({ prefix: "assay-bench-" });

  // 1. The whole loop against the sandbox alone, same code, same worker count.
  const model = syntheticProvider("instant", suite.tasks);
  const n = suite.tasks.length * 2;
  let started = performance.now();
  await evaluate(suite, {
    origin: "bench",
    models: [model],
    runsDir,
    samples: 2,
    isolation: "none",
    resume: false,
    concurrency: 8,
  });
  const loopRate = n / ((performance.now() - started) / 1000);
  await model.close();
  const limit = limiter(4);
  started = performance.now();
  await Promise.all(
    [...suite.tasks, ...suite.tasks].map((t) =>
      limit(() =>
        runSample({
          code: t.referenceSource!,
          testsSource: t.testsSource,
          cases: t.cases,
          entry: t.entry,
        }, {
          isolation: "none",
          timeoutMs: t.timeoutMs,
        })
      )
    ),
  );
  const sandboxRate = n / ((performance.now() - started) / 1000);
  console.log(`loop vs sandbox (${n} samples, isolation none, 4 sandbox workers):`);
  console.log(
    `  whole loop ${loopRate.toFixed(1)} samples/s, sandbox alone ${
      sandboxRate.toFixed(1)
    } samples/s, ratio ${(loopRate / sandboxRate).toFixed(2)}`,
  );

  // 2. Cache hits: a real (non-synthetic) provider against the loopback server, then all from the cache.
  const server = startSyntheticServer(suite.tasks);
  const cache = fileCache(await Deno.makeTempDir({ prefix: "assay-cache-" }));
  const cached = () => openaiProvider("instant", { baseURL: server.baseURL });
  const opts = {
    runsDir,
    samples: 10,
    resume: false,
    cache,
    executor: instantPass,
    concurrency: 16,
  };
  started = performance.now();
  await evaluate(suite, { ...opts, models: [cached()], origin: "bench" });
  const missRate = (suite.tasks.length * 10) / ((performance.now() - started) / 1000);
  started = performance.now();
  await evaluate(suite, { ...opts, models: [cached()], origin: "bench" });
  const hitRate = (suite.tasks.length * 10) / ((performance.now() - started) / 1000);
  await server.close();
  console.log(`cache (${suite.tasks.length * 10} samples, stub executor):`);
  console.log(
    `  first run ${missRate.toFixed(0)} samples/s over HTTP, all hits ${
      hitRate.toFixed(0)
    } samples/s, ratio ${(hitRate / missRate).toFixed(2)}`,
  );

  // 3. Memory while a large run streams to disk.
  const big = syntheticProvider("instant", suite.tasks);
  const perTask = Math.ceil(samples / suite.tasks.length);
  const total = perTask * suite.tasks.length;
  const marks = [0.1, 0.25, 0.5, 0.75, 1];
  const rss: number[] = [];
  let done = 0;
  const gc = (globalThis as { gc?: () => void }).gc;
  started = performance.now();
  await evaluate(suite, {
    origin: "bench",
    models: [big],
    runsDir,
    samples: perTask,
    resume: false,
    executor: instantPass,
    concurrency: 16,
    onSample: () => {
      done++;
      if (rss.length < marks.length && done >= marks[rss.length] * total) {
        gc?.();
        rss.push(Deno.memoryUsage().rss);
      }
    },
  });
  const secs = (performance.now() - started) / 1000;
  await big.close();
  console.log(
    `memory (${total} samples streamed to disk, stub executor, ${
      (total / secs).toFixed(0)
    } samples/s):`,
  );
  console.log(`  rss at ${marks.map((m, i) => `${m * 100}%: ${mib(rss[i])} MiB`).join(", ")}`);
  console.log(
    `  growth from 25% to 100%: ${mib(rss[4] - rss[1])} MiB (${
      ((rss[4] / rss[1] - 1) * 100).toFixed(0)
    }%)`,
  );
  await Deno.remove(runsDir, { recursive: true });
}
