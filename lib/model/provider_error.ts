/**
 * `ProviderError`: a model cannot be created or asked as configured — a model spec that does not
 * parse, an unknown preset or synthetic profile, a missing API key, a replay source that cannot
 * be read. A request that fails at run time is not thrown: it is recorded as the sample's
 * generation error (data, in every denominator).
 *
 * @module
 */

/**
 * A model's configuration is wrong; the message names the spec, the field and the fix.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ProviderError } from "./provider_error.ts";
 * const e = new ProviderError("Cannot parse model \"x\"", { cause: new SyntaxError("bad") });
 * assert.equal(e.name, "ProviderError");
 * assert.ok(e.cause instanceof SyntaxError);
 * ```
 */
export class ProviderError extends Error {
  override name = "ProviderError";
}
