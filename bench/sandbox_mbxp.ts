/**
 * Sandbox throughput on real programs: the MBXP TypeScript sample
 * completions (prompt + completion + tests) from ../shared/datasets, in one
 * run, same machine, with the verdicts of every mode compared per program:
 *
 * (a) MultiPL-E's method, `tsc --target esnext` then `node`, per program —
 *     only when `typescript` is installed in node_modules (it is not a
 *     dependency; `npm i --no-save typescript` adds it);
 * (b) a pool of cold `deno run` processes on the whole program;
 * (c) assay strict: each sample in the sandbox (Deno, no permissions,
 *     bubblewrap when available), per-case verdicts;
 * (d) assay pooled: the warm pool (lib/sandbox/pool.ts) under the same
 *     isolation; its per-case verdicts are compared with (c)'s.
 *
 * The 57 programs whose task declares packages (mathjs, heap-js) get them as a run gives them:
 * (c) and (d) the task's dependency store, (b) a `node_modules` beside the file that is that
 * store (`--node-modules-dir=manual`), so every mode runs the same programs with the same packages.
 *
 * Then the pool's overhead per sample on an empty program and the peak
 * resident memory of its hosts.
 */
import { join } from "node:path";
import { limiter } from "../lib/run/limiter.ts";
import { runSample } from "../lib/sandbox/deno.ts";
import { createPool } from "../lib/sandbox/pool.ts";
import type { SandboxJob, SandboxResult } from "../lib/sandbox/sandbox.ts";
import { bwrapAvailable } from "../lib/sandbox/isolate.ts";
import { importMbxp } from "../lib/task/importers/mbxp.ts";
import { cpuBudget, sampleTree, type TreeMs, treeMs } from "./tree_cpu.ts";
import { formatLoad, interleaved, loadAverage, slices, targetVerdict } from "./machine_load.ts";
import { descendants, readProcesses, watchOthers } from "./others_cpu.ts";
import {
  dependencyStores,
  EMPTY_JOB,
  mbxpPrograms,
  type Program,
  programJob,
} from "./mbxp_samples.ts";

const DATA = new URL("../../shared/datasets/", import.meta.url).pathname;
const ROOT = new URL("..", import.meta.url).pathname;
/** (c) and (d): a 10 s sample limit and a 2 s limit per test case (per-case verdicts compared). */
const LIMITS = { timeoutMs: 10_000, caseTimeoutMs: 2_000 };

export type { Program } from "./mbxp_samples.ts";

/** The MBXP TypeScript problems that have a sample completion, in file order (the first `limit`). */
export function programs(limit = Infinity): Promise<Program[]> {
  return mbxpPrograms("ts", limit);
}

async function timed<T>(
  label: string,
  n: number,
  fn: () => Promise<T>,
): Promise<{ value: T; rate: number }> {
  const started = performance.now();
  const value = await fn();
  const rate = n / ((performance.now() - started) / 1000);
  console.log(`  ${label.padEnd(44)} ${rate.toFixed(1).padStart(7)} programs/s`);
  return { value, rate };
}

const denoPath = Deno.execPath();

/** Run a whole program file with a command; pass = exit 0 within 10 s. */
async function runFile(cmd: string[], file: string): Promise<boolean> {
  const child = new Deno.Command(cmd[0], {
    args: [...cmd.slice(1), file],
    stdout: "null",
    stderr: "null",
  }).spawn();
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  const status = await child.status;
  clearTimeout(timer);
  return status.success;
}

