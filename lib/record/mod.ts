/**
 * The run store's records: the zod schemas of every line a run folder holds (manifest,
 * generations, results, case verdicts, failures), sample keys and the sample-browser filter.
 *
 * Reached as the `assay/record` subpath export (deno.json); the front door, `lib/mod.ts`,
 * re-exports the few names a notebook needs.
 *
 * @module
 */
export { CaseKind } from "./case_verdict.ts";
export { StoreRecord } from "./dependency_store.ts";
export { Evidence, EvidenceLabel, FailureCategory, FailureClassification } from "./failure.ts";
export { Diagnostic } from "./diagnostic.ts";
export { CaseVerdict } from "./case_verdict.ts";
export { GenerationRecord } from "./generation.ts";
export { FORMAT_VERSION, Manifest } from "./manifest.ts";
export { Outcome } from "./outcome.ts";
export { ResultRecord } from "./result.ts";
export { SampleKey, sampleKey } from "./sample_key.ts";
export { ModelPrice, PriceFile } from "./run_prices.ts";
export { sampleRows } from "./sample_rows.ts";
export type { SampleRow } from "./sample_rows.ts";
export { SAMPLE_ROW_DTYPES } from "./sample_rows.ts";
export { parseSampleFilterHash, sampleFilterHash } from "./sample_filter.ts";
export type { SampleFilter } from "./sample_filter.ts";
