/**
 * The price table: built-in list prices (`prices.json` beside this file, each labelled with the
 * date it was taken and its source), extended or overridden by a user's file (`--prices FILE`,
 * format: `PriceFile` in lib/record/run_prices.ts), and the price of a model spec under it.
 *
 * @module
 */
import { ModelPrice, PriceFile, type RunPrices } from "../record/run_prices.ts";
import { parseModelSpec, PROVIDERS } from "./provider.ts";
import builtin from "./prices.json" with { type: "json" };

/** One model's price in a {@link PriceTable}: every label filled in. */
export interface TablePrice {
  /** USD per 1M input tokens. */
  input: number;
  /** USD per 1M output tokens. */
  output: number;
  /** When the price was taken. */
  asOf: string;
  /** Where it was taken from. */
  source: string;
}

/** Prices by model (a spec without parameters, always with its provider: `openai:gpt-4o`). */
export interface PriceTable {
  /** What to say with the prices: the built-in note, then each file's. */
  notes: string[];
  /** Normalised model → price. */
  models: Record<string, TablePrice>;
}

/** A price file that cannot be read or does not follow the format (the CLI turns it into a usage error). */
export class PricesError extends Error {
  override name = "PricesError";
}

/** Providers whose servers run where the user runs them: nothing is paid per token. */
export const LOCAL_PROVIDERS: readonly string[] = ["ollama", "llamacpp", "lmstudio", "vllm"];

/** A table key as a spec with its provider: a bare name is OpenAI's (as in a model spec). */
function normalKey(key: string): string {
  const i = key.indexOf(":");
  const provider = i < 0 ? "" : key.slice(0, i);
  return (PROVIDERS as readonly string[]).includes(provider) ? key : `openai:${key}`;
}

/** Check a parsed price file and add its entries to `base` (a file's entry wins). */
function extend(base: PriceTable, raw: unknown, from: string): PriceTable {
  const parsed = PriceFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length ? issue.path.join(".") : "(top level)";
    throw new PricesError(
      `Cannot read prices "${from}": field ${field}: ${issue.message}: ` +
        `write {"asOf": "YYYY-MM", "source": "…", "models": {"gpt-4o-mini": {"input": 0.15, "output": 0.6}}} (USD per 1M tokens)`,
    );
  }
  const file = parsed.data;
  const models = { ...base.models };
  for (const [key, entry] of Object.entries(file.models)) {
    const asOf = entry.asOf ?? file.asOf;
    const source = entry.source ?? file.source;
    for (const [name, value] of [["asOf", asOf], ["source", source]] as const) {
      if (value === undefined) {
        throw new PricesError(
          `Cannot read prices "${from}": field models.${key}.${name} is missing: ` +
            `give it on the entry or once for the file ("${name}": ${
              name === "asOf" ? `"YYYY-MM"` : `"where the price was taken"`
            })`,
        );
      }
    }
    models[normalKey(key)] = {
      input: entry.input,
      output: entry.output,
      asOf: asOf!,
      source: source!,
    };
  }
  return { notes: file.note ? [...base.notes, file.note] : base.notes, models };
}

/**
 * The built-in list prices (lib/model/prices.json): "list prices as of <date>; check before quoting".
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { BUILTIN_PRICES } from "./prices.ts";
 * assert.equal(BUILTIN_PRICES.models["openai:gpt-4o-mini"].input, 0.15);
 * assert.match(BUILTIN_PRICES.notes[0], /check before quoting/);
 * ```
 */
export const BUILTIN_PRICES: PriceTable = extend(
  { notes: [], models: {} },
  builtin,
  "lib/model/prices.json",
);

/**
 * The price table: the built-in prices, extended and overridden by `file` when given.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadPrices } from "./prices.ts";
 * const file = await Deno.makeTempFile({ suffix: ".json" });
 * await Deno.writeTextFile(file, JSON.stringify({ asOf: "2026-01", source: "our contract", models: { "gpt-4o-mini": { input: 0.1, output: 0.5 }, "together:qwen-coder": { input: 0.8, output: 0.8 } } }));
 * const table = await loadPrices(file);
 * assert.equal(table.models["openai:gpt-4o-mini"].input, 0.1);
 * assert.equal(table.models["together:qwen-coder"].source, "our contract");
 * assert.equal(table.models["openai:gpt-4o"].input, 2.5); // the built-in ones stay
 * await Deno.writeTextFile(file, JSON.stringify({ models: { x: { input: "1", output: 0 } } }));
 * await assert.rejects(loadPrices(file), { name: "PricesError", message: /field models\.x\.input/ });
 * await Deno.remove(file);
 * ```
 *
 * @param file A price file (format: `PriceFile`, lib/record/run_prices.ts). @default none
 * @throws {PricesError} When the file cannot be read, is not JSON, or breaks the format.
 */
export async function loadPrices(file?: string): Promise<PriceTable> {
  if (file === undefined) return BUILTIN_PRICES;
  let text: string;
  try {
    text = await Deno.readTextFile(file);
  } catch (error) {
    throw new PricesError(
      `Cannot read prices "${file}": ${
        (error as Error).message
      }: give the path of a JSON price file`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new PricesError(
      `Cannot read prices "${file}": not JSON (${(error as Error).message}): fix the file's syntax`,
    );
  }
  return extend(BUILTIN_PRICES, raw, file);
}

/**
 * A model's price under `table`: free with its reason for the synthetic model, recorded answers
 * (replay) and local servers (ollama, llamacpp, lmstudio, vllm); the table's entry for
 * `provider:model` otherwise; null when it has none (its cost is unknown, never 0).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { BUILTIN_PRICES, priceOf } from "./prices.ts";
 * assert.equal(priceOf("openai:gpt-4o-mini?temperature=0", BUILTIN_PRICES)?.output, 0.6);
 * assert.equal(priceOf("gpt-4o-mini", BUILTIN_PRICES)?.key, "openai:gpt-4o-mini");
 * assert.equal(priceOf("ollama:qwen2.5-coder", BUILTIN_PRICES)?.kind, "local");
 * assert.equal(priceOf("synthetic:default", BUILTIN_PRICES)?.input, 0);
 * assert.equal(priceOf("openai:my-finetune", BUILTIN_PRICES), null);
 * ```
 */
export function priceOf(spec: string, table: PriceTable): ModelPrice | null {
  let provider: string;
  let model: string;
  try {
    ({ provider, model } = parseModelSpec(spec));
  } catch {
    return null; // not a spec assay knows: no price
  }
  const free = (kind: "synthetic" | "local" | "replay"): ModelPrice => ({
    kind,
    key: null,
    input: 0,
    output: 0,
    asOf: null,
    source: null,
  });
  if (provider === "synthetic") return free("synthetic");
  if (provider === "replay") return free("replay");
  if (LOCAL_PROVIDERS.includes(provider)) return free("local");
  const key = `${provider}:${model}`;
  const entry = table.models[key];
  return entry ? ModelPrice.parse({ kind: "list", key, ...entry }) : null;
}

/**
 * The price of each model under `table`, by spec: what a run records in its manifest.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { BUILTIN_PRICES, runPricesOf } from "./prices.ts";
 * const prices = runPricesOf(["synthetic:default", "openai:nope"], BUILTIN_PRICES);
 * assert.equal(prices["synthetic:default"]?.kind, "synthetic");
 * assert.equal(prices["openai:nope"], null);
 * ```
 */
export function runPricesOf(specs: readonly string[], table: PriceTable): RunPrices {
  return Object.fromEntries(specs.map((s) => [s, priceOf(s, table)]));
}
