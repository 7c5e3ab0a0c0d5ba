/**
 * `--prices FILE` and `--budget USD`, read and checked before any work (eval, score, report,
 * export): a bad price file, a budget that is not an amount, or a budget for a model without a
 * price is a usage error (exit 2).
 *
 * @module
 */
import { loadPrices, type PriceTable } from "../model/prices.ts";
import { budgetProblem } from "../run/budget.ts";
import { UsageError } from "./errors.ts";

/**
 * The price table of `--prices FILE` (the built-in prices extended and overridden by the file), or
 * undefined when no file is given (a recorded run is then priced by its manifest's prices).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pricesArg } from "./prices_arg.ts";
 * assert.equal(await pricesArg(undefined), undefined);
 * await assert.rejects(pricesArg("/no/such.json"), { name: "UsageError", message: /^Cannot read prices "\/no\/such.json"/ });
 * ```
 *
 * @throws {UsageError} When the file cannot be read or breaks the format (naming the field and the fix).
 */
export async function pricesArg(file: string | undefined): Promise<PriceTable | undefined> {
  if (file === undefined) return undefined;
  try {
    return await loadPrices(file);
  } catch (error) {
    if ((error as Error).name === "PricesError") {
      throw new UsageError((error as Error).message, { cause: error });
    }
    throw error;
  }
}

/**
 * `--budget USD` as a number, checked against the models: each needs a price.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { budgetArg } from "./prices_arg.ts";
 * import { BUILTIN_PRICES } from "../model/prices.ts";
 * assert.equal(budgetArg("0.50", ["openai:gpt-4o-mini"], BUILTIN_PRICES), 0.5);
 * assert.equal(budgetArg("$2", ["synthetic:default"], BUILTIN_PRICES), 2);
 * assert.equal(budgetArg(undefined, ["openai:x"], BUILTIN_PRICES), undefined);
 * assert.throws(() => budgetArg("lots", [], BUILTIN_PRICES), { name: "UsageError", message: /^Cannot use --budget "lots": use an amount in USD > 0/ });
 * assert.throws(() => budgetArg("1", ["openai:x"], BUILTIN_PRICES), { name: "UsageError", message: /"openai:x": it has no price/ });
 * ```
 *
 * @throws {UsageError} For an amount that is not > 0, or a model without a price.
 */
export function budgetArg(
  value: string | undefined,
  specs: readonly string[],
  table: PriceTable,
): number | undefined {
  if (value === undefined) return undefined;
  const usd = Number(value.trim().replace(/^\$/, ""));
  if (value.trim() === "" || !Number.isFinite(usd) || usd <= 0) {
    throw new UsageError(
      `Cannot use --budget "${value}": use an amount in USD > 0, e.g. --budget 0.50`,
    );
  }
  const problem = budgetProblem(usd, specs, table);
  if (problem !== null) throw new UsageError(problem);
  return usd;
}
