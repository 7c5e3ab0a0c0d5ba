/**
 * What a model's tokens cost: the price file format (`lib/model/prices.json`, and a user's
 * `--prices FILE`) and the price a run records for each of its models (`manifest.json` `prices`).
 *
 * @module
 */
import { z } from "zod";

/** A date at month or day precision, `2025-08` or `2025-08-07`: no more precise than it was taken. */
const AsOf = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, "use YYYY-MM or YYYY-MM-DD");

/** One model's list price in a price file. */
export const PriceEntry = z.object({
  /** USD per 1 000 000 input (prompt) tokens. */
  input: z.number().nonnegative().describe("USD per 1M input (prompt) tokens"),
  /** USD per 1 000 000 output (completion, reasoning included) tokens. */
  output: z.number().nonnegative().describe("USD per 1M output (completion) tokens"),
  /** When the price was taken (YYYY-MM or YYYY-MM-DD); the file's `asOf` when absent. */
  asOf: AsOf.optional().describe("when the price was taken; the file's asOf when absent"),
  /** Where the price was taken from (a URL or a name); the file's `source` when absent. */
  source: z.string().min(1).optional().describe(
    "where the price was taken from; the file's source when absent",
  ),
}).strict();
/** One model's list price in a price file. */
export type PriceEntry = z.infer<typeof PriceEntry>;

/**
 * A price file: `models` maps a model, written as a spec without parameters, to its price
 * (`"gpt-4o-mini"` is `openai:gpt-4o-mini`; `"deepseek:deepseek-chat"`, `"openrouter:openai/gpt-4o"`);
 * `asOf` and `source` label every entry that does not carry its own.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { PriceFile } from "./run_prices.ts";
 * const file = PriceFile.parse({ asOf: "2025-08", source: "my invoice", models: { "gpt-4o-mini": { input: 0.15, output: 0.6 } } });
 * assert.equal(file.models["gpt-4o-mini"].output, 0.6);
 * assert.equal(PriceFile.safeParse({ models: { x: { input: -1, output: 0 } } }).success, false);
 * ```
 */
export const PriceFile = z.object({
  /** A sentence shown with the prices (e.g. "list prices as of 2025-08; check before quoting"). */
  note: z.string().optional().describe("a sentence shown with the prices"),
  /** When the prices were taken, for entries without their own `asOf`. */
  asOf: AsOf.optional().describe("when the prices were taken, for entries without their own"),
  /** Where the prices were taken from, for entries without their own `source`. */
  source: z.string().min(1).optional().describe(
    "where the prices were taken from, for entries without their own",
  ),
  /** Model (a spec without parameters; a bare name means `openai:`) → price. */
  models: z.record(z.string(), PriceEntry).describe("model spec without parameters → price"),
}).strict();
/** A price file. */
export type PriceFile = z.infer<typeof PriceFile>;

/**
 * The price of one model as a run used it: a list price (`list`, from the table entry `key`),
 * or free because nothing is paid per token (`synthetic`: the offline model; `local`: a server on
 * this machine or network, ollama/llamacpp/lmstudio/vllm; `replay`: recorded answers served again).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ModelPrice } from "./run_prices.ts";
 * const p = ModelPrice.parse({ kind: "list", key: "gpt-4o-mini", input: 0.15, output: 0.6, asOf: "2025-08", source: "openai.com/api/pricing" });
 * assert.equal(p.kind, "list");
 * ```
 */
export const ModelPrice = z.object({
  /** `list`: a price from the table; `synthetic`, `local`, `replay`: costs 0, and says why. */
  kind: z.enum(["list", "synthetic", "local", "replay"]).describe(
    "list (a price from the table) or why it costs 0: synthetic, local, replay",
  ),
  /** The table entry that priced it (`list` only), else null. */
  key: z.string().nullable().describe("the table entry that priced it, null when free"),
  /** USD per 1M input tokens. */
  input: z.number().nonnegative().describe("USD per 1M input tokens"),
  /** USD per 1M output tokens. */
  output: z.number().nonnegative().describe("USD per 1M output tokens"),
  /** When the price was taken (`list` only), else null. */
  asOf: z.string().nullable().describe("when the price was taken, null when free"),
  /** Where the price was taken from (`list` only), else null. */
  source: z.string().nullable().describe("where the price was taken from, null when free"),
});
/** The price of one model as a run used it. */
export type ModelPrice = z.infer<typeof ModelPrice>;

/**
 * The prices a run used, by model spec (`manifest.json` `prices`): null for a model with no price
 * (its cost is unknown, never 0).
 */
export const RunPrices = z.record(z.string(), ModelPrice.nullable()).describe(
  "model spec → the price used (null: no price, cost unknown)",
);
/** The prices a run used, by model spec. */
export type RunPrices = z.infer<typeof RunPrices>;
