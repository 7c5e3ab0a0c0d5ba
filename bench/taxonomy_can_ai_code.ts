/**
 * The failure taxonomy on real model answers: the JavaScript answers of can-ai-code
 * (../shared/datasets/completions beside the checkout, MIT, read at run time and never copied into the repository).
 * The tasks are what users get: `importCanAiCode()` (lib/task/importers/can_ai_code.ts), one
 * `core` case per check; each answer's job is built by `sampleJob()` as in a run and runs in the
 * sandbox (isolation "none", 4 at a time); failures are classified, and the bench prints the
 * category distribution per model family and the agreement of pass/fail with can-ai-code's own
 * status.
 *
 * Measured (all 5,916 answers, --timeout 10000, load ~12 on 2 cores): pass/fail agrees with
 * can-ai-code on 5,868 (99.2%). The rest: 44 answers upstream failed on f.name / f.args because
 * its regular expression takes the first function (a helper `gcd` above `fofx`), where assay takes
 * the function named as the entry; 3 answers upstream passed whose only function has another name
 * (`fibonacci` for `fib`: upstream calls it anyway, assay reports the entry missing); 1 timeout
 * under load (passes when rerun).
 *
 *   deno run -A bench/taxonomy_can_ai_code.ts                 a seeded sample of 1,500 answers
 *   deno run -A bench/taxonomy_can_ai_code.ts --all           every JavaScript answer
 *   deno run -A bench/taxonomy_can_ai_code.ts --limit 300 --spot 30
 *        --spot N prints N seeded-random failures with their code and evidence (for a human check)
 *        --show N lists N pass/fail disagreements (default 20)
 *
 * @module
 */
import { limiter } from "../lib/run/limiter.ts";
import { sampleJob } from "../lib/run/sample_job.ts";
import { withAnswerNames } from "../lib/run/answer_names_job.ts";
import { runSample } from "../lib/sandbox/deno.ts";
import { classifyFailure } from "../lib/score/taxonomy.ts";
import { FailureCategory, type FailureClassification } from "../lib/record/failure.ts";
import { importCanAiCode } from "../lib/task/importers/can_ai_code.ts";

const DATA = new URL("../../shared/datasets/completions", import.meta.url).pathname;

interface Answer {
  model: string;
  task: string;
  language: string;
  code: string | null;
  status: string;
  checks?: { assert: string; status: number }[] | null;
}

const args = parseArgs(Deno.args);
const suite = await importCanAiCode(`${DATA}/can-ai-code-tasks.json`);
const built = new Map(suite.tasks.map((t) => [t.title, t]));
const answers = (await readJsonl(`${DATA}/can-ai-code-results.jsonl.gz`))
  .filter((a) => a.language === "javascript" && built.has(a.task));
const chosen = args.all ? answers : seededSample(answers, args.limit, 20240626);
console.log(
  `can-ai-code JavaScript answers: ${answers.length}; running ${chosen.length} (${
    args.all ? "all" : `seeded sample, --limit ${args.limit}`
  }), isolation "none", concurrency 4, timeout ${args.timeoutMs} ms`,
);

const limit = limiter(4);
const started = performance.now();
let done = 0;
const results = await Promise.all(chosen.map((a) =>
  limit(async () => {
    const task = built.get(a.task)!;
    const code = a.code?.trim() ? a.code : null;
    const run = code === null ? null : await runSample(
      await withAnswerNames(sampleJob(task, code)),
      { isolation: "none", timeoutMs: args.timeoutMs, outputCapBytes: 200_000 },
    );
    const classification = classifyFailure({
      code,
      outcome: run?.outcome ?? "no_code",
      detail: run?.detail ?? "",
      cases: run?.cases ?? task.cases.map((c) => ({ ...c, status: "missing", message: "no code" })),
      stderr: run?.stderr ?? "",
      entry: task.entry,
      testsSource: task.testsSource,
    });
    if (++done % 250 === 0) console.log(`  ${done}/${chosen.length}`);
    const failing = (run?.cases ?? []).filter((c) => c.status !== "pass").map((c) =>
      `${c.name.split(":")[0]}(${c.status})`
    );
    return { answer: a, classification, failing };
  })
));
const seconds = (performance.now() - started) / 1000;
console.log(
  `ran ${chosen.length} answers in ${seconds.toFixed(0)} s (${
    (chosen.length / seconds).toFixed(1)
  }/s)`,
);

