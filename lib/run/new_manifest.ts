/**
 * The manifest a new run starts with: who made it and how, what it will hold, what it depends on.
 *
 * @module
 */
import { resolve } from "node:path";
import type { Manifest } from "../record/manifest.ts";
import type { Suite } from "../task/schema.ts";
import { dependenciesRecord, type RunDependencies } from "./dependency_stores.ts";
import type { EvaluateOptions, RunOrigin } from "./evaluate_options.ts";
import type { RunPlan } from "./plan.ts";
import { pythonPackagesRecord } from "./python_packages_check.ts";
import { BUILTIN_PRICES, runPricesOf } from "../model/prices.ts";
import { skippedTestsByTask } from "./skipped_tests.ts";
import { gitRevision, newRunId, toolVersions } from "./store.ts";

/**
 * A new run's manifest (without its format version, which `createRun()` adds).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { newManifest } from "./new_manifest.ts";
 * import { loadSuite } from "../task/load_suite.ts";
 * import { planRun } from "./plan.ts";
 * import { plain } from "../prompt/templates.ts";
 * import { syntheticProvider } from "../model/synthetic.ts";
 * const suite = await loadSuite("tasks/builtin");
 * const model = syntheticProvider("reference", suite.tasks);
 * const plan = await planRun(suite, [model], [plain], { perturbations: [], samples: 1, seed: 0, settings: {} });
 * const m = await newManifest(suite, { models: [model], runsDir: "x", name: "try" }, plan, { samples: 1 }, []);
 * assert.equal(m.name, "try");
 * assert.equal(m.expectedSamples, suite.tasks.length);
 * assert.equal(m.completedAt, null);
 * assert.equal(m.prices?.models["synthetic:reference"]?.kind, "synthetic");
 * await model.close();
 * ```
 *
 * @param suite The suite evaluated.
 * @param options The `evaluate()` options (models, origin, name, command).
 * @param plan The run's plan (variants, templates, jobs, configuration hash).
 * @param params The parameters recorded.
 * @param stores The run's dependency stores.
 */
export async function newManifest(
  suite: Suite,
  options: EvaluateOptions,
  plan: RunPlan,
  params: Record<string, unknown>,
  stores: RunDependencies["stores"],
): Promise<Omit<Manifest, "formatVersion">> {
  const skipped = skippedTestsByTask(suite.tasks);
  const pythonPackages = pythonPackagesRecord(suite);
  return {
    runId: newRunId(),
    createdAt: new Date().toISOString(),
    gitRevision: await gitRevision(resolve(new URL("../..", import.meta.url).pathname)),
    suite: {
      name: suite.name,
      dir: suite.dir,
      hash: suite.hash,
      tasks: suite.tasks.length,
      version: suite.version ?? null,
    },
    models: options.models.map((m) => ({ spec: m.spec, synthetic: m.synthetic })),
    variants: plan.variants.map((v) => v.name),
    params,
    origin: options.origin ?? defaultOrigin(),
    name: options.name ?? null,
    ...(options.tags?.length ? { tags: options.tags } : {}),
    ...(options.command ? { command: options.command } : {}),
    templates: plan.templates,
    expectedSamples: plan.jobs.length,
    tools: toolVersions(),
    configHash: plan.configHash,
    ...(Object.keys(skipped).length ? { skippedTests: skipped } : {}),
    ...(stores.length ? { dependencies: dependenciesRecord(stores) } : {}),
    ...(pythonPackages ? { pythonPackages } : {}),
    // The prices that decide the run's costs (a report shows them beside the numbers).
    prices: {
      notes: (options.prices ?? BUILTIN_PRICES).notes,
      models: runPricesOf(options.models.map((m) => m.spec), options.prices ?? BUILTIN_PRICES),
    },
    resumedAt: [],
    completedAt: null,
  };
}

/** `notebook` inside a Jupyter kernel (reading Deno.jupyter throws anywhere else), else `library`. */
function defaultOrigin(): RunOrigin {
  try {
    return (Deno as unknown as { jupyter?: unknown }).jupyter ? "notebook" : "library";
  } catch {
    return "library";
  }
}
