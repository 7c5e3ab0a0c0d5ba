/**
 * assay's side of the agreement: what a user gets from `./assay eval --suite <benchmark file>
 * --model replay:<answers.jsonl>`. The benchmark file is loaded as `--suite` loads it (its
 * importer), the recorded answers are written as a replay file and served by the replay
 * provider, and the whole `evaluate()` runs them: code extracted as for any model, each job
 * built by `sampleJob()`, limits from the references, declared dependencies from their stores,
 * the warm pool under bubblewrap when available.
 *
 * @module
 */
import { join } from "node:path";
import { replayProvider } from "../../lib/model/replay.ts";
import type { ResultRecord } from "../../lib/record/result.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { bwrapAvailable } from "../../lib/sandbox/isolate.ts";
import { packageCheck } from "../../lib/score/package_check.ts";
import type { Suite } from "../../lib/task/schema.ts";
import type { PythonRuntime } from "../../lib/sandbox/sandbox.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

/** One recorded answer to replay: which task and sample it answers, and its text. */
export interface Answer {
  /** assay's task id (the importer's). */
  task: string;
  /** Its sample index within the task (0, 1, …). */
  sample: number;
  /** The answer as a model would give it. */
  text: string;
}

/** assay's record of one answer: its result, and the code it extracted from the answer. */
export interface AssayResult {
  /** The result record, as `results.jsonl` holds it. */
  result: ResultRecord;
  /** The generation's extracted code (null: none). */
  code: string | null;
}

/** The key of a task's sample in the returned map. */
export const answerKey = (task: string, sample: number): string => `${task}#${sample}`;

/**
 * Evaluate `answers` against `suite` (only the tasks they answer) with the replay provider and
 * return every answer's result record by {@link answerKey}. Runs go to a temporary run store.
 */
export async function assayResults(
  suite: Suite,
  answers: readonly Answer[],
  options: { label: string; python?: PythonRuntime },
): Promise<Map<string, AssayResult>> {
  const answered = new Set(answers.map((a) => a.task));
  const tasks = suite.tasks.filter((t) => answered.has(t.id));
  const unknown = [...answered].filter((id) => !tasks.some((t) => t.id === id));
  if (unknown.length) {
    throw new Error(
      `Cannot evaluate ${options.label}: ${unknown.length} answered task(s) are not in the suite (${
        unknown.slice(0, 5).join(", ")
      })`,
    );
  }
  const samples = Math.max(...answers.map((a) => a.sample)) + 1;
  const work = await Deno.makeTempDir({ prefix: "assay-agreement-" });
  try {
    const file = join(work, "answers.jsonl");
    await Deno.writeTextFile(
      file,
      answers.map((a) => JSON.stringify({ task: a.task, sample: a.sample, text: a.text })).join(
        "\n",
      ) + "\n",
    );
    const wanted = new Set(answers.map((a) => answerKey(a.task, a.sample)));
    const results = new Map<string, AssayResult>();
    const model = replayProvider(file);
    await evaluate({ ...suite, tasks }, {
      models: [model],
      runsDir: join(work, "runs"),
      samples,
      sandbox: "pooled",
      isolation: (await bwrapAvailable()) ? "bwrap" : "none",
      resume: false,
      dependencyStore: { cacheDir: join(ROOT, "data", "cache"), projectDir: ROOT },
      packageCheck: packageCheck({ projectDir: ROOT }),
      name: `agreement ${options.label}`,
      ...(options.python ? { python: options.python } : {}),
      onSample: (generation, result) => {
        const key = answerKey(result.task, result.sample);
        if (wanted.has(key)) results.set(key, { result, code: generation.code });
      },
    });
    await model.close();
    return results;
  } finally {
    await Deno.remove(work, { recursive: true });
  }
}
