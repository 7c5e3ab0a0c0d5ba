/**
 * Collecting a test file's test names by executing its registration phase in assay's sandbox,
 * as jest does: `describe` bodies run, test bodies do not. Tests registered in helper
 * functions, loops or `forEach` calls get the names jest gives them, which static reading
 * (collect_tests.ts) cannot know.
 *
 * The job is an ordinary sandbox job: `solution.ts` is the reference (or stubs of the imported
 * names when there is none), `tests.ts` is the converted test file (its inlined runtime's
 * `describe`/`it`/`test` record full names as the file loads) with one case, which throws an
 * `Error` whose message is a marker and the JSON of the names. The names come back through the
 * sandbox's normal verdict channel as that case's failure message, and are validated with zod
 * before use. The importer cannot call the sandbox itself (task/ imports nothing of sandbox/):
 * the caller passes the function that runs the job (the CLI passes `runSample` with bubblewrap
 * when available).
 *
 * @module
 */
import { z } from "zod";
import { withCases } from "./jest.ts";

/** The one case of a collection job. */
export const COLLECT_CASE = "assay: collect the test names";

/** What a collection job's case throws: this marker, then the JSON of {@link CollectedNames}. */
export const COLLECT_MARK = "ASSAY-COLLECTED-NAMES ";

/** What the registration phase reports: the test names and the skipped ones, in order. */
export const CollectedNames = z.object({
  /** Full names of the registered tests (" › "-joined, repeated names numbered " (2)"). */
  tests: z.array(z.string().min(1)),
  /** Tests registered as skipped, with why (`skip`, `todo`, `each`, `failing`, `ignore`). */
  skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
}).strict();
/** What the registration phase reports. */
export type CollectedNames = z.infer<typeof CollectedNames>;

/** A sandbox job, structurally (lib/sandbox/sandbox.ts `SandboxJob`). */
export interface CollectionJob {
  /** The module under test (`solution.ts`). */
  code: string;
  /** The collecting tests file. */
  testsSource: string;
  /** The one declared case. */
  cases: { name: string; kind: "core" | "edge"; tags: string[] }[];
  /** The entry point. */
  entry: string;
  /** The task's other files (context modules), relative path → source. */
  files?: Record<string, string>;
}

/** What running a job returns, structurally (lib/sandbox/sandbox.ts `SandboxResult`). */
export interface CollectionResult {
  /** How the run ended. */
  outcome: string;
  /** Detail for a non-completed outcome. */
  detail: string;
  /** Per-case verdicts. */
  cases: { name: string; status: string; message: string }[];
  /** The tail of stderr. */
  stderr?: string;
}

/** Runs a job in assay's sandbox, e.g. `(job) => runSample(job, { isolation: "bwrap" })`. */
export type RunInSandbox = (job: CollectionJob) => Promise<CollectionResult>;

/** What the collection gives: the names, or why there are none. */
export type Collection = { names: CollectedNames } | { failure: string };

/** The parts of the job besides the tests file. */
export interface CollectionInput {
  /** The converted tests file without cases (`TestFileConversion.loadSource`). */
  loadSource: string;
  /** The reference's source, or null: the imported names are then exported as stubs. */
  reference: string | null;
  /** The names imported from the module under test, and its default import's name (or null). */
  imported: string[];
  /** The default import's local name, or null. */
  defaultImport: string | null;
  /** The entry point. */
  entry: string;
  /** Context modules. @default {} */
  files?: Record<string, string>;
}

/**
 * The job that runs the registration phase.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { COLLECT_CASE, collectionJob } from "./collect_in_sandbox.ts";
 * const job = collectionJob({
 *   loadSource: "// load\n", reference: null, imported: ["Thing", "f"], defaultImport: "Thing", entry: "Thing",
 * });
 * assert.equal(job.code, "export default undefined;\nexport const f = undefined;\n");
 * assert.deepEqual(job.cases.map((c) => c.name), [COLLECT_CASE]);
 * assert.match(job.testsSource, /throw new Error\("ASSAY-COLLECTED-NAMES " \+ JSON\.stringify/);
 * ```
 */
