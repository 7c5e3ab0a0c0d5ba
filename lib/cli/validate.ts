/**
 * `./assay validate`: check a suite before models are judged by it — the reference passes 3×,
 * the tests kill the reference's mutants; exits 1 when a task fails validation.
 *
 * @module
 */
import { parseArgs } from "./args.ts";
import { progressBar } from "../run/progress_bar.ts";
import { loadSuite } from "../task/load_suite.ts";
import { validateSuite } from "../run/validate_suite.ts";
import { validationMarkdown } from "../run/validation_markdown.ts";
import { slowReferencesText } from "../run/slow_references.ts";
import { chooseIsolation, intArg, pythonArg, pythonPackagesArg } from "./inputs.ts";
import { CACHE_DIR, ROOT } from "./paths.ts";

/**
 * Run `validate [--suite DIR] [--unsafe-no-isolation] [--reference-ceiling-ms N] [--python
 * pyodide|cpython]`: print the
 * validation table (and, on stderr, the references slower than their declared timeoutMs); exit 1
 * when a task fails.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runValidate } from "./validate.ts";
 * await assert.rejects(runValidate(["--suite", "no/such/suite"]), { name: "SuiteError" });
 * await assert.rejects(runValidate(["--reference-ceiling-ms", "0"]), { name: "UsageError" });
 * ```
 *
 * @param args The arguments after `validate`.
 * @throws {SuiteError} When the suite cannot be loaded.
 */
export async function runValidate(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      suite: { type: "string", default: "tasks/builtin" },
      isolation: { type: "string" },
      "unsafe-no-isolation": { type: "boolean", default: false },
      "reference-ceiling-ms": { type: "string" },
      python: { type: "string" },
    },
  });
  const ceiling = values["reference-ceiling-ms"];
  const referenceCeilingMs = ceiling === undefined
    ? undefined
    : intArg("reference-ceiling-ms", ceiling, 1);
  const suite = await loadSuite(values.suite);
  const isolation = await chooseIsolation(values.isolation, values["unsafe-no-isolation"]);
  const python = pythonArg(values.python, isolation);
  pythonPackagesArg(suite, python);
  const bar = progressBar(suite.tasks.length, { label: "tasks" });
  const validations = await validateSuite(suite, {
    isolation,
    python,
    ...(referenceCeilingMs ? { referenceCeilingMs } : {}),
    onTask: (v) => bar.tick(v.problems.length === 0),
    dependencyStore: { cacheDir: CACHE_DIR, projectDir: ROOT },
  });
  bar.done();
  console.log(validationMarkdown(validations));
  const unchecked = validations.filter((v) => v.referenceRuns === 0 && v.problems.length === 0);
  if (unchecked.length > 0) {
    console.error(
      `\nnote: ${unchecked.length} of ${validations.length} task(s) have no reference solution: ` +
        "their tests load and run every declared case, but are not otherwise validated",
    );
  }
  const slow = slowReferencesText(
    validations.flatMap((v) => v.slowReference ? [{ task: v.task, ...v.slowReference }] : []),
  );
  if (slow) console.error(`\n${slow}`);
  const bad = validations.filter((v) => v.problems.length > 0);
  if (bad.length > 0) {
    console.error(
      `\nerror: ${bad.length} of ${validations.length} task(s) fail validation: ${
        bad.map((v) => v.task).join(", ")
      }`,
    );
    Deno.exit(1);
  }
}
