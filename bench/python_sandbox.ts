/**
 * The Python sandbox at the limit (issue 18): real model answers — Reflexion's recorded GPT-4
 * answers to MBPP (397) or HumanEval (164) from ../shared/datasets — judged by each Python mode,
 * interleaved in rounds over slices of the answers so that a change of load hits every mode
 * alike, with the load before and after and what other processes used meanwhile:
 *
 * (a) cold CPython under bubblewrap: assay strict, one sandboxed python3 per sample;
 * (b) cold Pyodide: assay strict, one sandboxed Deno + Pyodide (snapshot start) per sample — on
 *     every K-th answer only (`--pyodide-every K`, default 8: ~1–2 s a sample);
 * (c) the CPython pool (warm `--serve` hosts under bubblewrap);
 * (d) the Pyodide pool (warm hosts, fresh modules per sample).
 *
 * Prints samples/s per mode, the ratios (c)/(a) and (d)/(b) (a target verdict only on a quiet
 * machine: machine_load.ts), the per-case verdict agreement of every mode with (a) on the
 * answers both ran, and each mode's passes beside Reflexion's own recorded verdicts.
 *
 *   deno task bench python-sandbox [--set mbpp|humaneval] [--limit N] [--rounds R]
 *                                  [--workers W] [--pyodide-every K]
 *
 * @module
 */
import { join } from "node:path";
import { limiter } from "../lib/run/limiter.ts";
import { readReflexionAnswers } from "../lib/model/replay_reflexion.ts";
import { sampleJob } from "../lib/run/sample_job.ts";
import { runPythonSample } from "../lib/sandbox/python.ts";
import { createPythonPool } from "../lib/sandbox/python_pool.ts";
import type { PythonRuntime, SandboxResult } from "../lib/sandbox/sandbox.ts";
import { loadSuite } from "../lib/task/load_suite.ts";
import { formatLoad, interleaved, loadAverage, targetVerdict } from "./machine_load.ts";
import { watchOthers } from "./others_cpu.ts";

const DATA = new URL("../../shared/datasets/", import.meta.url).pathname;
const LIMITS = { timeoutMs: 20_000, caseTimeoutMs: 10_000 };
const SETS = {
  mbpp: {
    answers: "completions/reflexion/mbpp-py_simple_gpt-4.jsonl",
    suite: "completions/reflexion/mbpp-py_simple_gpt-4.jsonl",
  },
  humaneval: {
    answers: "completions/reflexion/humaneval-py_simple_gpt-4_run1.jsonl",
    suite: "humaneval/HumanEval.jsonl",
  },
} as const;

type Mode = "a" | "b" | "c" | "d";
const LABELS: Record<Mode, string> = {
  a: "(a) cold CPython per sample (assay strict, bwrap)",
  b: "(b) cold Pyodide per sample (assay strict, bwrap)",
  c: "(c) CPython pool (bwrap)",
  d: "(d) Pyodide pool (bwrap)",
};

/** Per-case statuses: what the modes must agree on (messages differ between Pythons). */
const statuses = (r: SandboxResult) => r.cases.map((c) => `${c.name}=${c.status}`).join(",");
const allPass = (r: SandboxResult) =>
  r.cases.length > 0 && r.cases.every((c) => c.status === "pass");

