/**
 * Deterministic, seeded prompt perturbations for robustness: each turns a
 * task into a task that asks for the same behaviour in different words or
 * shape. The tests follow a renamed entry point, so only the prompt changes
 * what a correct answer looks like. A perturbed run's variant is
 * `<template>+<perturbation>`.
 *
 * @module
 */
import { hash32, rng } from "../task/hash.ts";
import type { Task } from "../task/schema.ts";

/** The perturbations, each a small change a user might make without meaning to change the task. */
export const PERTURBATIONS = [
  "rename_entry", // the entry point gets another plausible name (the tests follow)
  "rename_params", // parameter names in the signature change
  "reorder", // instruction sentences within each paragraph are shuffled
  "reword", // common phrases are replaced by synonyms
  "drop_examples", // example sentences are removed
  "irrelevant_context", // an unrelated paragraph is added before the task
  "formatting", // line breaks and list markers are flattened into one paragraph
] as const;
/** One perturbation. */
export type PerturbationName = typeof PERTURBATIONS[number];

function random(seed: number, salt: string): () => number {
  return rng(hash32(`${seed}|${salt}`));
}

function shuffle<T>(xs: T[], next: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const PREFIXES = ["compute", "get", "make", "do", "apply"];
const SYNONYMS: [RegExp, string][] = [
  [/\bWrite a\b/g, "Implement a"],
  [/\breturns\b/g, "gives back"],
  [/\breturn\b/g, "give back"],
  [/\bmust\b/g, "has to"],
  [/\bIf\b/g, "When"],
  [/\bthrow\b/g, "raise"],
  [/\bempty\b/g, "zero-length"],
  [/\bkeep\b/g, "preserve"],
];
const IRRELEVANT = [
  "Background: our team migrated the billing service to a new message queue last quarter, and the on-call",
  "rotation now includes the data platform group. Logs are retained for thirty days and dashboards refresh",
  "every five minutes. None of this affects the function below.",
].join(" ");

function renamedEntry(entry: string, seed: number): string {
  const prefix = PREFIXES[Math.floor(random(seed, entry)() * PREFIXES.length)];
  return /^[A-Z]/.test(entry)
    ? `${entry}Impl`
    : `${prefix}${entry[0].toUpperCase()}${entry.slice(1)}`;
}

const word = (name: string) => new RegExp(`\\b${name.replace(/\$/g, "\\$")}\\b`, "g");

/**
 * The task with one perturbation applied, deterministic in `seed`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { perturbTask } from "./perturb.ts";
 * const task = { entry: "clamp", signature: "export function clamp(x: number): number", instructions: "Write a function clamp(x).",
 *   testsSource: 'import { clamp } from "./solution.ts";' } as never;
 * const p = perturbTask(task, "rename_entry", 1);
 * assert.notEqual(p.entry, "clamp");
 * assert.ok(p.testsSource.includes(`import { ${p.entry} as clamp }`));
 * ```
 */
export function perturbTask(task: Task, name: PerturbationName, seed: number): Task {
  const next = random(seed, `${task.id}|${name}`);
  // A codebase fixes its own names: renaming the entry or its parameters in the prompt alone
  // would contradict the context files, so a files task keeps them.
  if (task.answer === "files" && (name === "rename_entry" || name === "rename_params")) return task;
  switch (name) {
    case "rename_entry": {
      const entry = renamedEntry(task.entry, seed);
      const testsSource = task.testsSource.replace(
        /import\s*\{([^}]*)\}\s*from\s*(["'])\.\/solution\.ts\2/,
        (_m, names: string, q: string) =>
          `import {${
            names.replace(word(task.entry), `${entry} as ${task.entry}`)
          }} from ${q}./solution.ts${q}`,
      );
      return {
        ...task,
        entry,
        signature: task.signature.replace(word(task.entry), entry),
        instructions: task.instructions.replace(word(task.entry), entry),
        testsSource,
      };
    }
    case "rename_params": {
      let i = 0;
      const signature = task.signature.replace(
        /([(,]\s*)([a-z_$][\w$]*)(\??\s*:)/g,
        (_m, pre, _p, post) => `${pre}arg${i++}${post}`,
      );
      return { ...task, signature };
    }
    case "reorder": {
      const paragraphs = task.instructions.split(/\n\s*\n/).map((p) => {
        const lines = p.split("\n");
        if (lines.length > 1 && lines.slice(1).every((l) => /^\s*[-*\d]/.test(l))) {
          return [lines[0], ...shuffle(lines.slice(1), next)].join("\n"); // a list: shuffle its items
        }
        // Split after a sentence end followed by space: "8.25%" or "Date.now()" stay whole.
        const sentences = p.split(/(?<=[.!?])\s+/);
        return sentences.length > 1 ? shuffle(sentences, next).join(" ") : p;
      });
      return { ...task, instructions: paragraphs.join("\n\n") };
    }
    case "reword":
      return {
        ...task,
        instructions: SYNONYMS.reduce((s, [re, to]) => s.replace(re, to), task.instructions),
      };
    case "drop_examples": {
      const kept = task.instructions.split(/\n\s*\n/).filter((p) =>
        !/^\s*(examples?|for example|e\.g\.)/i.test(p)
      )
        .map((p) => p.replace(/(^|\s)(For example|E\.g\.|Example)[^.]*\.(?=\s|$)/g, ""));
      return { ...task, instructions: kept.join("\n\n").trim() };
    }
    case "irrelevant_context":
      return { ...task, instructions: `${IRRELEVANT}\n\n${task.instructions}` };
    case "formatting":
      return {
        ...task,
        instructions: task.instructions.replace(/\n\s*[-*]\s+/g, " ").replace(/\s*\n+\s*/g, " ")
          .trim(),
      };
  }
}

/**
 * Check a perturbation name.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { perturbationByName } from "./perturb.ts";
 * assert(perturbationByName("reorder") === "reorder");
 * ```
 */
export function perturbationByName(name: string): PerturbationName {
  if (!(PERTURBATIONS as readonly string[]).includes(name)) {
    throw new RangeError(
      `Cannot find perturbation "${name}": known perturbations are ${PERTURBATIONS.join(", ")}`,
    );
  }
  return name as PerturbationName;
}
