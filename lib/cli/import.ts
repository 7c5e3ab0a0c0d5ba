/**
 * `./assay import`: write a benchmark file (MultiPL-E, HumanEval-X, MBXP, can-ai-code, a jest
 * or Deno.test file; the Python benchmarks HumanEval, MBPP, MultiPL-E Python, EvalPlus) as a
 * folder suite that `--suite` reads.
 *
 * @module
 */
import { parseArgs } from "./args.ts";
import { relative, resolve } from "node:path";
import { runSample } from "../sandbox/deno.ts";
import { bwrapAvailable } from "../sandbox/isolate.ts";
import { detectFormat, importSuite, type SuiteFormat } from "../task/importers/detect.ts";
import { writeSuite } from "../task/write_suite.ts";
import { UsageError } from "./errors.ts";

/** `import` formats on the command line → the importer's format (jest and deno-test are test files). */
const IMPORT_FORMATS: Record<string, SuiteFormat | "auto"> = {
  auto: "auto",
  "multipl-e": "multipl-e",
  "humaneval-x": "humaneval-x",
  mbxp: "mbxp",
  "can-ai-code": "can-ai-code",
  jest: "test-file",
  "deno-test": "test-file",
  humaneval: "humaneval-py",
  mbpp: "mbpp-py",
  "multipl-e-py": "multipl-e-py",
  evalplus: "evalplus",
};

/**
 * Run `import <format> <file> --out DIR [--force] [--limit N] [--language js|py]`
 * (`--language` for can-ai-code only: its tasks as JavaScript, the default, or Python).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runImport } from "./import.ts";
 * await assert.rejects(runImport([]), /Cannot import: expected "\.\/assay import <format> <file> --out DIR"/);
 * await assert.rejects(runImport(["nope", "x.jsonl"]), /Cannot import with format "nope"/);
 * await assert.rejects(
 *   runImport(["mbxp", "x.jsonl", "--out", "o", "--language", "py"]),
 *   /Cannot use --language with format "mbxp": it is for can-ai-code/,
 * );
 * const fixture = new URL("../../data/fixtures/importers/mbxp-ts.jsonl", import.meta.url).pathname;
 * const out = await Deno.makeTempDir();
 * await runImport(["mbxp", fixture, "--out", out, "--force", "--limit", "1"]);
 * assert.equal([...Deno.readDirSync(out)].filter((e) => e.isDirectory).length, 1);
 * await Deno.remove(out, { recursive: true });
 * ```
 *
 * @param args The arguments after `import`.
 * @throws {UsageError} For a bad format, file, `--limit`, or an `--out` folder it may not replace.
 */
export async function runImport(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      force: { type: "boolean", default: false },
      limit: { type: "string" },
      language: { type: "string" },
    },
  });
  const [formatName, file, ...extra] = positionals;
  const formats = Object.keys(IMPORT_FORMATS).join(", ");
  if (formatName === undefined || file === undefined || extra.length > 0) {
    throw new UsageError(
      `Cannot import: expected "./assay import <format> <file> --out DIR", got "${
        positionals.join(" ")
      }": format is one of ${formats}`,
    );
  }
  const format = IMPORT_FORMATS[formatName];
  if (format === undefined) {
    throw new UsageError(`Cannot import with format "${formatName}": use one of ${formats}`);
  }
  if (!values.out) {
    throw new UsageError(
      `Cannot import "${file}": --out is required (the folder to write the suite to, e.g. --out tasks/imported)`,
    );
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new UsageError(`Cannot use --limit "${values.limit}": use an integer >= 1`);
  }
  const language = values.language;
  if (language !== undefined && language !== "js" && language !== "py") {
    throw new UsageError(`Cannot use --language "${language}": use js or py`);
  }
  let suite;
  try {
    const resolved = format === "auto" && language !== undefined
      ? await detectFormat(file)
      : format;
    if (language !== undefined && resolved !== "can-ai-code") {
      throw new UsageError(
        `Cannot use --language with format "${formatName === "auto" ? resolved : formatName}": ` +
          "it is for can-ai-code (whose tasks can be JavaScript or Python); other formats have one language",
      );
    }
    suite = await importSuite(file, {
      format: resolved === "auto" ? undefined : resolved,
      limit,
      language,
      // A test file's names: collected by running its registration phase in the sandbox.
      runInSandbox: async (job) =>
        runSample(job, {
          isolation: (await bwrapAvailable()) ? "bwrap" : "none",
          timeoutMs: 10_000,
        }),
    });
  } catch (error) {
    if ((error as Error).name === "ImportError" || error instanceof Deno.errors.NotFound) {
      throw new UsageError((error as Error).message, { cause: error });
    }
    throw error;
  }
  let written;
  try {
    written = await writeSuite(suite, resolve(values.out), { force: values.force });
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
  const withReference = suite.tasks.filter((t) => t.referenceSource !== null).length;
  const shown = relative(Deno.cwd(), written.dir);
  const out = shown && !shown.startsWith("..") ? shown : written.dir;
  for (const note of (suite as { notes?: string[] }).notes ?? []) console.log(note);
  console.log(
    `imported ${written.tasks} task(s) from ${file} into ${out} (${written.files} files; ` +
      `${withReference} with a reference solution)\n` +
      `next: ./assay validate --suite ${out}`,
  );
}
