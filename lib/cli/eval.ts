/**
 * `./assay eval`: ask the models for every task × variant × sample, run each answer in the
 * sandbox, record the run (resuming an interrupted one), print its summary, and judge it against a
 * policy when asked.
 *
 * @module
 */
import { relative } from "node:path";
import { summarize } from "../analyze/summary.ts";
import { loadRun } from "../analyze/load_run.ts";
import { runGaps } from "../analyze/run_gaps.ts";
import { fileCache } from "../model/cache.ts";
import { createProvider } from "../model/create.ts";
import type { Provider } from "../model/provider.ts";
import { evaluate } from "../run/evaluate.ts";
import { RunInterrupted } from "../run/interrupted.ts";
import { costText } from "./cost_text.ts";
import type { Suite } from "../task/schema.ts";
import { progressBar } from "../run/progress_bar.ts";
import { slowReferencesText } from "../run/slow_references.ts";
import { packageCheck } from "../score/package_check.ts";
import { EXIT, scrubArgs, ToolError, UsageError } from "./errors.ts";
import { parseEvalArgs } from "./eval_args.ts";
import { publicUrl } from "../run/fleet/connect.ts";
import { ROOT } from "./paths.ts";
import { reportPolicy } from "./policy_report.ts";
import { evalJson } from "./eval_json.ts";
import { poolText } from "./pool_text.ts";
import { gapsText, summaryText } from "./summary_text.ts";
import { ProviderError } from "../model/provider_error.ts";

/**
 * The lines `eval` ends with, one command a line (each fits a terminal): how to see the run's
 * report, list the runs, and judge it against a policy when none was given.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { nextSteps } from "./eval.ts";
 * assert.equal(
 *   nextSteps("data/runs/r", true),
 *   "next: ./assay report --run data/runs/r\n      ./assay runs",
 * );
 * assert.match(nextSteps("data/runs/r", false), /\n {6}\.\/assay score --run data\/runs\/r --policy …$/);
 * ```
 */
export function nextSteps(dir: string, judged: boolean): string {
  return [
    `./assay report --run ${dir}`,
    "./assay runs",
    ...(judged ? [] : [`./assay score --run ${dir} --policy …`]),
  ].map((step, i) => `${i === 0 ? "next:" : "     "} ${step}`).join("\n");
}

/**
 * Run `eval [options]` (see `USAGE`): every input is checked before the first request; exits 1
 * when a `--policy` is violated.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runEval } from "./eval.ts";
 * await assert.rejects(runEval(["--samples", "0"]), { name: "UsageError", message: /--samples "0"/ });
 * await assert.rejects(
 *   runEval(["--unsafe-no-isolation", "--model", "nonsense"]),
 *   { name: "UsageError" },
 * );
 * ```
 *
 * @param args The arguments after `eval`.
 * @param options `suite`: a suite already loaded, used instead of `--suite` (`demo`'s mixed suite);
 * `command`: the command line the manifest records. @default the suite of `--suite`, and
 * `./assay eval <args>`
 * @returns The run folder.
 * @throws {UsageError} For any bad input, before any request.
 * @throws {ToolError} When every generation failed.
 */
