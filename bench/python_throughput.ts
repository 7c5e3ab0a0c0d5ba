/**
 * Python sandbox throughput on HumanEval's canonical solutions (`deno task bench python-speed
 * [N] [--rounds R]`), in one run, the modes interleaved in rounds (a, b, c, d, a, b, …) so that a
 * change of the machine's load hits all of them, with the load average before and after:
 *
 * (a) EvalPlus's method: one cold CPython process per program (prompt + solution + tests +
 *     `check(entry)`) under bubblewrap, pass = exit 0;
 * (b) assay strict, CPython: one sandboxed python3 per sample, per-case verdicts;
 * (c) assay strict, Pyodide: one sandboxed Deno + Pyodide process per sample (snapshot start);
 * (d) assay pooled, Pyodide: warm hosts, fresh modules per sample (lib/sandbox/python_pool.ts);
 * (e) assay pooled, CPython: warm `harness.py --serve` hosts under bubblewrap (the same pool).
 *
 * `--samples K` judges each program K times, as K samples of its task (a run's usual shape: a
 * warm host compiles a task's tests once). `--modes a,b,d,e` leaves modes out ((c) costs ~2 s a
 * program). Prints programs/s per mode, the ratios (e)/(a) and (d)/(a) (target >= 5) and (d)/(c),
 * whether the per-case verdicts of the assay modes are identical, the pools' host replacements,
 * and the peak resident memory of the pools' hosts. A ratio is marked "machine busy" when the
 * load average before the run exceeds the number of cores.
 *
 * @module
 */
import { join } from "node:path";
import { limiter } from "../lib/run/limiter.ts";
import { sampleJob } from "../lib/run/sample_job.ts";
import { bwrapArgs } from "../lib/sandbox/isolate.ts";
import { runPythonSample } from "../lib/sandbox/python.ts";
import { createPythonPool } from "../lib/sandbox/python_pool.ts";
import type { SandboxResult } from "../lib/sandbox/sandbox.ts";
import { loadSuite } from "../lib/task/load_suite.ts";

const DATA = new URL("../../shared/datasets/", import.meta.url).pathname;
const LIMITS = { timeoutMs: 20_000, caseTimeoutMs: 10_000 };
const CONCURRENCY = navigator.hardwareConcurrency ?? 2;

async function loadAverage(): Promise<number[]> {
  const text = await Deno.readTextFile("/proc/loadavg").catch(() => "0 0 0");
  return text.split(" ").slice(0, 3).map(Number);
}

/** EvalPlus's way: the whole program in a fresh python3 under bubblewrap; pass = exit 0. */
async function coldCPython(dir: string, name: string, source: string): Promise<boolean> {
  const file = join(dir, `${name}.py`);
  await Deno.writeTextFile(file, source);
  const argv = [
    ...bwrapArgs({ denoPath: Deno.execPath(), jobDir: dir, jobReadOnly: true, env: {} }),
    "/usr/bin/python3",
    "-I",
    `/job/${name}.py`,
  ];
  const child = new Deno.Command(argv[0], {
    args: argv.slice(1),
    stdout: "null",
    stderr: "null",
    clearEnv: true,
  }).spawn();
  const timer = setTimeout(() => child.kill("SIGKILL"), LIMITS.timeoutMs);
  const { success } = await child.status;
  clearTimeout(timer);
  return success;
}