/** Benchmark the sandbox on MBXP TypeScript samples. */
export async function sandboxMbxpBench(
  limit = 200,
  workers = 4,
  limitA = Math.min(limit, 60),
  rounds = 8,
): Promise<void> {
  const loadBefore = loadAverage();
  const progs = await programs(limit);
  const dir = await Deno.makeTempDir({ prefix: "assay-mbxp-" });
  const limit4 = limiter(workers);
  console.log(
    `MBXP TypeScript sample completions: ${progs.length} programs, ${workers} workers, ${navigator.hardwareConcurrency} cores, load average ${
      formatLoad(loadBefore)
    }`,
  );
  // Each task's declared packages (mathjs, heap-js) as a run gives them: (c) and (d) get the
  // task's dependency store, (b) runs the program beside a node_modules that is that store.
  const suite = await importMbxp(join(DATA, "mxeval/mbtsp_release_v1.2.jsonl"));
  const byTitle = new Map(suite.tasks.map((t) => [t.title.split(" ")[0], t]));
  const stores = await dependencyStores(progs.map((p) => byTitle.get(p.id)!));
  const storeDirs = new Map<string, string>();
  for (const nodeModules of new Set(stores.values())) {
    const storeDir = join(dir, `store${storeDirs.size}`);
    await Deno.mkdir(storeDir);
    await Deno.symlink(nodeModules, join(storeDir, "node_modules"));
    storeDirs.set(nodeModules, storeDir);
  }
  const files = await Promise.all(progs.map(async (p, i) => {
    const source = `${p.prompt}${p.completion}\n${
      p.test.replace(/from\s+'assert'/, "from 'node:assert'")
    }`;
    const store = stores.get(byTitle.get(p.id)!.id);
    const file = join(store ? storeDirs.get(store)! : dir, `p${i}.ts`);
    await Deno.writeTextFile(file, source);
    return file;
  }));
  const results: Record<string, boolean[]> = {};
  let typeErrorsOnly: string[] = [];
  const rates = { a: NaN };
  const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
  if (limitA > 0 && (await Deno.stat(tsc).catch(() => null))?.isFile) {
    // tsc costs seconds per program: (a) runs on the first `limitA` programs (its rate is per
    // program, so the ratios hold; its verdicts are compared on that subset).
    const a = await timed(
      `(a) tsc --target esnext, then node (first ${limitA})`,
      limitA,
      () =>
        Promise.all(
          files.slice(0, limitA).map((f, i) =>
            limit4(async () => {
              const out = join(dir, `a${i}`);
              const compiled = await new Deno.Command("node", {
                args: [tsc, "--target", "esnext", "--module", "commonjs", "--outDir", out, f],
                stdout: "null",
                stderr: "null",
              }).output();
              if (!compiled.success) {
                // MultiPL-E issue #89: tsc refuses programs that would run; does the emitted JS pass?
                const js = join(out, `p${i}.js`);
                const emitted = await Deno.stat(js).then(() => true, () => false);
                return emitted && await runFile(["node"], js) ? "type errors only" : false;
              }
              return runFile(["node"], join(out, `p${i}.js`));
            })
          ),
        ),
    );
    typeErrorsOnly = progs.slice(0, limitA).filter((_, i) => a.value[i] === "type errors only")
      .map((p) => p.id);
    results["(a)"] = a.value.map((v) => v === true);
    rates.a = a.rate;
  } else {console.log(
      limitA > 0
        ? "  (a) skipped: typescript is not in node_modules (npm i --no-save typescript)"
        : "  (a) skipped (Na = 0)",
    );}
  const isolation = (await bwrapAvailable()) ? "bwrap" : "none";
  const jobs: SandboxJob[] = progs.map((p) => {
    const task = byTitle.get(p.id)!;
    const nodeModules = stores.get(task.id);
    return { ...programJob(p, task), ...(nodeModules ? { dependencies: { nodeModules } } : {}) };
  });
  // (b), (d) and (c) interleaved in rounds over slices of the programs: a change of load during
  // the run hits each mode alike. The pool's first round includes its hosts' start.
  const pool = createPool({ size: workers, isolation });
  const memory = watchHostMemory();
  const bRun = (i: number) =>
    limit4(() =>
      runFile(
        [
          denoPath,
          "run",
          "--no-config",
          jobs[i].dependencies ? "--node-modules-dir=manual" : "--no-npm",
          "--no-remote",
          "--cached-only",
        ],
        files[i],
      )
    );
  let modes;
  // The highest 1-min load average seen between rounds: this bench's own workers, hosts and
  // sandboxes push it past the cores by themselves, so it is shown, not judged. What other
  // processes used is judged instead (others_cpu.ts).
  let peakDuring: number | null = loadBefore?.[0] ?? null;
  let overheadMs: number;
  let stats: ReturnType<typeof pool.stats>;
  const othersWatch = watchOthers();
  const roundsStarted = performance.now();
  let roundsMs = 0;
  let others: number | null = null;
  // The CPU time (b)'s and (d)'s turns took, this bench's tree's own (tree_cpu.ts): (c)'s strict
  // runs end inside bubblewrap's PID namespace, where their time reaches no parent of ours.
  const cpu: Record<"b" | "d", TreeMs[]> = { b: [], d: [] };
  try {
    modes = await interleaved(progs.length, rounds, {
      b: bRun,
      d: (i: number) => pool.run(jobs[i], LIMITS),
      c: (i: number) => limit4(() => runSample(jobs[i], { isolation, ...LIMITS })),
    }, () => {
      const now = loadAverage();
      peakDuring = now === null || peakDuring === null ? null : Math.max(peakDuring, now[0]);
    }, (mode) => {
      if (mode === "c") return () => {};
      const before = sampleTree();
      return () => {
        const after = sampleTree();
        if (before !== null && after !== null) cpu[mode].push(treeMs(before, after, Deno.pid));
      };
    });
    roundsMs = performance.now() - roundsStarted;
    stats = pool.stats();
    overheadMs = await emptyProgramMs(pool);
  } finally {
    await pool.close();
    memory.stop();
    others = othersWatch.stop();
  }
  const loadAfter = loadAverage();
  const rate = (ms: number) => progs.length / (ms / 1000);
  const b = { value: modes.b.values, rate: rate(modes.b.ms) };
  const c = { value: modes.c.values, rate: rate(modes.c.ms) };
  const d = { value: modes.d.values, rate: rate(modes.d.ms) };
  const sliceList = slices(progs.length, rounds);
  const sliced = sliceList.length;
  console.log(`  (b), (d), (c) interleaved in ${sliced} rounds:`);
  for (
    const [label, r] of [
      ["(b) cold deno run per program", b.rate],
      [`(c) assay strict (${isolation})`, c.rate],
      [`(d) assay pooled (${isolation})`, d.rate],
    ] as const
  ) console.log(`  ${label.padEnd(44)} ${r.toFixed(1).padStart(7)} programs/s`);
  console.log(
    `  load average before: ${formatLoad(loadBefore)}; after: ${formatLoad(loadAfter)}`,
  );
  console.log(
    `  during the rounds (${(roundsMs / 1000).toFixed(1)} s): highest 1-min load ${
      peakDuring?.toFixed(2) ?? "unknown"
    } (this bench's own ${workers} workers, hosts and sandboxes included: not judged); other processes used ${
      others?.toFixed(2) ?? "unknown"
    } of ${navigator.hardwareConcurrency} cores on average (processes outside this bench's tree, sampled every 0.5 s)`,
  );
  const load = { before: loadBefore, cores: navigator.hardwareConcurrency, othersDuring: others };
  results["(b)"] = b.value;
  const allPass = (r: SandboxResult) => r.cases.every((x) => x.status === "pass");
  results["(c)"] = c.value.map(allPass);
  results["(d)"] = d.value.map(allPass);
  if (results["(a)"]) {
    console.log(
      `  ratio (d)/(a): ${(d.rate / rates.a).toFixed(1)}  (${
        targetVerdict(d.rate / rates.a, 100, load)
      }; (a) ran before the rounds)`,
    );
  }
  console.log(
    `  ratio (d)/(b): ${(d.rate / b.rate).toFixed(1)}  (${
      targetVerdict(d.rate / b.rate, 6, load)
    })`,
  );
  console.log(
    `  ratio (c)/(b): ${(c.rate / b.rate).toFixed(2)}  (${
      targetVerdict(c.rate / b.rate, 0.7, load)
    })`,
  );
  // The same without the first round, whose (d) includes starting the hosts, reading the
  // declared packages' graphs and Deno's listing of their facades (once per run): for context,
  // not judged.
  if (sliceList.length > 1) {
    const later = progs.length - (sliceList[0][1] - sliceList[0][0]);
    const laterRate = (ms: number[]) => later / (ms.slice(1).reduce((x, y) => x + y, 0) / 1000);
    const [bLater, dLater] = [laterRate(modes.b.roundMs), laterRate(modes.d.roundMs)];
    console.log(
      `  after the first round (warm hosts, package graphs read): (b) ${bLater.toFixed(1)}, (d) ${
        dLater.toFixed(1)
      } programs/s, (d)/(b) ${(dLater / bLater).toFixed(1)}; (d)'s first round ${
        modes.d.roundMs[0].toFixed(0)
      } ms for ${sliceList[0][1] - sliceList[0][0]} programs (not judged)`,
    );
    const perRound = (ms: number[]) => ms.map((x) => x.toFixed(0)).join(", ");
    console.log(
      `  per round, ms: (b) ${perRound(modes.b.roundMs)}; (d) ${perRound(modes.d.roundMs)}`,
    );
  }
  for (const line of cpuBudget(cpu, modes, { programs: progs.length, bRate: b.rate })) {
    console.log(`  ${line}`);
  }
  const handedBack = Object.entries(stats.strict).sort((x, y) => y[1] - x[1]);
  console.log(
    `  (d) ran ${stats.pooled} in the pool, ${stats.timeouts} timed out there, handed ${
      handedBack.reduce((n, [, k]) => n + k, 0)
    } to the strict runner (${
      handedBack.map(([why, k]) => `${why}: ${k}`).join("; ")
    }), ${stats.hostsStarted} hosts started`,
  );
  // Whether the package graphs were scanned in this run or kept on disk by an earlier one.
  console.log(
    `  (d) package graphs: ${
      Object.entries(stats.packageGraphs ?? {}).map(([p, how]) => `${p}: ${how}`).join("; ") ||
      "none"
    } ("from disk": kept beside the store by an earlier run; "made": scanned in this one)`,
  );
  console.log(
    `  (d) overhead per sample on an empty program: ${overheadMs.toFixed(2)} ms; peak host RSS ${
      memory.peakMb().toFixed(0)
    } MiB over ${workers} hosts`,
  );
  const verdict = (r: SandboxResult) => `${r.outcome}:${r.cases.map((x) => x.status).join(",")}`;
  const caseDiffs = progs.filter((_, i) => verdict(c.value[i]) !== verdict(d.value[i]));
  console.log(
    `  per-case verdicts (c) vs (d): identical on ${
      progs.length - caseDiffs.length
    }/${progs.length}${
      caseDiffs.length
        ? `; differ on ${
          caseDiffs.map((p) => {
            const i = progs.indexOf(p);
            return `${p.id} (c ${verdict(c.value[i])} / d ${verdict(d.value[i])})`;
          }).join(", ")
        }`
        : ""
    }`,
  );
  for (const [mode, verdicts] of Object.entries(results)) {
    const passed = verdicts.filter(Boolean).length;
    const differ = verdicts.map((v, i) => (v === results["(b)"][i] ? null : progs[i].id)).filter(
      Boolean,
    );
    console.log(
      `  ${mode} passes ${passed}/${verdicts.length}; differs from (b) on ${differ.length}${
        differ.length ? `: ${differ.slice(0, 12).join(", ")}` : ""
      }`,
    );
  }
  if (results["(a)"]) {
    const correct = typeErrorsOnly.filter((id) =>
      results["(b)"][progs.findIndex((p) => p.id === id)]
    );
    console.log(
      `  (a) fails ${correct.length} programs that pass (b) on type errors alone (tsc exit code; the emitted JS passes)${
        correct.length ? `: ${correct.slice(0, 12).join(", ")}` : ""
      }`,
    );
  }
  await Deno.remove(dir, { recursive: true });
}