// ── distribution per model family ──────────────────────────────────────────────
const FAMILIES = [
  "gpt-4*",
  "gpt-3.5*",
  "claude*",
  "llama*",
  "mistral*",
  "qwen*",
  "deepseek*",
  "other",
];
const columns = ["pass", ...FailureCategory.options];
const counts = new Map(FAMILIES.map((f) => [f, new Map(columns.map((c) => [c, 0]))]));
for (const r of results) {
  const row = counts.get(family(r.answer.model))!;
  const key = r.classification?.category ?? "pass";
  row.set(key, row.get(key)! + 1);
}
const short: Record<string, string> = {
  wrong_interface: "iface",
  hallucinated_api: "halluc",
  misunderstanding: "misund",
};
const head = ["family", "n", ...columns.map((c) => short[c] ?? c)];
const body = FAMILIES.map((f) => {
  const row = counts.get(f)!;
  const n = [...row.values()].reduce((a, b) => a + b, 0);
  return [f, String(n), ...columns.map((c) => String(row.get(c)))];
});
const total = [
  "all",
  String(results.length),
  ...columns.map((c) => String(body.reduce((s, r) => s + Number(r[columns.indexOf(c) + 2]), 0))),
];
console.log("\ncategory per model family (primary category; pass = every case passed):");
printTable([head, ...body, total]);

// ── agreement with can-ai-code's own status ────────────────────────────────────
const theirs = ["PASS", "FAIL", "NO_FUNCTION", "NO_CODE"];
console.log("\nours (rows) vs can-ai-code status (columns):");
const agree = [["ours \\ theirs", ...theirs]];
for (const ours of ["pass", "fail"]) {
  agree.push([
    ours,
    ...theirs.map((s) =>
      String(
        results.filter((r) =>
          (r.classification ? "fail" : "pass") === ours && r.answer.status === s
        )
          .length,
      )
    ),
  ]);
}
printTable(agree);
const same =
  results.filter((r) => (r.classification === null) === (r.answer.status === "PASS")).length;
console.log(
  `pass/fail agreement: ${same}/${results.length} (${((100 * same) / results.length).toFixed(1)}%)`,
);
const disagreements = results.filter((r) =>
  (r.classification === null) !== (r.answer.status === "PASS")
);
console.log(
  `\npass/fail disagreements (${disagreements.length}; their failing checks, our failing cases):`,
);
for (const r of disagreements.slice(0, args.show)) {
  const failed = (r.answer.checks ?? []).filter((c) => c.status !== 1).map((c) => c.assert);
  console.log(
    `  ${r.answer.task} · ${r.answer.model} · theirs ${r.answer.status} [${failed.join("; ")}]` +
      ` · ours ${r.classification?.category ?? "pass"} [${r.failing.join(", ")}]`,
  );
}
console.log("\nprimary category by can-ai-code status:");
printTable([
  ["status", "n", ...columns.map((c) => short[c] ?? c)],
  ...theirs.map((s) => {
    const rows = results.filter((r) => r.answer.status === s);
    return [
      s,
      String(rows.length),
      ...columns.map((c) =>
        String(rows.filter((r) => (r.classification?.category ?? "pass") === c).length)
      ),
    ];
  }),
]);

// ── spot check ─────────────────────────────────────────────────────────────────
if (args.spot > 0) {
  const failed = results.filter((r) => r.classification !== null);
  const picked = seededSample(failed, args.spot, 7);
  console.log(`\n${picked.length} seeded-random failures for a human check:`);
  for (const [k, r] of picked.entries()) {
    const c = r.classification as FailureClassification;
    console.log(
      `\n#${
        k + 1
      } ${r.answer.model} · ${r.answer.task} · theirs ${r.answer.status} · ours ${c.category}${
        c.secondary.length ? ` (+${c.secondary.join(", ")})` : ""
      }`,
    );
    for (const e of c.evidence) {
      console.log(`   [${e.category}/${e.source}] ${e.text.slice(0, 240)}`);
    }
    console.log((r.answer.code ?? "").split("\n").slice(0, 40).map((l) => `   | ${l}`).join("\n"));
  }
}

// ── helpers ────────────────────────────────────────────────────────────────────

function family(model: string): string {
  const m = model.toLowerCase();
  if (/gpt-?4|\bo1\b|o1-/.test(m)) return "gpt-4*";
  if (/gpt-?3\.5/.test(m)) return "gpt-3.5*";
  if (m.includes("claude")) return "claude*";
  if (m.includes("llama")) return "llama*";
  if (/mistral|mixtral|codestral/.test(m)) return "mistral*";
  if (m.includes("qwen")) return "qwen*";
  if (m.includes("deepseek")) return "deepseek*";
  return "other";
}

async function readJsonl(path: string): Promise<Answer[]> {
  const file = await Deno.open(path);
  const text = await new Response(file.readable.pipeThrough(new DecompressionStream("gzip")))
    .text();
  return text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Answer);
}

/** A deterministic sample of `n` items (a seeded Fisher–Yates shuffle, then the first n). */
function seededSample<T>(items: readonly T[], n: number, seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out.slice(0, Math.min(n, out.length));
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, k) => Math.max(...rows.map((r) => r[k].length)));
  for (const r of rows) {
    console.log(
      r.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join("  "),
    );
  }
}

function parseArgs(argv: string[]) {
  const value = (name: string, fallback: number) => {
    const k = argv.indexOf(name);
    return k >= 0 ? Number(argv[k + 1]) : fallback;
  };
  return {
    all: argv.includes("--all"),
    limit: value("--limit", 1500),
    spot: value("--spot", 0),
    show: value("--show", 20),
    timeoutMs: value("--timeout", 3000),
  };
}
