/**
 * What makes two runs hard to compare: every setting in which a run differs
 * from the baseline (samples per task, seed, suite, models' parameters,
 * variants, sandbox settings, time limits), each with both values and what it
 * does to the comparison.
 *
 * @module
 */
import type { Manifest } from "../record/manifest.ts";
import type { ResultRecord } from "../record/result.ts";
import { limitDecidedTasks } from "./limit_decided.ts";
import { incompleteLabel, type Incompleteness } from "./load_run.ts";
import { runLabel } from "./runs_side_by_side.ts";

/** One way in which a run differs from the baseline. */
export interface ComparabilityWarning {
  /** What differs: `completeness`, `samples per task`, `seed`, `suite`, `models`, `model parameters`, `variants`, `sandbox`, `time limits`, `tools`. */
  aspect: string;
  /** The label of the baseline run (`A`). */
  baseline: string;
  /** The label of the run that differs (`B`). */
  run: string;
  /** The baseline's value, as text. */
  before: string;
  /** The other run's value, as text. */
  after: string;
  /** The sentence that names the difference and its consequence. */
  text: string;
}

/** What {@link comparabilityWarnings} reads of a run. */
export type ComparedRun = {
  manifest: Manifest;
  results: readonly ResultRecord[];
  /** Null or absent when the run completed; else how many samples it holds of how many it should (`loadRun()`). */
  incomplete?: Incompleteness | null;
};

/** Options for {@link comparabilityWarnings}. */
export interface ComparabilityOptions {
  /** A label per run. @default "A", "B", … */
  labels?: readonly string[];
}

/** The aspects {@link comparabilityWarnings} checks, in the order it reports them. */
export const COMPARED_ASPECTS = [
  "completeness",
  "samples per task",
  "seed",
  "suite",
  "models",
  "model parameters",
  "variants",
  "sandbox",
  "time limits",
  "tools",
] as const;

/** Run parameters that are sandbox settings (they can change a verdict). */
const SANDBOX_PARAMS = ["isolation", "sandbox", "semantics", "python", "typecheck"] as const;

