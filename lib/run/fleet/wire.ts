/**
 * What travels between the coordinator and the workers of a fleet (NATS JetStream): a job names
 * its task's files by content hash (the files themselves are stored once in a key-value bucket),
 * carries the candidate's code and the limits, and says which sandbox version must judge it; a
 * result carries the sandbox's result, or why the job could not be judged.
 *
 * @module
 */
import { z } from "zod";
import { CaseVerdict } from "../../record/case_verdict.ts";
import { Outcome } from "../../record/outcome.ts";
import { TestCase } from "../../task/schema.ts";

/** The wire format's version: a worker refuses a job of another format. */
export const WIRE_FORMAT = 1;

/** A task's part of a job: everything but the candidate's code, stored once by its hash. */
export const FleetTaskFiles = z.object({
  /** The tests module's source. */
  testsSource: z.string(),
  /** The declared cases, in order. */
  cases: z.array(TestCase),
  /** The entry point's name. */
  entry: z.string(),
  /** `ts`, `js` or `py`. */
  language: z.enum(["ts", "js", "py"]).optional(),
  /** How the code runs (module, script, script-strict). */
  semantics: z.enum(["module", "script", "script-strict"]).optional(),
  /** Context files of a multi-file task, by path. */
  files: z.record(z.string(), z.string()).optional(),
  /** Declared Python packages (top-level modules), mounted by the worker from its own system. */
  pythonPackages: z.array(z.string()).optional(),
});
/** A task's part of a job. */
export type FleetTaskFiles = z.infer<typeof FleetTaskFiles>;

/** One execution job. */
export const FleetJob = z.object({
  /** The wire format ({@link WIRE_FORMAT}). */
  format: z.literal(WIRE_FORMAT),
  /** The sandbox version that must judge it (`fleetVersion()`): other workers refuse it. */
  version: z.string(),
  /** Unique per execution: the results subject and the deduplication id. */
  jobId: z.string(),
  /** The run it belongs to (results go to `assay.results.<runId>.<jobId>`). */
  runId: z.string(),
  /** SHA-256 of the task files' JSON: the key of the files in the task bucket. */
  taskHash: z.string(),
  /** The candidate's code (or a reference's). */
  code: z.string(),
  /** Which Python runs a Python job. */
  python: z.enum(["pyodide", "cpython"]).optional(),
  /** The hash of the task's dependency store in the fleet's object store (`assay-deps`); absent for none. */
  dependencies: z.string().optional(),
  /** The limits (`SandboxLimits` without the signal). */
  limits: z.object({
    timeoutMs: z.number().optional(),
    caseTimeoutMs: z.union([z.number(), z.record(z.string(), z.number())]).optional(),
    outputCapBytes: z.number().optional(),
    heapMb: z.number().optional(),
    dataMb: z.number().optional(),
  }),
  /** The isolation the coordinator's run asked for (`bwrap` or `none`). */
  isolation: z.enum(["bwrap", "none"]),
});
/** One execution job. */
export type FleetJob = z.infer<typeof FleetJob>;

/** A worker's answer to a job. */
export const FleetResult = z.object({
  /** The job answered. */
  jobId: z.string(),
  /** The worker's id (host name and process id) and version. */
  worker: z.string(),
  /** The worker's sandbox version. */
  workerVersion: z.string(),
  /** How many times the job was delivered before this answer (1: the first). */
  deliveries: z.number().int().positive(),
  /** The sandbox's result, when the job was judged. */
  result: z.object({
    outcome: Outcome,
    detail: z.string(),
    cases: z.array(CaseVerdict),
    execMs: z.number(),
    stderr: z.string(),
    harnessChanges: z.array(z.string()).optional(),
  }).optional(),
  /** Why the job could not be judged (an infrastructure error: never a model's failure). */
  error: z.string().optional(),
  /**
   * What kind of error: `sandbox` (the worker's sandbox failed: the run stops, as it would locally),
   * `refused` (the job's files do not match their hash) or `gave_up` (delivered too many times).
   */
  errorKind: z.enum(["sandbox", "refused", "gave_up"]).optional(),
});
/** A worker's answer to a job. */
export type FleetResult = z.infer<typeof FleetResult>;

/** The JetStream names the fleet uses. */
export const FLEET = {
  /** The work-queue stream of jobs. */
  jobsStream: "ASSAY_JOBS",
  /** Jobs of a language: `assay.jobs.<language>`. */
  jobsSubject: (language: string) => `assay.jobs.${language}`,
  /** The durable pull consumer of a language's jobs, shared by every worker. */
  consumer: (language: string) => `assay-workers-${language}`,
  /** The stream of results. */
  resultsStream: "ASSAY_RESULTS",
  /** A job's result: `assay.results.<runId>.<jobId>`. */
  resultSubject: (runId: string, jobId: string) => `assay.results.${runId}.${jobId}`,
  /** The key-value bucket of task files by hash. */
  tasksBucket: "assay-tasks",
  /** The object store of dependency stores (tars of `node_modules`) by hash. */
  depsBucket: "assay-deps",
} as const;
