/**
 * A spending limit for a run (`evaluate({ budgetUsd })`, `./assay eval --budget USD`): before each
 * request is sent, its cost is estimated conservatively and reserved; when what the run has spent,
 * plus what the requests in flight may cost, plus this estimate would exceed the budget, the
 * request is not sent and the run stops (resumable, `RunInterrupted` with reason `budget`).
 *
 * The estimate of a request: its prompt at one token per 3 characters (a third above the usual 4
 * characters a token of English and code) plus 8 tokens a message, priced as input; and the
 * model's `max_tokens` (the spec's, else {@link DEFAULT_OUTPUT_TOKENS}, the cap the OpenAI-compatible
 * provider sends when the spec sets none) priced as output. The output cap makes it an upper bound
 * for the completion; only a prompt denser than 3 characters a token can exceed it.
 *
 * What a request spent: its recorded tokens × the price; a request without token counts is
 * charged its estimate (a failed request without them is charged nothing: servers do not bill an
 * error), and a cache hit nothing. The spend of a resumed run's earlier calls counts toward the
 * budget: `--budget` is the run's, not the call's.
 *
 * @module
 */
import { formatUsd, sampleCost } from "../analyze/cost.ts";
import type { ChatMessage } from "../prompt/templates.ts";
import type { GenerationRecord } from "../record/generation.ts";
import type { ModelPrice } from "../record/run_prices.ts";
import { priceOf, type PriceTable } from "../model/prices.ts";
import type { Provider } from "../model/provider.ts";
import type { Job } from "./plan.ts";

/** Output tokens assumed for a request whose model sets no `max_tokens` (the OpenAI-compatible provider's cap). */
export const DEFAULT_OUTPUT_TOKENS = 2048;

/**
 * A conservative estimate of one request's cost, USD: the prompt at 3 characters a token plus 8
 * tokens a message, and `max_tokens` (else {@link DEFAULT_OUTPUT_TOKENS}) of output.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { requestEstimate } from "./budget.ts";
 * const price = { input: 1, output: 10 }; // USD per 1M tokens
 * const messages = [{ role: "user" as const, content: "x".repeat(300) }];
 * // (300 / 3 + 8) input tokens, 100 output tokens
 * assert.equal(requestEstimate(messages, { max_tokens: 100 }, price), (108 * 1 + 100 * 10) / 1e6);
 * assert.equal(requestEstimate(messages, {}, price), (108 * 1 + 2048 * 10) / 1e6);
 * ```
 */
export function requestEstimate(
  messages: readonly ChatMessage[],
  params: Readonly<Record<string, unknown>>,
  price: Pick<ModelPrice, "input" | "output">,
): number {
  const chars = messages.reduce((n, m) => n + m.content.length, 0);
  const tokensIn = Math.ceil(chars / 3) + 8 * messages.length;
  const tokensOut = typeof params.max_tokens === "number"
    ? params.max_tokens
    : DEFAULT_OUTPUT_TOKENS;
  return (tokensIn * price.input + tokensOut * price.output) / 1e6;
}

/**
 * What one recorded generation spent, USD: its tokens × the price; a cache hit 0; without token
 * counts, `estimate()` (0 for a failed request).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { spendOf } from "./budget.ts";
 * const price = { kind: "list" as const, key: "k", input: 1, output: 10, asOf: "2025-08", source: "s" };
 * const g = { tokensIn: 100, tokensOut: 10, cached: false, error: null };
 * assert.equal(spendOf(g, price, () => 1), (100 + 100) / 1e6);
 * assert.equal(spendOf({ ...g, tokensIn: null }, price, () => 1), 1);
 * assert.equal(spendOf({ ...g, tokensIn: null, error: "refused" }, price, () => 1), 0);
 * ```
 */
export function spendOf(
  g: Pick<GenerationRecord, "tokensIn" | "tokensOut" | "cached" | "error">,
  price: ModelPrice,
  estimate: () => number,
): number {
  const cost = sampleCost(g, price);
  if (cost !== null) return cost;
  return g.error === null ? estimate() : 0;
}

/** A request the budget refused: the run stops before sending it. */
export class BudgetReached extends Error {
  override name = "BudgetReached";
}

/**
 * The running account of a budget: what was spent, what the requests in flight reserved.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Budget } from "./budget.ts";
 * const budget = new Budget(0.5, 0.3); // $0.30 already spent by the run
 * budget.admit(0.1); // in flight: 0.3 + 0.1 <= 0.5
 * budget.settle(0.1, 0.05); // it cost less than reserved
 * budget.admit(0.1); // 0.35 + 0.1 <= 0.5
 * assert.throws(() => budget.admit(0.1), { name: "BudgetReached" }); // 0.35 + 0.1 + 0.1 > 0.5
 * assert.throws(() => budget.admit(0), { name: "BudgetReached" }); // stopping: nothing more is sent
 * budget.settle(0.1, 0.08);
 * assert.equal(budget.detail(), "spent $0.43 of $0.50; the next request could cost up to $0.10");
 * ```
 */
export class Budget {
  /** USD spent by the run (earlier calls included). */
  spent: number;
  /** USD reserved by the requests in flight. */
  reserved = 0;
  /** The estimate of the first request refused, USD; null while none was. */
  refused: number | null = null;

