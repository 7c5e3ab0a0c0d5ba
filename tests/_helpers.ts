/**
 * What several test files share: valid records built in one place, where the shared datasets are (never an absolute path of one
 * machine: `../shared/datasets` beside the repository root, or `ASSAY_SHARED/datasets`), and a
 * printed reason when a test that needs them is skipped.
 */
import { join } from "node:path";
import type { CaseVerdict } from "../lib/record/case_verdict.ts";
import { GenerationRecord } from "../lib/record/generation.ts";
import { ResultRecord } from "../lib/record/result.ts";
import type { SampleKey } from "../lib/record/sample_key.ts";
import { scoreSample } from "../lib/score/weighted.ts";

/** The repository root. */
export const ROOT = new URL("..", import.meta.url).pathname;

/** The shared datasets folder: `$ASSAY_SHARED/datasets`, else `../shared/datasets` beside the root. */
export const DATASETS = join(
  Deno.env.get("ASSAY_SHARED") ?? join(ROOT, "..", "shared"),
  "datasets",
);

/**
 * The absolute paths of `relatives` under {@link DATASETS} when every one exists; otherwise null,
 * after printing which is missing and what is skipped (`who` names the test file).
 */
export async function sharedDatasets(
  who: string,
  ...relatives: string[]
): Promise<string[] | null> {
  const paths = relatives.map((r) => join(DATASETS, r));
  for (const path of paths) {
    try {
      await Deno.stat(path);
    } catch {
      console.log(
        `${who}: skipping the dataset tests: "${path}" is missing (set ASSAY_SHARED to the folder that holds datasets/)`,
      );
      return null;
    }
  }
  return paths;
}

/**
 * A valid generation record for key fields and overrides (validated by its schema, so a test
 * never builds a record the run store could not hold).
 */
export function generationRecord(over: Partial<GenerationRecord> = {}): GenerationRecord {
  return GenerationRecord.parse({
    task: "t",
    model: "openai:a",
    variant: "plain",
    sample: 0,
    synthetic: false,
    startedAt: "2026-01-01T00:00:00.000Z",
    text: "",
    code: "",
    ttftMs: 100,
    totalMs: 1000,
    tokensIn: 10,
    tokensOut: 50,
    tokensEstimated: false,
    tokensPerSec: 50,
    queueMs: 0,
    retryMs: 0,
    retries: 0,
    cached: false,
    error: null,
    mutations: [],
    ...over,
  });
}

/**
 * A valid result record whose cases have `statuses` (core cases, unless `kinds` says otherwise),
 * scored by the real scorer (`scoreSample`), with overrides last.
 */
export function resultRecord(
  key: Partial<SampleKey>,
  statuses: CaseVerdict["status"][],
  over: Partial<ResultRecord> & { kinds?: CaseVerdict["kind"][] } = {},
): ResultRecord {
  const { kinds, ...rest } = over;
  const cases = statuses.map((status, i) => ({
    name: `c${i}`,
    kind: kinds?.[i] ?? "core" as const,
    status,
    message: status === "pass" ? "" : `${status} c${i}`,
    ms: 1,
  }));
  return ResultRecord.parse({
    task: "t",
    model: "m",
    variant: "plain",
    sample: 0,
    ...key,
    outcome: "completed",
    detail: "",
    cases,
    ...scoreSample(cases, true),
    execMs: 1,
    failure: null,
    stderr: "",
    ...rest,
  });
}

/**
 * Run `fn` on a new temporary folder holding `files` (path → text, parent folders made), then
 * remove it.
 */
export async function withFiles(
  files: Record<string, string>,
  fn: (dir: string) => Promise<void> | void,
): Promise<void> {
  const dir = await Deno.makeTempDir();
  try {
    for (const [path, text] of Object.entries(files)) {
      await Deno.mkdir(join(dir, path, ".."), { recursive: true });
      await Deno.writeTextFile(join(dir, path), text);
    }
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