export async function runEval(
  args: string[],
  options: { suite?: Suite; command?: string[] } = {},
): Promise<string> {
  const {
    values,
    policy,
    junit,
    samples,
    concurrency,
    sandboxConcurrency,
    modelConcurrency,
    seed,
    temperature,
    variants,
    perturbations,
    suite,
    selection,
    isolation,
    sandbox,
    typecheck,
    semantics,
    python,
    referenceCeilingMs,
    prices,
    budgetUsd,
  } = await parseEvalArgs(args, { suite: options.suite });
  // --json: stdout gets exactly one JSON document; what a person reads goes to stderr.
  const say = values.json ? console.error : console.log;
  const specs = values.model ?? ["synthetic:default"];
  const models: Provider[] = [];
  // Ctrl-C stops the run cleanly (samples in flight dropped, hosts and temp folders removed);
  // a second Ctrl-C quits at once.
  const interrupt = new AbortController();
  const onInterrupt = () => {
    if (interrupt.signal.aborted) Deno.exit(EXIT.interrupted);
    console.error(
      "\nassay: interrupting: stopping the samples in flight (Ctrl-C again quits at once)",
    );
    interrupt.abort();
  };
  Deno.addSignalListener("SIGINT", onInterrupt);
  try {
    for (const spec of specs) {
      try {
        models.push(
          createProvider(spec, { tasks: suite.tasks, env: Deno.env.toObject(), temperature }),
        );
      } catch (error) {
        if (!(error instanceof ProviderError)) throw error;
        throw new UsageError(error.message, { cause: error });
      }
    }
    const total = suite.tasks.length * models.length * variants.length *
      (1 + perturbations.length) * samples;
    console.error(
      `assay: ${suite.tasks.length} tasks × ${models.length} model(s) × ${
        variants.length * (1 + perturbations.length)
      } variant(s) × ${samples} sample(s) = ${total}` +
        ` · isolation ${isolation} · sandbox ${
          values.nats ? `fleet ${publicUrl(values.nats)}` : sandbox
        }${
          models.some((m) => m.synthetic)
            ? " · synthetic models are offline stand-ins, not LLMs"
            : ""
        }`,
    );
    let bar = progressBar(0, { quiet: true });
    const evaluation = await evaluate(suite, {
      prices,
      ...(budgetUsd === undefined ? {} : { budgetUsd }),
      models,
      variants,
      perturbations,
      samples,
      concurrency,
      sandboxConcurrency,
      modelConcurrency,
      isolation,
      sandbox,
      ...(values.nats ? { fleet: { url: values.nats, env: Deno.env.toObject() } } : {}),
      seed,
      typecheck,
      ...(semantics ? { semantics } : {}),
      python,
      ...(referenceCeilingMs ? { referenceTimeouts: { ceilingMs: referenceCeilingMs } } : {}),
      dependencyStore: { cacheDir: values["cache-dir"], projectDir: ROOT },
      packageCheck: packageCheck({ projectDir: ROOT, registry: values["registry-check"] }),
      runsDir: values["runs-dir"],
      params: {
        ...(temperature === undefined ? {} : { temperature }),
        // The selection is recorded and part of the run's identity (the suite's hash covers it too).
        ...(selection === undefined ? {} : { selection }),
      },
      cache: values["no-cache"] ? undefined : fileCache(values["cache-dir"]),
      cacheMode: values["no-cache"] ? "off" : values.refresh ? "refresh" : "use",
      resume: !values.new,
      origin: "cli",
      name: values.name ?? null,
      tags: [...new Set(values.tag ?? [])],
      command: options.command ?? ["./assay", "eval", ...scrubArgs(args)],
      signal: interrupt.signal,
      onStart: ({ dir, resumed, recorded, total: all, superseded }) => {
        if (superseded) {
          console.error(
            `assay: not resuming ${
              relative(Deno.cwd(), superseded.dir) || superseded.dir
            }: ${superseded.reason}; starting a new run`,
          );
        }
        if (resumed) {
          console.error(
            `assay: resuming ${
              relative(Deno.cwd(), dir) || dir
            }: ${recorded} of ${all} samples already recorded`,
          );
        }
        bar = progressBar(all - recorded, { quiet: values.quiet });
      },
      onSample: (_g, r) => bar.tick(r.passed),
    }).catch((error) => {
      bar.done();
      if (error instanceof RunInterrupted) {
        // The run folder as the user typed it, relative to here.
        const near = relative(Deno.cwd(), error.dir);
        const dir = near === "" || near.startsWith("..") ? error.dir : near;
        error.message = error.message.replace(error.dir, dir);
      }
      // The budget stopped the run: said plainly, exit 1 (a limit the user set, not a failure).
      if (!(error instanceof RunInterrupted) || error.reason !== "budget") throw error;
      console.error(`assay: ${error.message}`);
      return null;
    });
    if (evaluation === null) {
      await Promise.all(models.map((m) => m.close()));
      Deno.exit(EXIT.budget);
    }
    bar.done();
    const pool = evaluation.pool ? poolText(evaluation.pool, evaluation.executed) : null;
    if (pool) console.error(`assay: ${pool}`);
    const run = await loadRun(evaluation.dir);
    // Rows in the order models and variants were given, not in the order samples finished.
    const order = (xs: string[]) => (x: string) => xs.indexOf(x) < 0 ? xs.length : xs.indexOf(x);
    const modelRank = order(models.map((m) => m.spec));
    const variantRank = order(
      [...new Set(run.results.map((r) => r.variant))].sort((a, b) =>
        (a.includes("+") ? 1 : 0) - (b.includes("+") ? 1 : 0) || a.localeCompare(b)
      ),
    );
    const rows = summarize(run).sort((a, b) =>
      modelRank(a.model) - modelRank(b.model) || variantRank(a.variant) - variantRank(b.variant)
    );
    say(summaryText(rows, { wide: values.wide }));
    const cost = costText(rows, run.manifest.prices?.notes ?? prices.notes);
    if (cost) say(`\n${cost}`);
    const gaps = gapsText(runGaps(run));
    if (gaps) say(`\n${gaps}`);
    const slow = slowReferencesText(run.manifest.slowReferences ?? []);
    if (slow) say(`\n${slow}`);
    const shown = relative(Deno.cwd(), run.dir) || run.dir;
    say(`\nrun: ${shown}`);
    if (values.json) console.log(JSON.stringify(evalJson(run, rows, policy), null, 2));
    if (evaluation.generated > 0 && evaluation.generationErrors === evaluation.generated) {
      throw new ToolError(
        `every generation failed (${evaluation.generationErrors} of ${evaluation.generated}): ${evaluation.firstGenerationError}`,
      );
    }
    const kept = policy ? await reportPolicy(run, policy, junit, say) : true;
    say(`\n${nextSteps(shown, policy !== undefined)}`);
    if (!kept) {
      await Promise.all(models.map((m) => m.close()));
      Deno.exit(EXIT.policy);
    }
    return run.dir;
  } finally {
    Deno.removeSignalListener("SIGINT", onInterrupt);
    await Promise.all(models.map((m) => m.close()));
  }
}
