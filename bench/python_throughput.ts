/**
 * Python sandbox throughput on HumanEval's canonical solutions (`deno task bench python-speed
 * [N] [--rounds R]`), in one run, the modes interleaved in rounds (a, b, c, d, a, b, …) so that a
 * change of the machine's load hits all of them, with the load average before and after:
 *
 * (a) EvalPlus's method: one cold CPython process per program (prompt + solution + tests +
 *     `check(entry)`) under bubblewrap, pass = exit 0;
 * (b) assay strict, CPython: one sandboxed python3 per sample, per-case verdicts;
 * (c) assay strict, Pyodide: one sandboxed Deno + Pyodide process per sample (snapshot start);
 * (d) assay pooled, Pyodide: warm hosts, fresh modules per sample (lib/sandbox/python_pool.ts).
 *
 * Prints programs/s per mode, the ratios (d)/(a) (target >= 5) and (d)/(c), whether the per-case
 * verdicts of (b), (c) and (d) are identical, the pool's host replacements, and the peak resident
 * memory of the pool's hosts. A ratio is marked "machine busy" when the load average before the
 * run exceeds the number of cores.
 *
 * @module
 */
import { join } from "node:path";
import { limiter } from "../lib/run/pool.ts";
import { sampleJob } from "../lib/run/sample_job.ts";
import { bwrapArgs } from "../lib/sandbox/isolate.ts";
import { runPythonSample } from "../lib/sandbox/python.ts";
import { createPythonPool } from "../lib/sandbox/python_pool.ts";
import type { SandboxJob, SandboxResult } from "../lib/sandbox/sandbox.ts";
import { loadSuite } from "../lib/task/load.ts";

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

/** Peak resident memory of the pool's hosts (processes running host.ts), MiB, sampled. */
function watchHostMemory(): { stop: () => number } {
  let peak = 0;
  const timer = setInterval(async () => {
    let total = 0;
    for await (const e of Deno.readDir("/proc")) {
      if (!/^\d+$/.test(e.name)) continue;
      try {
        const cmd = await Deno.readTextFile(`/proc/${e.name}/cmdline`);
        if (!cmd.includes("host.ts") || !cmd.includes("deno")) continue;
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

/** Run the bench with the arguments after `python-speed`. */
export async function pythonThroughputBench(args: string[]): Promise<void> {
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 164);
  const roundsAt = args.indexOf("--rounds");
  const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 4;
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
  const jobs = (python: "cpython" | "pyodide"): SandboxJob[] =>
    tasks.map((t) => sampleJob(t, t.referenceSource ?? "", { python }));
  const before = await loadAverage();
  console.log(
    `python-speed: ${tasks.length} HumanEval canonical programs, ${rounds} interleaved rounds, ` +
      `concurrency ${CONCURRENCY}; load average before ${before.join(" ")} on ${CONCURRENCY} cores`,
  );
  const dir = await Deno.makeTempDir({ prefix: "assay-python-speed-" });
  const pool = createPythonPool({ size: CONCURRENCY });
  const memory = watchHostMemory();
  const seconds = { a: 0, b: 0, c: 0, d: 0 };
  const passes = { a: 0 };
  const verdicts: Record<"b" | "c" | "d", (SandboxResult | null)[]> = {
    b: tasks.map(() => null),
    c: tasks.map(() => null),
    d: tasks.map(() => null),
  };
  try {
    // Warm the pool's hosts and make the snapshot before any timing.
    await Promise.all(jobs("pyodide").slice(0, CONCURRENCY).map((j) => pool.run(j, LIMITS)));
    const size = Math.ceil(tasks.length / rounds);
    for (let round = 0; round < rounds; round++) {
      const ids = tasks.map((_, i) => i).slice(round * size, (round + 1) * size);
      const timeMode = async (mode: keyof typeof seconds, fn: (i: number) => Promise<void>) => {
        const run = limiter(CONCURRENCY);
        const t = performance.now();
        await Promise.all(ids.map((i) => run(() => fn(i))));
        seconds[mode] += (performance.now() - t) / 1000;
      };
      await timeMode("a", async (i) => {
        if (await coldCPython(dir, `p${i}`, programs[i])) passes.a++;
      });
      const py = jobs("cpython");
      await timeMode("b", async (i) => {
        verdicts.b[i] = await runPythonSample(py[i], { ...LIMITS, python: "cpython" });
      });
      const pyo = jobs("pyodide");
      await timeMode("c", async (i) => {
        verdicts.c[i] = await runPythonSample(pyo[i], { ...LIMITS, python: "pyodide" });
      });
      await timeMode("d", async (i) => {
        verdicts.d[i] = await pool.run(pyo[i], LIMITS);
      });
    }
  } finally {
    await pool.close();
    await Deno.remove(dir, { recursive: true });
  }
  const peak = memory.stop();
  const after = await loadAverage();
  const rate = (mode: keyof typeof seconds) => tasks.length / seconds[mode];
  const passed = (rs: (SandboxResult | null)[]) =>
    rs.filter((r) => r && r.cases.every((c) => c.status === "pass")).length;
  const line = (label: string, mode: keyof typeof seconds, pass: number) =>
    console.log(
      `  ${label.padEnd(44)} ${
        rate(mode).toFixed(1).padStart(7)
      } programs/s  passed ${pass}/${tasks.length}`,
    );
  line("(a) cold CPython per program, bwrap (EvalPlus)", "a", passes.a);
  line("(b) assay strict, CPython (bwrap)", "b", passed(verdicts.b));
  line("(c) assay strict, Pyodide (bwrap)", "c", passed(verdicts.c));
  line("(d) assay pooled, Pyodide (bwrap)", "d", passed(verdicts.d));
  const busy = before[0] > CONCURRENCY;
  const mark = busy ? "  (machine busy: ratio not comparable)" : "";
  console.log(`ratio (d)/(a): ${(rate("d") / rate("a")).toFixed(2)}  (target >= 5)${mark}`);
  console.log(`ratio (d)/(c): ${(rate("d") / rate("c")).toFixed(2)}${mark}`);
  const same = (x: (SandboxResult | null)[], y: (SandboxResult | null)[]) =>
    x.filter((r, i) =>
      JSON.stringify(r?.cases.map((c) => c.status)) ===
        JSON.stringify(y[i]?.cases.map((c) => c.status))
    ).length;
  console.log(
    `per-case verdicts: (b) vs (c) identical on ${same(verdicts.b, verdicts.c)}/${tasks.length}; ` +
      `(c) vs (d) on ${same(verdicts.c, verdicts.d)}/${tasks.length}`,
  );
  const counts = pool.counts();
  console.log(
    `(d) ran ${counts.pooled} in warm hosts, ${
      Object.values(counts.strict).reduce((a, b) => a + b, 0)
    } strict ${JSON.stringify(counts.strict)}, ${counts.hostsStarted} hosts started, replaced: ${
      JSON.stringify(counts.recycled)
    }; peak host memory ${peak.toFixed(0)} MiB`,
  );
  console.log(`load average after ${after.join(" ")}`);
}