/** Mean wall time of a sample whose code and tests do nothing, run one at a time. */
async function emptyProgramMs(pool: ReturnType<typeof createPool>): Promise<number> {
  const job = EMPTY_JOB;
  for (let i = 0; i < 20; i++) await pool.run(job);
  const n = 200;
  const started = performance.now();
  for (let i = 0; i < n; i++) await pool.run(job);
  return (performance.now() - started) / n;
}

/**
 * Samples the resident memory of this bench's pool hosts (its descendants whose command line
 * runs pool_host.ts; another bench's hosts on the machine are not counted) every 100 ms.
 */
function watchHostMemory(): { stop(): void; peakMb(): number } {
  let peak = 0;
  const sample = () => {
    let total = 0;
    for (const pid of descendants(readProcesses() ?? [], Deno.pid)) {
      try {
        const cmd = Deno.readTextFileSync(`/proc/${pid}/cmdline`);
        if (!cmd.includes("pool_host.js") || cmd.startsWith("bwrap") || cmd.startsWith("prlimit")) {
          continue;
        }
        const rss = /VmRSS:\s+(\d+) kB/.exec(Deno.readTextFileSync(`/proc/${pid}/status`));
        if (rss) total += Number(rss[1]) / 1024;
      } catch { /* gone */ }
    }
    peak = Math.max(peak, total);
  };
  const timer = setInterval(sample, 100);
  return { stop: () => clearInterval(timer), peakMb: () => peak };
}
