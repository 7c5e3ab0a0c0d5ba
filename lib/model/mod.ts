/**
 * Models: the one `Provider` shape, the OpenAI-compatible provider (any compatible server),
 * the offline synthetic models and their server, replay of recorded answers, the answer cache,
 * answer extraction and prices.
 *
 * Reached as the `assay/model` subpath export (deno.json); the front door, `lib/mod.ts`,
 * re-exports the few names a notebook needs.
 *
 * @module
 */
export { parseModelSpec, PROVIDERS, REASONING_EFFORTS } from "./provider.ts";
export { PRESETS, resolvePreset } from "./presets.ts";
export type { Preset } from "./presets.ts";
export type {
  GenerateRequest,
  Generation,
  GenerationParams,
  ModelSpec,
  Provider,
  ReasoningEffort,
} from "./provider.ts";
export { createProvider } from "./create.ts";
export type { CreateProviderOptions } from "./create.ts";
export { openaiProvider } from "./openai.ts";
export type { OpenAIProviderOptions } from "./openai.ts";
export { syntheticProvider } from "./synthetic.ts";
export { replayProvider } from "./replay.ts";
export { startSyntheticServer } from "./synthetic_server.ts";
export type { SyntheticServer, SyntheticServerOptions } from "./synthetic_server.ts";
export {
  REASONING_MUTATION_FACTOR,
  syntheticAnswer,
  syntheticFilesForm,
} from "./synthetic_answer.ts";
export type { SyntheticAnswer } from "./synthetic_answer.ts";
export { SYNTHETIC_PROFILES, syntheticProfile } from "./synthetic_profiles.ts";
export type { SyntheticProfile } from "./synthetic_profiles.ts";
export { applicableMutations, mutate, MUTATIONS } from "./mutate.ts";
export type { Mutant, MutationName } from "./mutate.ts";
export { extractCode } from "./extract.ts";
export { extractFiles, filesAnswerCode } from "./extract_files.ts";
export type { FilesContext, FilesExtraction } from "./extract_files.ts";
export { applyHunks, parseUnifiedDiff } from "./apply_diff.ts";
export type { ApplyOptions, ApplyResult, FilePatch, Hunk, HunkLine } from "./apply_diff.ts";
export { diffLines, unifiedDiff } from "./line_diff.ts";
export type { LineEdit, UnifiedDiffOptions } from "./line_diff.ts";
export { BUILTIN_PRICES, loadPrices, priceOf, PricesError } from "./prices.ts";
export type { PriceTable } from "./prices.ts";
export { ProviderError } from "./provider_error.ts";