/** Samples per task: the manifest's `samples`, else the most samples any task × model × variant has. */
function samplesPerTask(run: ComparedRun): number {
  const declared = Number(run.manifest.params.samples);
  if (Number.isInteger(declared) && declared > 0) return declared;
  const counts = new Map<string, number>();
  for (const r of run.results) {
    const key = JSON.stringify([r.task, r.model, r.variant]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return Math.max(0, ...counts.values());
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const text = (v: unknown) => (v === undefined ? "not set" : JSON.stringify(v));

/** `openai:gpt-4o?temperature=0` → [`openai:gpt-4o`, `temperature=0`]. */
function splitSpec(spec: string): [string, string] {
  const at = spec.indexOf("?");
  return at < 0 ? [spec, ""] : [spec.slice(0, at), spec.slice(at + 1)];
}

/** The suite as text: name, task count, selection, short hash. */
function suiteText(m: Manifest): string {
  const selection = m.params.selection === undefined
    ? ""
    : `, selection ${JSON.stringify(m.params.selection)}`;
  return `${m.suite.name} (${plural(m.suite.tasks, "task")}${selection}, hash ${
    m.suite.hash.slice(0, 12)
  })`;
}

/** Seconds with one decimal. */
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Every way in which each run differs from the first (the baseline), in the
 * order of {@link COMPARED_ASPECTS}; empty when the runs are comparable.
 *
 * - completeness (an interrupted run lacks samples);
 * - samples per task (`params.samples`): fewer samples make flips and
 *   intervals weaker;
 * - seed; suite (content hash, task count, selection): only tasks in both are
 *   compared; models (specs present in one run only) and models' parameters
 *   (the spec's `?temperature=…` and the run's `temperature`, …);
 * - variants (names, and a template that renders different prompts under the
 *   same name); sandbox settings (isolation, sandbox, semantics, python,
 *   typecheck); time limits: a task whose limit differs between the runs
 *   (limits derived from the reference's time move with the machine's load)
 *   and whose verdict the limit may have decided: a sample timed out in the
 *   run with the lower limit (it might have finished under the higher), or a
 *   sample of the run with the higher limit ran past the lower one without
 *   timing out (it would have timed out there); or one run derived its limits
 *   and the other did not; tool versions (deno, typescript).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { comparabilityWarnings } from "./comparability.ts";
 * const run = (samples: number, seed: number) => ({
 *   manifest: { suite: { name: "s", dir: "", hash: "h", tasks: 2 }, models: [], variants: ["plain"], params: { samples, seed }, tools: {} },
 *   results: [],
 * }) as never;
 * const [w, seed] = comparabilityWarnings([run(3, 0), run(1, 2)]);
 * assert.equal(w.text, "B has 1 sample per task, A has 3: flips and intervals are weaker");
 * assert.equal(seed.aspect, "seed");
 * assert.deepEqual(comparabilityWarnings([run(3, 0), run(3, 0)]), []);
 * ```
 *
 * @param runs The runs, baseline first.
 * @param options Labels.
 * @returns One warning per aspect and run that differs.
 */
export function comparabilityWarnings(
  runs: readonly ComparedRun[],
  options: ComparabilityOptions = {},
): ComparabilityWarning[] {
  const labels = runs.map((_, i) => options.labels?.[i] ?? runLabel(i));
  const warnings: ComparabilityWarning[] = [];
  const [base, ...others] = runs;
  if (base === undefined) return warnings;
  const A = labels[0];
  others.forEach((other, j) => {
    const B = labels[j + 1];
    const add = (aspect: string, before: string, after: string, sentence: string) =>
      warnings.push({ aspect, baseline: A, run: B, before, after, text: sentence });
    const [ma, mb] = [base.manifest, other.manifest];
    // completeness: a sample a run lacks is left out of every pair
    const [ia, ib] = [base.incomplete ?? null, other.incomplete ?? null];
    if (ia !== null || ib !== null) {
      const state = (i: Incompleteness | null) => (i === null ? "complete" : incompleteLabel(i));
      const which = [ia === null ? [] : [A], ib === null ? [] : [B]].flat().join(" and ");
      add(
        "completeness",
        state(ia),
        state(ib),
        `${which} ${ia !== null && ib !== null ? "are" : "is"} incomplete (${A}: ${
          state(ia)
        }; ${B}: ${
          state(ib)
        }): the tasks a run lacks are left out of the comparison, and a partly recorded task rests on fewer samples`,
      );
    }
    // samples per task
    const [sa, sb] = [samplesPerTask(base), samplesPerTask(other)];
    if (sa !== sb) {
      add(
        "samples per task",
        String(sa),
        String(sb),
        `${B} has ${plural(sb, "sample")} per task, ${A} has ${sa}: ${
          sb < sa ? "flips and intervals are weaker" : `flips and intervals rest on ${A}'s ${sa}`
        }`,
      );
    }
    // seed
    if (text(ma.params.seed) !== text(mb.params.seed)) {
      add(
        "seed",
        text(ma.params.seed),
        text(mb.params.seed),
        `${B} used seed ${text(mb.params.seed)}, ${A} seed ${
          text(ma.params.seed)
        }: the runs drew different samples, so some change is noise`,
      );
    }
    // suite
    const [ua, ub] = [suiteText(ma), suiteText(mb)];
    if (ma.suite.hash !== mb.suite.hash || ua !== ub) {
      const tasksA = new Set(base.results.map((r) => r.task));
      const common = new Set(other.results.map((r) => r.task).filter((t) => tasksA.has(t)));
      add(
        "suite",
        ua,
        ub,
        `${B} ran suite ${ub}, ${A} ran ${ua}: only the ${
          plural(common.size, "task")
        } in both are compared`,
      );
    }
    // models present in one run only, and models' parameters
    const specsA = new Map(ma.models.map((m) => [splitSpec(m.spec)[0], splitSpec(m.spec)[1]]));
    const specsB = new Map(mb.models.map((m) => [splitSpec(m.spec)[0], splitSpec(m.spec)[1]]));
    const onlyA = [...specsA.keys()].filter((m) => !specsB.has(m));
    const onlyB = [...specsB.keys()].filter((m) => !specsA.has(m));
    if (onlyA.length || onlyB.length) {
      const list = (xs: string[]) => xs.join(", ") || "none";
      add(
        "models",
        ma.models.map((m) => m.spec).join(", "),
        mb.models.map((m) => m.spec).join(", "),
        `models only in ${A}: ${list(onlyA)}; only in ${B}: ${
          list(onlyB)
        }: they are left out of the comparison`,
      );
    }
    const parameters = [...specsA].filter(([m, q]) => specsB.has(m) && specsB.get(m) !== q)
      .map(([m, q]) => [`${m}: ${q || "defaults"}`, `${m}: ${specsB.get(m) || "defaults"}`]);
    if (text(ma.params.temperature) !== text(mb.params.temperature)) {
      parameters.push([
        `temperature ${text(ma.params.temperature)}`,
        `temperature ${text(mb.params.temperature)}`,
      ]);
    }
    if (parameters.length) {
      const [before, after] = [parameters.map((p) => p[0]), parameters.map((p) => p[1])];
      add(
        "model parameters",
        before.join("; "),
        after.join("; "),
        `${B} asked with ${after.join("; ")}, ${A} with ${
          before.join("; ")
        }: a change may come from the parameters`,
      );
    }
    // variants: names, and templates that render different prompts under the same name
    const prompts = (m: Manifest) =>
      new Map((m.templates ?? []).map((t) => [t.name, t.promptsHash]));
    const [pa, pb] = [prompts(ma), prompts(mb)];
    const edited = ma.variants.filter((v) =>
      mb.variants.includes(v) && pa.has(v) && pb.has(v) && pa.get(v) !== pb.get(v)
    );
    if (ma.variants.join(",") !== mb.variants.join(",") || edited.length) {
      const common = ma.variants.filter((v) => mb.variants.includes(v));
      add(
        "variants",
        ma.variants.join(", "),
        mb.variants.join(", "),
        `${B} has variants ${mb.variants.join(", ")}, ${A} has ${ma.variants.join(", ")}${
          edited.length
            ? `; ${edited.join(", ")} renders different prompts in ${B} (the template changed)`
            : ""
        }: only ${common.length ? common.join(", ") : "variants in both"} ${
          common.length === 1 ? "is" : "are"
        } compared`,
      );
    }
    // sandbox settings
    const changed = SANDBOX_PARAMS.filter((k) => text(ma.params[k]) !== text(mb.params[k]));
    if (changed.length) {
      const show = (m: Manifest) => changed.map((k) => `${k} ${text(m.params[k])}`).join(", ");
      add(
        "sandbox",
        show(ma),
        show(mb),
        `${B} ran answers with ${show(mb)}, ${A} with ${
          show(ma)
        }: the same code may get another verdict`,
      );
    }
    // time limits of the tasks in both runs, where the difference could decide a verdict
    const [ta, tb] = [ma.timeouts ?? {}, mb.timeouts ?? {}];
    const mattered = limitDecidedTasks(base, other);
    const derived = [Object.keys(ta).length > 0, Object.keys(tb).length > 0];
    if (mattered.length || derived[0] !== derived[1]) {
      const shown = mattered.slice(0, 3);
      const [before, after] = [ta, tb].map((t) =>
        shown.map((task) => `${task} ${seconds(t[task].timeoutMs)}`).join(", ")
      );
      const more = mattered.length > 3 ? ", …" : "";
      add(
        "time limits",
        derived[0] ? before + more || "derived" : "declared",
        derived[1] ? after + more || "derived" : "declared",
        mattered.length
          ? `${
            plural(mattered.length, "task")
          } ran under different time limits that may have decided a verdict (${B}: ${after}${more}; ${A}: ${before}${more}): a sample timed out under the lower limit, or ran past it under the higher`
          : `${derived[1] ? B : A} derived its time limits from the reference's time, ${
            derived[1] ? A : B
          } used the declared ones: timeouts may differ`,
      );
    }
    // tool versions that run or check the code
    const tools = ["deno", "typescript"].filter((k) => text(ma.tools[k]) !== text(mb.tools[k]));
    if (tools.length) {
      const show = (m: Manifest) => tools.map((k) => `${k} ${m.tools[k] ?? "?"}`).join(", ");
      add(
        "tools",
        show(ma),
        show(mb),
        `${B} ran with ${show(mb)}, ${A} with ${show(ma)}: verdicts may differ for that reason`,
      );
    }
  });
  return warnings;
}
