/**
 * Whether two runs of the same answers reach the same verdicts: e.g. one Python run under Pyodide
 * and one under CPython, sample by sample.
 *
 * @module
 */
import type { ResultRecord } from "../record/result.ts";
import { sampleKey } from "../record/sample_key.ts";
import type { Run } from "./load_run.ts";

/** Agreement of one model × variant. */
export interface AgreementRow {
  /** The model spec. */
  model: string;
  /** The prompt variant. */
  variant: string;
  /** Samples judged in both runs. */
  samples: number;
  /** Samples with the same verdict in both: the same outcome and every case the same status. */
  same: number;
  /** Samples whose verdicts differ. */
  different: number;
}

/** One sample whose verdicts differ between the runs. */
export interface VerdictDifference {
  /** The task id. */
  task: string;
  /** The model spec. */
  model: string;
  /** The prompt variant. */
  variant: string;
  /** The sample index. */
  sample: number;
  /** The first run's verdict: its outcome and the cases that did not pass (`name: status`). */
  a: string;
  /** The second run's verdict, the same way. */
  b: string;
}

/** What {@link verdictAgreement} returns. */
export interface VerdictAgreement {
  /** One row per model × variant, in the first run's order. */
  rows: AgreementRow[];
  /** Every sample whose verdicts differ. */
  differences: VerdictDifference[];
  /** Samples judged in both runs, over every model × variant. */
  samples: number;
  /** Of those, samples with the same verdict in both. */
  same: number;
}

/** Options for {@link verdictAgreement}. */
export interface VerdictAgreementOptions {
  /** Only samples of tasks in this language (`ts`, `js` or `py`). @default every sample */
  language?: string;
}

/** A sample's verdict as text: its outcome and every case that did not pass. */
function verdictOf(r: ResultRecord): string {
  const failing = r.cases.filter((c) => c.status !== "pass").map((c) => `${c.name}: ${c.status}`);
  return failing.length ? `${r.outcome}; ${failing.join(", ")}` : `${r.outcome}; every case passes`;
}

/**
 * Compare two runs' verdicts on the samples both judged (paired by task, model, variant and
 * sample index): per model × variant, how many are the same and how many differ, and each
 * difference. The answers are only the same when both runs asked the same models with the same
 * seed (a synthetic model, a replay or the cache); then a difference is the runtime's.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type { Run } from "./load_run.ts";
 * import type { ResultRecord } from "../record/result.ts";
 * import { verdictAgreement } from "./verdict_agreement.ts";
 * const result = (task: string, status: "pass" | "fail"): ResultRecord => ({
 *   task, model: "m", variant: "plain", sample: 0, language: "py", outcome: "completed", detail: "",
 *   cases: [{ name: "c", kind: "core", status, message: "", ms: 1 }], passed: status === "pass",
 *   passFraction: status === "pass" ? 1 : 0, weightedAccuracy: status === "pass" ? 1 : -1,
 *   bucket: status === "pass" ? "correct" : "wrong", execMs: 1, failure: null, stderr: "",
 * });
 * const run = (results: ResultRecord[]) => ({ results }) as unknown as Run;
 * const { rows, differences, samples, same } = verdictAgreement(
 *   run([result("a", "pass"), result("b", "pass")]),
 *   run([result("a", "pass"), result("b", "fail")]),
 * );
 * assert.deepEqual(rows, [{ model: "m", variant: "plain", samples: 2, same: 1, different: 1 }]);
 * assert.deepEqual([same, samples], [1, 2]);
 * assert.deepEqual(differences.map((d) => [d.task, d.a, d.b]), [["b", "completed; every case passes", "completed; c: fail"]]);
 * assert.deepEqual(verdictAgreement(run([result("a", "pass")]), run([]), { language: "py" }).rows, []);
 * ```
 *
 * @param a The first run.
 * @param b The second run.
 * @param options Which samples to compare.
 * @returns One row per model × variant (in the first run's order), every difference, the totals.
 */
export function verdictAgreement(
  a: Pick<Run, "results">,
  b: Pick<Run, "results">,
  options: VerdictAgreementOptions = {},
): VerdictAgreement {
  const keep = (r: ResultRecord) =>
    options.language === undefined || (r.language ?? "ts") === options.language;
  const other = new Map(b.results.filter(keep).map((r) => [sampleKey(r), r]));
  const rows = new Map<string, AgreementRow>();
  const differences: VerdictDifference[] = [];
  for (const x of a.results.filter(keep)) {
    const y = other.get(sampleKey(x));
    if (y === undefined) continue;
    const key = JSON.stringify([x.model, x.variant]);
    let row = rows.get(key);
    if (!row) {
      rows.set(
        key,
        row = { model: x.model, variant: x.variant, samples: 0, same: 0, different: 0 },
      );
    }
    row.samples++;
    const [va, vb] = [verdictOf(x), verdictOf(y)];
    if (va === vb) {
      row.same++;
    } else {
      row.different++;
      differences.push({
        task: x.task,
        model: x.model,
        variant: x.variant,
        sample: x.sample,
        a: va,
        b: vb,
      });
    }
  }
  const all = [...rows.values()];
  return {
    rows: all,
    differences,
    samples: all.reduce((n, r) => n + r.samples, 0),
    same: all.reduce((n, r) => n + r.same, 0),
  };
}
