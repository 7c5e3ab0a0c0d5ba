/**
 * What the synthetic model answers: the task's reference, mutated at the
 * profile's rate by a seeded mutation, deterministic in (profile, task, seed).
 *
 * For a task that changes a codebase (`"answer": "files"`) the answer is the reference's changed
 * files, one of them mutated the same way, written as whole files (`### <path>` + fenced block)
 * on even seeds and as one unified diff against the context (a Myers line diff) on odd seeds, so
 * both extraction paths run offline. A Python files task's files are mutated by
 * `python_mutate.ts` (one file, as for TypeScript) and written in ```python fences.
 *
 * A Python task (`language: "py"`) is mutated by `python_mutate.ts` and answered in a ```python
 * fence; the profile's knobs mean the same (no `export` to drop in Python).
 *
 * @module
 */
import { hash32, rng } from "../task/hash.ts";
import type { Task } from "../task/schema.ts";
import { unifiedDiff } from "./line_diff.ts";
import { applicableMutations, mutate, type MutationName } from "./mutate.ts";
import { applicablePythonMutations, mutatePython } from "./python_mutate.ts";
import type { SyntheticProfile } from "./synthetic_profiles.ts";
import { ProviderError } from "./provider_error.ts";

/** A synthetic answer before streaming. */
export interface SyntheticAnswer {
  /** The completion text. */
  text: string;
  /** Mutations applied (empty for the reference). */
  mutations: string[];
  /** Time to first token, ms. */
  ttftMs: number;
}

function pickWeighted(
  random: () => number,
  weights: [MutationName, number][],
): MutationName | null {
  const total = weights.reduce((n, [, w]) => n + w, 0);
  if (total <= 0) return null;
  let x = random() * total;
  for (const [name, w] of weights) {
    x -= w;
    if (x < 0) return name;
  }
  return weights[weights.length - 1][0];
}

/**
 * The answer the synthetic model gives for a task, deterministic in
 * (profile, task, seed).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { syntheticAnswer } from "./synthetic_answer.ts";
 * import { SYNTHETIC_PROFILES } from "./synthetic_profiles.ts";
 * const task = { id: "t", entry: "f", referenceSource: "export function f() { return 1; }\n" } as any;
 * const a = syntheticAnswer(SYNTHETIC_PROFILES.reference, task, 7);
 * assert(a.text.includes("return 1") && a.mutations.length === 0);
 * ```
 */
export function syntheticAnswer(
  profile: SyntheticProfile,
  task:
    & Pick<Task, "id" | "entry" | "referenceSource">
    & Partial<Pick<Task, "answer" | "contextFiles" | "referenceFiles" | "language">>,
  seed: number,
  options: { reasoning?: boolean; perturbed?: string } = {},
): SyntheticAnswer {
  if (task.answer === "files") return syntheticFilesAnswer(profile, task, seed, options);
  // A perturbed prompt is its own draw (salted by the prompt), as a real model's answer would be.
  const salt = options.perturbed ? `|${hash32(options.perturbed)}` : "";
  const random = rng(hash32(`${task.id}|${seed}|${JSON.stringify(profile)}${salt}`));
  const ttftMs = profile.ttftMs[0] + random() * (profile.ttftMs[1] - profile.ttftMs[0]);
  if (task.referenceSource === null) {
    throw new ProviderError(
      `Cannot answer task "${task.id}" synthetically: it has no reference solution`,
    );
  }
  let source = task.referenceSource.trim() + "\n";
  const mutations: string[] = [];
  // Asked to reason first, the synthetic model errs half as often and writes more (slower).
  // A perturbed prompt is a different draw, and a fragile profile errs more often on it.
  const base = profile.mutationRate + (options.perturbed ? profile.perturbationPenalty : 0);
  const rate = options.reasoning ? base * REASONING_MUTATION_FACTOR : base;
  const py = task.language === "py";
  if (random() < rate) {
    const possible = (py ? applicablePythonMutations : applicableMutations)(source, task.entry);
    const weights = possible.map((m) => [m, profile.weights[m] ?? 0] as [MutationName, number]);
    const name = pickWeighted(random, weights);
    const mutant = name
      ? (py ? mutatePython : mutate)(source, task.entry, name, Math.floor(random() * 2 ** 31))
      : null;
    if (mutant) {
      if (mutant.name === "refusal") return { text: mutant.source, mutations: ["refusal"], ttftMs };
      source = mutant.source;
      mutations.push(mutant.name);
    }
  }
  if (random() < profile.dropExportRate) {
    const dropped = source.replace(
      new RegExp(`export\\s+((?:async\\s+)?(?:function|class|const)\\s+${task.entry}\\b)`),
      "$1",
    );
    if (dropped !== source) {
      source = dropped;
      mutations.push("dropped_export");
    }
  }
  const raw = random() < profile.rawRate && !options.reasoning;
  const fenced = `\`\`\`${py ? "python" : "ts"}\n${source.trimEnd()}\n\`\`\`\n`;
  const text = raw
    ? source
    : options.reasoning
    ? `${reasoningProse(task.entry, random)}\n\n${fenced}`
    : `Here is an implementation:\n\n${fenced}`;
  return { text, mutations, ttftMs };
}