  /**
   * @param limit The budget, USD.
   * @param spent What the run already spent (a resumed run's earlier calls). @default 0
   */
  constructor(readonly limit: number, spent = 0) {
    this.spent = spent;
  }

  /**
   * Reserve `estimate` for a request about to be sent, or throw {@link BudgetReached} when it
   * could exceed the budget (and for every request after one was refused: the run is stopping).
   */
  admit(estimate: number): void {
    if (this.refused !== null || this.spent + this.reserved + estimate > this.limit) {
      this.refused ??= estimate;
      throw new BudgetReached(this.detail());
    }
    this.reserved += estimate;
  }

  /** A request ended: its reservation becomes what it spent (`spent`; nothing when it was dropped). */
  settle(estimate: number, spent: number): void {
    this.reserved = Math.max(0, this.reserved - estimate);
    this.spent += spent;
  }

  /** "spent $0.41 of $0.50", and what the refused request could have cost. */
  detail(): string {
    return `spent ${formatUsd(this.spent)} of ${formatUsd(this.limit)}${
      this.refused === null ? "" : `; the next request could cost up to ${formatUsd(this.refused)}`
    }`;
  }
}

/**
 * Why a budget cannot be kept with these models (one has no price: its spend would be unknown),
 * or null when it can.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { budgetProblem } from "./budget.ts";
 * import { BUILTIN_PRICES } from "../model/prices.ts";
 * assert.equal(budgetProblem(0.5, ["openai:gpt-4o-mini", "synthetic:default"], BUILTIN_PRICES), null);
 * assert.match(budgetProblem(0.5, ["openai:my-model"], BUILTIN_PRICES)!, /^Cannot keep to a budget of \$0.50 with "openai:my-model": it has no price/);
 * assert.match(budgetProblem(0, [], BUILTIN_PRICES)!, /use an amount in USD > 0/);
 * ```
 */
export function budgetProblem(
  limit: number,
  specs: readonly string[],
  table: PriceTable,
): string | null {
  if (!Number.isFinite(limit) || limit <= 0) {
    return `Cannot use a budget of "${limit}": use an amount in USD > 0, e.g. --budget 0.50`;
  }
  const unpriced = specs.find((s) => priceOf(s, table) === null);
  if (unpriced === undefined) return null;
  const name = unpriced.replace(/\?.*$/, "");
  return `Cannot keep to a budget of ${formatUsd(limit)} with "${unpriced}": it has no price ` +
    `(its spend would be unknown): give one in a price file, --prices FILE with ` +
    `{"asOf": "YYYY-MM", "source": "…", "models": {"${name}": {"input": <USD per 1M>, "output": <USD per 1M>}}}, or drop --budget`;
}

/** A run's budget as `evaluate()` keeps it: each model's price, the account, the estimates. */
export class RunBudget {
  /** The account: spent, reserved, refused. */
  readonly account: Budget;
  readonly #prices: Map<string, ModelPrice>;

  /**
   * @param limit The budget, USD.
   * @param models The run's models.
   * @param table The price table.
   * @throws {RangeError} When a model has no price or the limit is not > 0 ({@link budgetProblem}).
   */
  constructor(limit: number, models: readonly Pick<Provider, "spec">[], table: PriceTable) {
    const problem = budgetProblem(limit, models.map((m) => m.spec), table);
    if (problem !== null) throw new RangeError(problem);
    this.account = new Budget(limit);
    this.#prices = new Map(models.map((m) => [m.spec, priceOf(m.spec, table)!]));
  }

  /** The estimate of `job`'s request, USD ({@link requestEstimate}). */
  estimate(job: Pick<Job, "messages"> & { model: Pick<Provider, "spec" | "params"> }): number {
    return requestEstimate(job.messages, job.model.params, this.#prices.get(job.model.spec)!);
  }

  /** Count a generation an earlier call recorded (a resumed run's spend counts toward the budget). */
  recorded(g: GenerationRecord, job: Parameters<RunBudget["estimate"]>[0] | undefined): void {
    const price = this.#prices.get(g.model);
    if (price) this.account.settle(0, spendOf(g, price, () => job ? this.estimate(job) : 0));
  }

  /**
   * Ask for `job`'s generation under the budget: `send` gets the check to make right before the
   * request goes out (a cache hit makes none), which reserves the estimate or throws
   * {@link BudgetReached}; the reservation becomes what the request spent.
   */
  async request(
    job: Parameters<RunBudget["estimate"]>[0],
    send: (beforeRequest: () => void) => Promise<GenerationRecord>,
  ): Promise<GenerationRecord> {
    let reserved: number | null = null;
    try {
      const g = await send(() => {
        const estimate = this.estimate(job);
        this.account.admit(estimate);
        reserved = estimate;
      });
      if (reserved !== null) {
        const estimate: number = reserved;
        this.account.settle(
          estimate,
          spendOf(g, this.#prices.get(job.model.spec)!, () => estimate),
        );
      }
      return g;
    } catch (error) {
      if (reserved !== null) this.account.settle(reserved, 0); // dropped: the run is stopping
      throw error;
    }
  }
}
