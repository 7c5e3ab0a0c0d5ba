/**
 * What the sandbox appends to a task's tests, for the strict runner and the warm pool alike.
 *
 * @module
 */

/**
 * Appended to tests.ts: right after the tests' own body, before any code of
 * the candidate can run again, hand the declared cases to the runner's
 * `__assaySeal` (a non-writable global), which returns a frozen copy.
 * Shared by the strict runner and the warm pool's host.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { TESTS_TRAILER } from "./tests_trailer.ts";
 * assert(TESTS_TRAILER.includes("__assaySeal"));
 * ```
 */
export const TESTS_TRAILER = `
;// assay: snapshot the cases before the code under test can replace them.
import * as __assayTests from "./tests.ts";
export const __assayCases = __assaySeal(__assayTests);
`;