/** Run the bench with the arguments after `python-sandbox`. */
export async function pythonSandboxBench(args: string[]): Promise<void> {
  const option = (name: string, fallback: string) => {
    const at = args.indexOf(name);
    return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
  };
  const set = option("--set", "mbpp") as keyof typeof SETS;
  if (!(set in SETS)) {
    console.error(`Cannot run python-sandbox: --set is mbpp or humaneval, not "${set}"`);
    return;
  }
  const files = SETS[set];
  if (!(await Deno.stat(join(DATA, files.answers)).catch(() => null))) {
    console.log(`python-sandbox: skipped, ${DATA}${files.answers} is not here`);
    return;
  }
  const rounds = Number(option("--rounds", "4"));
  const workers = Number(option("--workers", String(navigator.hardwareConcurrency ?? 2)));
  const every = Math.max(1, Number(option("--pyodide-every", "8")));
  const suite = await loadSuite(join(DATA, files.suite));
  const tasks = new Map(suite.tasks.map((t) => [t.id, t]));
  const answers = (readReflexionAnswers(join(DATA, files.answers)) ?? [])
    .filter((a) => tasks.has(a.task))
    .slice(0, Number(option("--limit", "100000")));
  const job = (i: number, python: PythonRuntime) =>
    sampleJob(tasks.get(answers[i].task)!, answers[i].text, { python });
  const n = answers.length;
  const pyodideIndices = answers.map((_, i) => i).filter((i) => i % every === 0);
  const loadBefore = loadAverage();
  const cores = navigator.hardwareConcurrency;
  console.log(
    `python-sandbox: ${n} Reflexion GPT-4 answers (${set}; ${
      answers.filter((a) => a.solved).length
    } solved by Reflexion's harness), ${workers} workers, ${rounds} rounds, cold Pyodide on every ${every}th (${pyodideIndices.length}); ${cores} cores, load average before ${
      formatLoad(loadBefore)
    }`,
  );
  const pools = {
    c: createPythonPool({ size: workers, runtime: "cpython" }),
    d: createPythonPool({ size: workers, runtime: "pyodide" }),
  };
  const run = limiter(workers);
  const skip = Promise.resolve(null);
  const modes: Record<Mode, (i: number) => Promise<SandboxResult | null>> = {
    a: (i) => run(() => runPythonSample(job(i, "cpython"), { ...LIMITS, python: "cpython" })),
    b: (i) =>
      i % every === 0
        ? run(() => runPythonSample(job(i, "pyodide"), { ...LIMITS, python: "pyodide" }))
        : skip,
    c: (i) => pools.c.run(job(i, "cpython"), LIMITS),
    d: (i) => pools.d.run(job(i, "pyodide"), LIMITS),
  };
  let out;
  let others: number | null = null;
  const othersWatch = watchOthers();
  try {
    // Untimed warm-up: the pools' hosts start, Pyodide's snapshot is made.
    await Promise.all([0, 1].flatMap((i) => [modes.b(i * every), modes.c(i), modes.d(i)]));
    out = await interleaved<Record<Mode, SandboxResult | null>>(n, rounds, modes);
  } finally {
    await Promise.all([pools.c.close(), pools.d.close()]);
    others = othersWatch.stop();
  }
  const loadAfter = loadAverage();
  const count: Record<Mode, number> = { a: n, b: pyodideIndices.length, c: n, d: n };
  const rate = (m: Mode) => count[m] / (out[m].ms / 1000);
  for (const m of ["a", "b", "c", "d"] as const) {
    const results = out[m].values.filter((r): r is SandboxResult => r !== null);
    console.log(
      `  ${LABELS[m].padEnd(52)} ${rate(m).toFixed(1).padStart(6)} samples/s  passed ${
        results.filter(allPass).length
      }/${results.length}`,
    );
  }
  console.log(
    `  load average before: ${formatLoad(loadBefore)}; after: ${
      formatLoad(loadAfter)
    }; other processes used ${others?.toFixed(2) ?? "unknown"} of ${cores} cores on average`,
  );
  const load = { before: loadBefore, cores, othersDuring: others };
  for (const [x, y] of [["c", "a"], ["d", "b"], ["d", "a"]] as const) {
    const ratio = rate(x) / rate(y);
    console.log(`  ratio ${x}/${y}: ${ratio.toFixed(1)}  (${targetVerdict(ratio, 6, load)})`);
  }
  const a = out.a.values as SandboxResult[];
  for (const m of ["b", "c", "d"] as const) {
    const both = out[m].values.map((r, i) => [r, i] as const).filter(([r]) => r !== null);
    const differ = both.filter(([r, i]) => statuses(r!) !== statuses(a[i]));
    console.log(
      `  per-case verdicts (${m}) vs (a): identical on ${
        both.length - differ.length
      }/${both.length}${
        differ.length
          ? `; differ on ${
            differ.slice(0, 8).map(([r, i]) =>
              `${answers[i].task} (a ${statuses(a[i])} / ${m} ${statuses(r!)})`
            ).join("; ")
          }`
          : ""
      }`,
    );
  }
  const agreeA = answers.filter((x, i) => allPass(a[i]) === x.solved).length;
  console.log(`  (a) passes agree with Reflexion's recorded is_solved on ${agreeA}/${n}`);
  for (const m of ["c", "d"] as const) {
    const c = pools[m].counts();
    console.log(
      `  (${m}) ${c.pooled} in warm hosts, strict ${
        JSON.stringify(c.strict)
      }, ${c.hostsStarted} hosts started, replaced ${JSON.stringify(c.recycled)}`,
    );
  }
}
