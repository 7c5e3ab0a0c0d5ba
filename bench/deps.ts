/**
 * Declared dependencies in the warm pool: the MBXP TypeScript samples whose task declares npm
 * packages (mathjs, heap-js; ../shared/datasets), each run with its task's dependency store
 * (lib/sandbox/dep_store.ts) by the pool and by the strict runner, interleaved sample by sample
 * (pooled first on even samples, strict first on odd ones), one at a time: per-sample wall time
 * of each, where the pool ran them (in a warm host, or handed to the strict runner and why), and
 * the per-case verdicts compared. Load average before and after.
 *
 *   deno task bench deps [N]     the first N such samples (default all)
 *
 * @module
 */
import { join } from "node:path";
import { runSample } from "../lib/sandbox/deno.ts";
import { bwrapAvailable } from "../lib/sandbox/isolate.ts";
import { createPool } from "../lib/sandbox/pool.ts";
import { poolRoute } from "../lib/sandbox/pool_route.ts";
import type { SandboxJob, SandboxResult } from "../lib/sandbox/sandbox.ts";
import { importMbxp } from "../lib/task/importers/mbxp.ts";
import { formatLoad, loadAverage } from "./machine_load.ts";
import { dependencyStores, mbxpPrograms, programJob } from "./mbxp_samples.ts";

const DATA = new URL("../../shared/datasets/", import.meta.url).pathname;
const LIMITS = { timeoutMs: 10_000, caseTimeoutMs: 2_000 };

const verdict = (r: SandboxResult) => `${r.outcome}:${r.cases.map((c) => c.status).join(",")}`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0
    ? NaN
    : s.length % 2
    ? s[(s.length - 1) / 2]
    : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Benchmark the dependency samples: pooled vs strict, per sample. */
export async function depsBench(limit = Infinity): Promise<void> {
  const loadBefore = loadAverage();
  const suite = await importMbxp(join(DATA, "mxeval/mbtsp_release_v1.2.jsonl"));
  const byTitle = new Map(suite.tasks.map((t) => [t.title.split(" ")[0], t]));
  const progs = (await mbxpPrograms("ts")).filter((p) => byTitle.get(p.id)?.dependencies)
    .slice(0, limit);
  const isolation = (await bwrapAvailable()) ? "bwrap" : "none";
  const stores = await dependencyStores(progs.map((p) => byTitle.get(p.id)!));
  const jobs: SandboxJob[] = progs.map((p) => {
    const task = byTitle.get(p.id)!;
    return { ...programJob(p, task), dependencies: { nodeModules: stores.get(task.id)! } };
  });
  console.log(
    `deps: ${jobs.length} MBXP TypeScript samples whose task declares packages, isolation ${isolation}, ` +
      `${
        new Set(stores.values()).size
      } stores, one sample at a time, pooled and strict interleaved; ${navigator.hardwareConcurrency} cores, load average ${
        formatLoad(loadBefore)
      }`,
  );
  const pool = createPool({ size: 2, isolation });
  const ms = { pooled: [] as number[], strict: [] as number[] };
  const byRoute = {
    pool: { pooled: [] as number[], strict: [] as number[] },
    handed: { pooled: [] as number[], strict: [] as number[] },
  };
  /** Samples in a warm host by what they load there: nothing (stripping removed the import) or a package. */
  const byLoad = new Map<string, { pooled: number[]; strict: number[] }>();
  const differ: string[] = [];
  try {
    // Warm the hosts (not timed).
    await Promise.all([pool.run(jobs[0], LIMITS), pool.run(jobs[jobs.length - 1], LIMITS)]);
    for (let i = 0; i < jobs.length; i++) {
      const timedRun = async (run: () => Promise<SandboxResult>) => {
        const started = performance.now();
        const result = await run();
        return { result, ms: performance.now() - started };
      };
      // Where the pool ran it: in a warm host when its count of pooled samples went up.
      let inHost = false;
      const pooledRun = () =>
        timedRun(async () => {
          const before = pool.stats().pooled;
          const result = await pool.run(jobs[i], LIMITS);
          inHost = pool.stats().pooled > before;
          return result;
        });
      const strictRun = () => timedRun(() => runSample(jobs[i], { isolation, ...LIMITS }));
      let p, s;
      if (i % 2 === 0) {
        p = await pooledRun();
        s = await strictRun();
      } else {
        s = await strictRun();
        p = await pooledRun();
      }
      ms.pooled.push(p.ms);
      ms.strict.push(s.ms);
      const route = inHost ? byRoute.pool : byRoute.handed;
      route.pooled.push(p.ms);
      route.strict.push(s.ms);
      if (inHost) {
        const kept = poolRoute(jobs[i]).kept;
        const what = kept.length === 0
          ? "in a warm host, loading nothing"
          : `in a warm host, loading ${kept.join(", ")}`;
        if (!byLoad.has(what)) byLoad.set(what, { pooled: [], strict: [] });
        byLoad.get(what)!.pooled.push(p.ms);
        byLoad.get(what)!.strict.push(s.ms);
      }
      if (verdict(p.result) !== verdict(s.result)) {
        differ.push(`${progs[i].id} (strict ${verdict(s.result)} / pooled ${verdict(p.result)})`);
      }
    }
  } finally {
    await pool.close();
  }
  const stats = pool.stats();
  const line = (label: string, xs: { pooled: number[]; strict: number[] }) => {
    if (xs.pooled.length === 0) return;
    console.log(
      `  ${label.padEnd(40)} ${String(xs.pooled.length).padStart(3)} samples: pooled mean ${
        mean(xs.pooled).toFixed(1)
      } ms (median ${median(xs.pooled).toFixed(1)}), strict mean ${
        mean(xs.strict).toFixed(1)
      } ms (median ${median(xs.strict).toFixed(1)}); strict/pooled ${
        (mean(xs.strict) / mean(xs.pooled)).toFixed(1)
      }×`,
    );
  };
  line("all", ms);
  line("routed to a warm host", byRoute.pool);
  for (const [what, xs] of [...byLoad].sort()) line(`  ${what}`, xs);
  line("handed to the strict runner", byRoute.handed);
  const handed = Object.entries(stats.strict).sort((a, b) => b[1] - a[1]);
  console.log(
    `  the pool ran ${stats.pooled} in warm hosts (2 of them warm-up), handed ${
      handed.reduce((n, [, k]) => n + k, 0)
    } to the strict runner (${handed.map(([why, k]) => `${why}: ${k}`).join("; ") || "none"})`,
  );
  console.log(
    `  per-case verdicts pooled vs strict: identical on ${
      jobs.length - differ.length
    }/${jobs.length}${differ.length ? `; differ on ${differ.join(", ")}` : ""}`,
  );
  console.log(`  load average after: ${formatLoad(loadAverage())}`);
}