export function collectionJob(input: CollectionInput): CollectionJob {
  const stubs = [
    ...(input.defaultImport === null ? [] : ["export default undefined;"]),
    ...input.imported.filter((n) => n !== input.defaultImport).map((n) =>
      `export const ${n} = undefined;`
    ),
  ];
  const testsSource = withCases(input.loadSource, []).replace(
    /\};\n$/,
    `  ${JSON.stringify(COLLECT_CASE)}: () => {\n` +
      `    throw new Error(${
        JSON.stringify(COLLECT_MARK)
      } + JSON.stringify({ tests: __assay.names(), skipped: __assay.skipped() }));\n` +
      "  },\n};\n",
  );
  return {
    code: input.reference ?? stubs.join("\n") + "\n",
    testsSource,
    cases: [{ name: COLLECT_CASE, kind: "core", tags: [] }],
    entry: input.entry,
    ...(input.files && Object.keys(input.files).length ? { files: { ...input.files } } : {}),
  };
}

/**
 * Read the names from a collection job's result; a failure (the file did not load, the case
 * never reported, the JSON does not validate) says why, in words.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { COLLECT_CASE, readCollection } from "./collect_in_sandbox.ts";
 * const message = 'Error: ASSAY-COLLECTED-NAMES {"tests":["a › b"],"skipped":[]}';
 * const ok = readCollection({ outcome: "completed", detail: "", cases: [{ name: COLLECT_CASE, status: "error", message }] });
 * assert.deepEqual(ok, { names: { tests: ["a › b"], skipped: [] } });
 * const bad = readCollection({ outcome: "load_error", detail: "ReferenceError: x is not defined", cases: [] });
 * assert.deepEqual(bad, { failure: "the file did not load (load_error): ReferenceError: x is not defined" });
 * ```
 */
export function readCollection(result: CollectionResult): Collection {
  const verdict = result.cases.find((c) => c.name === COLLECT_CASE);
  const at = verdict?.message.indexOf(COLLECT_MARK) ?? -1;
  if (!verdict || at < 0) {
    const why = verdict?.message || result.detail || result.stderr?.trim().split("\n")[0] ||
      "no report";
    return { failure: `the file did not load (${result.outcome}): ${why}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(verdict.message.slice(at + COLLECT_MARK.length));
  } catch (error) {
    return { failure: `the names it reported are not JSON: ${(error as Error).message}` };
  }
  const parsed = CollectedNames.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      failure: `the names it reported do not validate: ${issue.path.join(".")}: ${issue.message}`,
    };
  }
  return { names: parsed.data };
}

/**
 * Run the registration phase with `run` and read the names ({@link collectionJob},
 * {@link readCollection}); a sandbox that throws is a failure too (the caller falls back to
 * static reading and says so).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { COLLECT_CASE, collectInSandbox } from "./collect_in_sandbox.ts";
 * const input = { loadSource: "", reference: null, imported: ["f"], defaultImport: null, entry: "f" };
 * const message = 'Error: ASSAY-COLLECTED-NAMES {"tests":["t"],"skipped":[]}';
 * const run = () => Promise.resolve({ outcome: "completed", detail: "", cases: [{ name: COLLECT_CASE, status: "error", message }] });
 * assert.deepEqual(await collectInSandbox(input, run), { names: { tests: ["t"], skipped: [] } });
 * const down = () => Promise.reject(new Error("bwrap: not found"));
 * assert.deepEqual(await collectInSandbox(input, down), { failure: "the sandbox could not run it: bwrap: not found" });
 * ```
 */
export async function collectInSandbox(
  input: CollectionInput,
  run: RunInSandbox,
): Promise<Collection> {
  try {
    return readCollection(await run(collectionJob(input)));
  } catch (error) {
    return { failure: `the sandbox could not run it: ${(error as Error).message}` };
  }
}
