/**
 * Links from chart marks to the samples they stand for: a mark's `href` is
 * the sample browser's fragment (`#samples?model=…&category=…`), which the
 * report's browser reads on `hashchange`.
 *
 * @module
 */
import { type SampleFilter, sampleFilterHash } from "../record/sample_filter.ts";

/** How a chart links its marks to the sample browser. */
export interface SampleLinkOptions {
  /**
   * The run's label in a comparison report (`A`, `B`…), added to every link so
   * the browser lists that run's samples. @default none (a one-run report)
   */
  run?: string;
  /** Link marks to their samples. @default true */
  links?: boolean;
}

/**
 * The `href` of a mark standing for the samples that `filter` selects, or
 * `null` (no link) when links are off. Fields given as `undefined` are left
 * out; the run label of `options` is added.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sampleHref } from "./sample_links.ts";
 * assert.equal(sampleHref({ model: "m", category: "syntax" }), "#samples?model=m&category=syntax");
 * assert.equal(sampleHref({ model: "m" }, { run: "A" }), "#samples?run=A&model=m");
 * assert.equal(sampleHref({ model: "m" }, { links: false }), null);
 * ```
 *
 * @param filter The samples.
 * @param options The run label; whether to link.
 * @returns The fragment, or null.
 */
export function sampleHref(filter: SampleFilter, options: SampleLinkOptions = {}): string | null {
  if (options.links === false) return null;
  return sampleFilterHash({ ...filter, ...(options.run ? { run: options.run } : {}) });
}

/**
 * The text that tells a reader a mark is a link, for the end of its tooltip.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { CLICK_HINT } from "./sample_links.ts";
 * assert.match(CLICK_HINT, /click/);
 * ```
 */
export const CLICK_HINT = "(click: list these samples)";
