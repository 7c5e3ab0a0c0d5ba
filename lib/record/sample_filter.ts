/**
 * The sample browser's state as a URL fragment: which samples are listed and
 * which one is open. Charts link their marks to a fragment (`href`), the
 * browser reads and writes it, so a link points at one filtered view or one
 * sample, from `file://` as from a server.
 *
 * The fragment is `#samples?` followed by URL-encoded `field=value` pairs in
 * the order of {@link SAMPLE_FILTER_FIELDS}; empty fields are left out.
 *
 * @module
 */

/** What a sample's status may be in the browser's filter. */
export type SampleStatus =
  | "passed"
  | "failed"
  | "generation_error"
  | "task_error"
  | "infrastructure_error"
  | "not_judged";

/** A filter of the sample browser and the open sample; every field is optional (absent: any). */
export interface SampleFilter {
  /** Run label in a comparison report (`A`, `B`, …); absent in a one-run report. */
  run?: string;
  /** Model spec, e.g. `synthetic:sloppy`. */
  model?: string;
  /** Prompt variant, e.g. `plain`. */
  variant?: string;
  /** Language: `ts`, `js` or `py`. */
  language?: string;
  /** Task id. */
  task?: string;
  /** Spectrum bucket: `correct`, `almost` or `wrong`. */
  bucket?: string;
  /** Primary failure category (`syntax`, `boundary`, …). */
  category?: string;
  /** Passed (every case), failed, a generation, task or infrastructure error, or not judged yet. */
  status?: SampleStatus;
  /** Text searched in the task id, the answer and the failure evidence. */
  q?: string;
  /** The open sample's key ({@link sampleKey}'s JSON string). */
  sample?: string;
}

/** The fields of a {@link SampleFilter}, in fragment order. */
export const SAMPLE_FILTER_FIELDS = [
  "run",
  "model",
  "variant",
  "language",
  "task",
  "bucket",
  "category",
  "status",
  "q",
  "sample",
] as const satisfies readonly (keyof SampleFilter)[];

/** The fragment prefix that names the sample browser. */
export const SAMPLE_FRAGMENT = "#samples";

/**
 * The URL fragment for a filter: a chart mark's `href`, a link to one sample.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sampleFilterHash } from "./sample_filter.ts";
 * assert.equal(sampleFilterHash({ model: "synthetic:sloppy", category: "syntax" }),
 *   "#samples?model=synthetic%3Asloppy&category=syntax");
 * assert.equal(sampleFilterHash({}), "#samples");
 * ```
 *
 * @param filter The filter (absent or empty fields: any).
 * @returns The fragment, starting with `#samples`.
 */
export function sampleFilterHash(filter: SampleFilter): string {
  const pairs = SAMPLE_FILTER_FIELDS.flatMap((field) => {
    const value = filter[field];
    return value === undefined || value === "" ? [] : [`${field}=${encodeURIComponent(value)}`];
  });
  return pairs.length === 0 ? SAMPLE_FRAGMENT : `${SAMPLE_FRAGMENT}?${pairs.join("&")}`;
}

/**
 * Read a fragment written by {@link sampleFilterHash}; `undefined` when the
 * fragment is not the sample browser's. Unknown fields are ignored, a
 * malformed escape is taken literally.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseSampleFilterHash } from "./sample_filter.ts";
 * assert.deepEqual(parseSampleFilterHash("#samples?model=synthetic%3Asloppy&status=failed"),
 *   { model: "synthetic:sloppy", status: "failed" });
 * assert.equal(parseSampleFilterHash("#summary"), undefined);
 * ```
 *
 * @param hash `location.hash`, with or without its `#`.
 * @returns The filter, or `undefined`.
 */
export function parseSampleFilterHash(hash: string): SampleFilter | undefined {
  const fragment = hash.startsWith("#") ? hash : `#${hash}`;
  if (fragment !== SAMPLE_FRAGMENT && !fragment.startsWith(`${SAMPLE_FRAGMENT}?`)) {
    return undefined;
  }
  const filter: Record<string, string> = {};
  const query = fragment.slice(SAMPLE_FRAGMENT.length + 1);
  for (const pair of query.split("&")) {
    const at = pair.indexOf("=");
    if (at <= 0) continue;
    const field = pair.slice(0, at);
    if (!(SAMPLE_FILTER_FIELDS as readonly string[]).includes(field)) continue;
    filter[field] = decode(pair.slice(at + 1));
  }
  return filter as SampleFilter;
}

/** `decodeURIComponent`, or the text itself when it is not a valid escape. */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