/**
 * The form a synthetic files answer takes for a seed: whole files on even seeds, a diff on odd.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { syntheticFilesForm } from "./synthetic_answer.ts";
 * assert.deepEqual([0, 1, 2, -1].map(syntheticFilesForm), ["whole", "diff", "whole", "diff"]);
 * ```
 */
export function syntheticFilesForm(seed: number): "whole" | "diff" {
  return ((seed % 2) + 2) % 2 === 0 ? "whole" : "diff";
}

function syntheticFilesAnswer(
  profile: SyntheticProfile,
  task:
    & Pick<Task, "id" | "entry" | "referenceSource">
    & Partial<Pick<Task, "answer" | "contextFiles" | "referenceFiles" | "language">>,
  seed: number,
  options: { reasoning?: boolean; perturbed?: string },
): SyntheticAnswer {
  const py = task.language === "py";
  const applicable = py ? applicablePythonMutations : applicableMutations;
  const salt = options.perturbed ? `|${hash32(options.perturbed)}` : "";
  const random = rng(hash32(`${task.id}|${seed}|${JSON.stringify(profile)}${salt}`));
  const ttftMs = profile.ttftMs[0] + random() * (profile.ttftMs[1] - profile.ttftMs[0]);
  if (!task.referenceFiles) {
    throw new ProviderError(
      `Cannot answer task "${task.id}" synthetically: it has no reference files`,
    );
  }
  const files: Record<string, string> = {};
  for (const [path, source] of Object.entries(task.referenceFiles)) {
    files[path] = source.trim() + "\n";
  }
  const paths = Object.keys(files).sort();
  const mutations: string[] = [];
  const base = profile.mutationRate + (options.perturbed ? profile.perturbationPenalty : 0);
  const rate = options.reasoning ? base * REASONING_MUTATION_FACTOR : base;
  if (random() < rate) {
    const byFile = paths.filter((p) => !py || p.endsWith(".py"))
      .map((p) => [p, applicable(files[p], task.entry)] as const);
    const possible = [...new Set(byFile.flatMap(([, ms]) => ms))];
    const weights = possible.map((m) => [m, profile.weights[m] ?? 0] as [MutationName, number]);
    const name = pickWeighted(random, weights);
    const sited = byFile.filter(([, ms]) => name !== null && ms.includes(name));
    const path = sited.length ? sited[Math.floor(random() * sited.length)][0] : null;
    const mutant = name && path
      ? (py ? mutatePython : mutate)(files[path], task.entry, name, Math.floor(random() * 2 ** 31))
      : null;
    if (mutant && path) {
      if (mutant.name === "refusal") return { text: mutant.source, mutations: ["refusal"], ttftMs };
      files[path] = mutant.source.endsWith("\n") ? mutant.source : `${mutant.source}\n`;
      mutations.push(mutant.name);
    }
  }
  const form = syntheticFilesForm(seed);
  const context = task.contextFiles ?? {};
  const body = form === "whole"
    ? paths.map((p) => `### ${p}\n\`\`\`${fenceOf(p, py)}\n${files[p].trimEnd()}\n\`\`\``)
      .join("\n\n") + "\n"
    : paths.map((p) =>
      unifiedDiff(context[p] ?? "", files[p], p, { oldLabel: p in context ? undefined : null })
    ).join("");
  const raw = form === "diff" && random() < profile.rawRate && !options.reasoning;
  const wrapped = form === "diff" && !raw ? `\`\`\`diff\n${body}\`\`\`\n` : body;
  const intro = form === "whole" ? "Here are the changed files:" : "Here is the change as a diff:";
  const text = raw
    ? body
    : options.reasoning
    ? `${reasoningProse(task.entry, random)}\n\n${wrapped}`
    : `${intro}\n\n${wrapped}`;
  return { text, mutations, ttftMs };
}

/** The fence language of a changed file: a Python task's data file is json, else the task's. */
const fenceOf = (path: string, py: boolean) =>
  !py ? "ts" : path.endsWith(".json") ? "json" : "python";

/** How much less often the synthetic model mutates when asked to reason first. */
export const REASONING_MUTATION_FACTOR = 0.5;

const REASONING_LINES = [
  "restate the requirement in my own words and check the signature",
  "consider the empty input and what it must return",
  "check the boundaries: the first and last element, equal values, negative numbers",
  "decide what invalid input must do and where to validate it",
  "think about ordering and ties, and keep the order stable where it is specified",
  "walk through the examples by hand to confirm the expected outputs",
  "consider very large inputs and avoid quadratic work",
  "check unicode strings: iterate code points, not code units",
];

/** A deterministic paragraph of synthetic "reasoning" (more tokens, so more latency). */
function reasoningProse(entry: string, random: () => number): string {
  const n = 4 + Math.floor(random() * 4);
  const steps = Array.from(
    { length: n },
    (_, i) => `${i + 1}. I ${REASONING_LINES[Math.floor(random() * REASONING_LINES.length)]}.`,
  );
  return `Let me think step by step about \`${entry}\` before writing it.\n\n${steps.join("\n")}`;
}