/** Peak resident memory of the pools' hosts (host.ts or `harness.py --serve`), MiB, sampled. */
function watchHostMemory(): { stop: () => number } {
  let peak = 0;
  const timer = setInterval(async () => {
    let total = 0;
    for await (const e of Deno.readDir("/proc")) {
      if (!/^\d+$/.test(e.name)) continue;
      try {
        const cmd = await Deno.readTextFile(`/proc/${e.name}/cmdline`);
        const host = (cmd.includes("host.ts") && cmd.includes("deno")) ||
          (cmd.includes("--serve") && cmd.startsWith("/usr/bin/python3"));
        if (!host) continue;
        const status = await Deno.readTextFile(`/proc/${e.name}/status`);
        total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      } catch { /* gone */ }
    }
    peak = Math.max(peak, total);
  }, 250);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

type Mode = "a" | "b" | "c" | "d" | "e";
const LABELS: Record<Mode, string> = {
  a: "(a) cold CPython per program, bwrap (EvalPlus)",
  b: "(b) assay strict, CPython (bwrap)",
  c: "(c) assay strict, Pyodide (bwrap)",
  d: "(d) assay pooled, Pyodide (bwrap)",
  e: "(e) assay pooled, CPython (bwrap)",
};

/** Run the bench with the arguments after `python-speed`. */
export async function pythonThroughputBench(args: string[]): Promise<void> {
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 164);
  const rounds = Number(option("--rounds") ?? 4);
  const samples = Number(option("--samples") ?? 1);
  const modes = (option("--modes") ?? "a,b,c,d,e").split(",") as Mode[];
  if (!(await Deno.stat(join(DATA, "humaneval")).catch(() => null))) {
    console.log(`python-speed: skipped, ${DATA}humaneval is not here`);
    return;
  }
  const suite = await loadSuite(join(DATA, "humaneval/HumanEval.jsonl"));
  const records = (await Deno.readTextFile(join(DATA, "humaneval/HumanEval.jsonl"))).split("\n")
    .filter((l) => l.trim()).map((l) => JSON.parse(l));
  const tasks = suite.tasks.slice(0, n);
  const programs = tasks.map((t) => {
    const r = records.find((x) => x.task_id === t.title.split(" ")[0])!;
    return `${r.prompt}${r.canonical_solution}\n${r.test}\ncheck(${r.entry_point})\n`;
  });
  const jobs = {
    cpython: tasks.map((t) => sampleJob(t, t.referenceSource ?? "", { python: "cpython" })),
    pyodide: tasks.map((t) => sampleJob(t, t.referenceSource ?? "", { python: "pyodide" })),
  };
  const total = tasks.length * samples;
  const before = await loadAverage();
  console.log(
    `python-speed: ${tasks.length} HumanEval canonical programs × ${samples} sample(s), ` +
      `${rounds} interleaved rounds, concurrency ${CONCURRENCY}; ` +
      `load average before ${before.join(" ")} on ${CONCURRENCY} cores`,
  );
  const dir = await Deno.makeTempDir({ prefix: "assay-python-speed-" });
  const pools = {
    d: createPythonPool({ size: CONCURRENCY, runtime: "pyodide" }),
    e: createPythonPool({ size: CONCURRENCY, runtime: "cpython" }),
  };
  const memory = watchHostMemory();
  const seconds: Record<Mode, number> = { a: 0, b: 0, c: 0, d: 0, e: 0 };
  let passedA = 0;
  /** The first sample's verdicts of each program, per assay mode. */
  const verdicts: Record<Mode, (SandboxResult | null)[]> = {
    a: [],
    b: tasks.map(() => null),
    c: tasks.map(() => null),
    d: tasks.map(() => null),
    e: tasks.map(() => null),
  };
  const runOne: Record<Mode, (i: number) => Promise<SandboxResult | null>> = {
    a: async (i) => {
      if (await coldCPython(dir, `p${i}`, programs[i])) passedA++;
      return null;
    },
    b: (i) => runPythonSample(jobs.cpython[i], { ...LIMITS, python: "cpython" }),
    c: (i) => runPythonSample(jobs.pyodide[i], { ...LIMITS, python: "pyodide" }),
    d: (i) => pools.d.run(jobs.pyodide[i], LIMITS),
    e: (i) => pools.e.run(jobs.cpython[i], LIMITS),
  };
  try {
    // Warm the pools' hosts (and make Pyodide's snapshot) before any timing.
    for (const pooled of ["d", "e"] as const) {
      if (!modes.includes(pooled)) continue;
      await Promise.all(tasks.slice(0, CONCURRENCY).map((_, i) => runOne[pooled](i)));
    }
    const size = Math.ceil(tasks.length / rounds);
    for (let round = 0; round < rounds; round++) {
      const ids = tasks.map((_, i) => i).slice(round * size, (round + 1) * size);
      const work = ids.flatMap((i) => Array.from({ length: samples }, () => i));
      for (const mode of modes) {
        const run = limiter(CONCURRENCY);
        const t = performance.now();
        await Promise.all(work.map((i) =>
          run(async () => {
            const r = await runOne[mode](i);
            if (r !== null) verdicts[mode][i] ??= r;
          })
        ));
        seconds[mode] += (performance.now() - t) / 1000;
      }
    }
  } finally {
    await Promise.all([pools.d.close(), pools.e.close()]);
    await Deno.remove(dir, { recursive: true });
  }
  const peak = memory.stop();
  const after = await loadAverage();
  const rate = (mode: Mode) => total / seconds[mode];
  const passed = (rs: (SandboxResult | null)[]) =>
    rs.filter((r) => r && r.cases.every((c) => c.status === "pass")).length;
  for (const mode of modes) {
    const pass = mode === "a" ? `${passedA}/${total}` : `${passed(verdicts[mode])}/${tasks.length}`;
    console.log(
      `  ${LABELS[mode].padEnd(44)} ${rate(mode).toFixed(1).padStart(7)} samples/s  passed ${pass}`,
    );
  }
  const busy = before[0] > CONCURRENCY;
  const mark = busy ? "  (machine busy: ratio not comparable)" : "";
  const ratio = (x: Mode, y: Mode, target = "") => {
    if (modes.includes(x) && modes.includes(y)) {
      console.log(`ratio ${x}/${y}: ${(rate(x) / rate(y)).toFixed(2)}${target}${mark}`);
    }
  };
  ratio("e", "a", "  (target >= 5)");
  ratio("d", "a", "  (target >= 5)");
  ratio("d", "c");
  const key = (r: SandboxResult | null) =>
    JSON.stringify(r?.cases.map((c) => [c.status, c.message]));
  const assayModes = modes.filter((m) => m !== "a");
  for (const m of assayModes.slice(1)) {
    const same = tasks.filter((_, i) => key(verdicts[assayModes[0]][i]) === key(verdicts[m][i]));
    console.log(
      `per-case verdicts (${assayModes[0]}) vs (${m}): identical on ${same.length}/${tasks.length}`,
    );
  }
  for (const pooled of ["d", "e"] as const) {
    if (!modes.includes(pooled)) continue;
    const counts = pools[pooled].counts();
    const strict = Object.values(counts.strict).reduce((a, b) => a + b, 0);
    // The pool also ran the untimed warm-up samples (one per host): said, so the sum is plain.
    const warmUp = Math.min(CONCURRENCY, tasks.length);
    console.log(
      `(${pooled}) of ${total + warmUp} samples (${total} timed + ${warmUp} warm-up): ` +
        `${counts.pooled} in warm hosts, ${strict} strict ${JSON.stringify(counts.strict)}, ` +
        `${counts.hostsStarted} hosts started, replaced: ${JSON.stringify(counts.recycled)}`,
    );
  }
  console.log(`peak memory of the pools' hosts ${peak.toFixed(0)} MiB`);
  console.log(`load average after ${after.join(" ")}`);
}
