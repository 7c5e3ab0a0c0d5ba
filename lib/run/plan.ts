/**
 * A run's plan: every variant as sent (each template, then each template under each
 * perturbation), every job (sample × task × variant × model) with the messages it will send, and
 * the configuration hash that decides whether an interrupted run may be resumed.
 *
 * The hash covers content, not names: the messages every template renders for every task (so an
 * edited template is a new run, never a resume of the old wording's answers), the perturbations,
 * the suite's content hash, each model's spec and parameters, the sample count and seed, and the
 * sandbox settings that can change a verdict.
 *
 * @module
 */
import type { Provider } from "../model/provider.ts";
import { type PerturbationName, perturbTask } from "../prompt/perturb.ts";
import type { ChatMessage, PromptTemplate } from "../prompt/templates.ts";
import { sha256 } from "../task/hash.ts";
import type { Suite, Task } from "../task/schema.ts";
import type { Manifest } from "../record/manifest.ts";

/** One variant as sent: a template, unperturbed or under one perturbation. */
export interface PlannedVariant {
  /** `<template>` or `<template>+<perturbation>`. */
  name: string;
  /** The template that renders it. */
  template: PromptTemplate;
  /** The perturbation applied to the task first, or null. */
  perturbation: PerturbationName | null;
}

/** One sample to produce. */
export interface Job {
  /** The task as the model sees it (perturbed for a perturbed variant). */
  task: Task;
  /** The model asked. */
  model: Provider;
  /** The variant's name and renderer. */
  variant: { name: string; render: (task: Task) => ChatMessage[] };
  /** The sample index. */
  sample: number;
  /** The messages sent (rendered once, when the run is planned). */
  messages: ChatMessage[];
  /** SHA-256 of `messages` (the key into `prompts.jsonl`). */
  promptHash: string;
}

/** What {@link planRun} returns. */
export interface RunPlan {
  /** Every variant, in order. */
  variants: PlannedVariant[];
  /** Every job: sample-major, then task, variant, model. */
  jobs: Job[];
  /** Each template's name, source and a hash of every prompt it rendered (for the manifest). */
  templates: NonNullable<Manifest["templates"]>;
  /** The configuration hash (see the module doc). */
  configHash: string;
}

/** What besides the suite, models and templates decides a run's records. */
export interface PlanSettings {
  /** Perturbations (each adds every template again). */
  perturbations: readonly PerturbationName[];
  /** Samples per task × model × variant. */
  samples: number;
  /** Added to the sample index to form the request seed; also seeds perturbations. */
  seed: number;
  /** Settings that can change a verdict or an answer (isolation, sandbox, type-check, parameters). */
  settings: Record<string, unknown>;
}

/**
 * Plan a run: render every prompt once and hash what decides the records.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { planRun } from "./plan.ts";
 * import { plain } from "../prompt/templates.ts";
 * import { loadSuite } from "../task/load_suite.ts";
 * const suite = await loadSuite(new URL("../../tasks/builtin", import.meta.url).pathname);
 * const model = { spec: "m:x", synthetic: true, params: {}, generate: () => { throw new Error(); }, close: async () => {} };
 * const settings = { perturbations: [], samples: 1, seed: 0, settings: {} };
 * const a = await planRun(suite, [model], [plain], settings);
 * const edited = { name: "plain", render: (t: never) => [...plain.render(t), { role: "user" as const, content: "Be brief." }] };
 * const b = await planRun(suite, [model], [edited], settings);
 * assert.equal(a.jobs.length, suite.tasks.length);
 * assert.notEqual(a.configHash, b.configHash); // same name, new wording: a new run
 * ```
 */
export async function planRun(
  suite: Suite,
  models: readonly Provider[],
  templates: readonly PromptTemplate[],
  options: PlanSettings,
): Promise<RunPlan> {
  const variants: PlannedVariant[] = [
    ...templates.map((template) => ({ name: template.name, template, perturbation: null })),
    ...options.perturbations.flatMap((p) =>
      templates.map((template) => ({ name: `${template.name}+${p}`, template, perturbation: p }))
    ),
  ];
  const names = variants.map((v) => v.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) {
    throw new RangeError(
      `Cannot plan a run with the variant "${twice}" twice: give templates distinct names`,
    );
  }
  // Render each (task, variant) once; every sample and model sends the same messages.
  const rendered: { task: Task; variant: PlannedVariant; messages: ChatMessage[]; hash: string }[] =
    [];
  for (const task of suite.tasks) {
    for (const variant of variants) {
      const t = variant.perturbation ? perturbTask(task, variant.perturbation, options.seed) : task;
      let messages: ChatMessage[];
      try {
        messages = variant.template.render(t);
      } catch (error) {
        throw new Error(
          `Cannot render the prompt of variant "${variant.name}" for task "${task.id}": ${
            (error as Error).message
          }`,
          { cause: error },
        );
      }
      rendered.push({ task: t, variant, messages, hash: await promptHash(messages) });
    }
  }
  const jobs: Job[] = [];
  for (let sample = 0; sample < options.samples; sample++) {
    for (const r of rendered) {
      const variant = { name: r.variant.name, render: r.variant.template.render };
      for (const model of models) {
        jobs.push({
          task: r.task,
          model,
          variant,
          sample,
          messages: r.messages,
          promptHash: r.hash,
        });
      }
    }
  }
  const templateRecords = await Promise.all(templates.map(async (template) => ({
    name: template.name,
    source: String(template.render),
    promptsHash: await sha256(JSON.stringify(
      rendered.filter((r) => r.variant.template === template).map((r) => [
        r.variant.name,
        r.task.id,
        r.hash,
      ]),
    )),
  })));
  const configHash = await sha256(JSON.stringify([
    suite.hash,
    models.map((m) => [m.spec, m.params]),
    rendered.map((r) => [r.variant.name, r.task.id, r.hash]),
    options.perturbations,
    options.samples,
    options.seed,
    options.settings,
  ]));
  return { variants, jobs, templates: templateRecords, configHash };
}

/**
 * SHA-256 of a prompt's messages (role and content only).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { promptHash } from "./plan.ts";
 * const a = await promptHash([{ role: "user", content: "hi" }]);
 * assert.equal(a, await promptHash([{ role: "user", content: "hi" }]));
 * assert.notEqual(a, await promptHash([{ role: "user", content: "hi!" }]));
 * ```
 */
export function promptHash(messages: readonly ChatMessage[]): Promise<string> {
  return sha256(JSON.stringify(messages.map((m) => [m.role, m.content])));
}
