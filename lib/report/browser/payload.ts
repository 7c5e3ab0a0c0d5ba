/**
 * What the sample browser receives: every sample of one or more runs, with
 * everything its detail view shows, embedded in the page (gzip, base64) by
 * `sampleBrowser()` and read by the browser-side code beside this file.
 * Types only, shared by the builder (Deno) and the page (browser).
 *
 * @module
 */
import type { SampleStatus } from "../../record/sample_filter.ts";

/** One prompt message as sent. */
export interface BrowserMessage {
  /** `system`, `user` or `assistant`. */
  role: string;
  /** The text. */
  content: string;
}

/** One case verdict as the detail view lists it. */
export interface BrowserCase {
  /** The declared case name. */
  name: string;
  /** `core` or `edge`. */
  kind: string;
  /** `pass`, `fail`, `error`, `timeout` or `missing`. */
  status: string;
  /** The failure message or why it is missing ("" for a pass). */
  message: string;
  /** Time the case took, ms (null: not measured). */
  ms: number | null;
}

/** One piece of failure evidence. */
export interface BrowserEvidence {
  /** The category this fact supports. */
  category: string;
  /** Where it came from (`typecheck`, `runtime`, `cases`, …). */
  source: string;
  /** The diagnostic, error text or failing case names, in full. */
  text: string;
}

/** One sample: the list's columns and the detail view's content. */
export interface BrowserSample {
  /** `sampleKey()` of the sample (JSON of task, model, variant, sample), prefixed by the run label when several runs are shown. */
  key: string;
  /** The run's label (`A`, `B`, …). */
  run: string;
  /** Task id. */
  task: string;
  /** Model spec. */
  model: string;
  /** Prompt variant. */
  variant: string;
  /** `ts`, `js` or `py`. */
  language: string;
  /** Sample index. */
  sample: number;
  /** Passed, failed, or a generation or task error. */
  status: SampleStatus;
  /** `correct`, `almost`, `wrong`, or null (a task error: not scored). */
  bucket: string | null;
  /** Primary failure category, null when passed or not judged. */
  category: string | null;
  /** Secondary failure categories. */
  secondary: string[];
  /** Weighted accuracy in [−1, 1], null when not scored. */
  weighted: number | null;
  /** Cases passed and run (null: none run). */
  casesPassed: number | null;
  /** Cases run: the denominator of the pass fraction. */
  casesTotal: number | null;
  /** How the sandboxed run ended (`completed`, `timeout`, …) and its detail. */
  outcome: string | null;
  /** The outcome's detail (the load error, the limit…). */
  detail: string | null;
  /** The raw answer (null: no answer recorded). */
  answer: string | null;
  /** The code extracted from the answer (null: nothing extractable). */
  code: string | null;
  /** Key into {@link BrowserPayload.prompts}. */
  promptHash: string | null;
  /** Every change the harness made to the answer before running it. */
  harnessChanges: string[];
  /** Per-case verdicts, in declared order. */
  cases: BrowserCase[];
  /** Every fact the failure classification found, the deciding one first. */
  evidence: BrowserEvidence[];
  /** Evidence labels (`undeclared_dependency`, …) and sample labels (`sloppy_only`, …). */
  labels: string[];
  /** Why the request failed. */
  generationError: string | null;
  /** Why the task could not be judged. */
  taskError: string | null;
  /** The tail of the program's stderr. */
  stderr: string | null;
  /** Latency: time waiting for a request slot, to first token, total (ms). */
  queueMs: number | null;
  /** Time to first token, ms. */
  ttftMs: number | null;
  /** Total generation time, ms. */
  totalMs: number | null;
  /** Tokens in (prompt) and out (completion). */
  tokensIn: number | null;
  /** Completion tokens. */
  tokensOut: number | null;
  /** Token counts estimated (the server reported none). */
  tokensEstimated: boolean;
  /** Output tokens per second. */
  tokensPerSec: number | null;
  /** Retried requests and the time they took, ms. */
  retries: number;
  /** Time spent on retries, ms. */
  retryMs: number;
  /** Served from the cache (latency is the original's). */
  cached: boolean;
  /** USD the request spent (null: no price or no token counts). */
  costUsd: number | null;
  /** The server that answered. */
  endpoint: string | null;
  /** Synthetic model's mutations applied to the reference. */
  mutations: string[];
}

/** The fields of a sample the list shows and filters on: embedded apart, decoded first. */
export const LIST_FIELDS = [
  "key",
  "run",
  "task",
  "model",
  "variant",
  "language",
  "sample",
  "status",
  "bucket",
  "category",
  "weighted",
  "casesPassed",
  "casesTotal",
  "totalMs",
  "costUsd",
] as const satisfies readonly (keyof BrowserSample)[];

/** Samples per embedded chunk of details (a chunk is decoded when one of its samples is opened). */
export const DETAIL_CHUNK = 500;

/** What the page decodes first: the list, and how to find the rest. */
export interface BrowserListPart {
  /** Format of this payload. */
  version: 1;
  /** The runs shown. */
  runs: BrowserPayload["runs"];
  /** The starting filter. */
  filter: Record<string, string>;
  /** Why references are missing. */
  referenceNote: string | null;
  /** Each sample's list fields, in payload order. */
  samples: Pick<BrowserSample, typeof LIST_FIELDS[number]>[];
}

/** Everything the browser shows. */
export interface BrowserPayload {
  /** Format of this payload. */
  version: 1;
  /** The runs shown, in label order. */
  runs: { label: string; id: string; incomplete: string | null }[];
  /** Every sample of every run. */
  samples: BrowserSample[];
  /** Prompt messages by hash (each distinct prompt once). */
  prompts: Record<string, BrowserMessage[]>;
  /** Each task's reference solution by task id. */
  references: Record<string, string>;
  /** Why references are missing, when they are (the suite folder not found…). */
  referenceNote: string | null;
  /** The filter to start with (`sampleBrowser(run, { filter })`); the URL's fragment overrides it. */
  filter: Record<string, string>;
}
