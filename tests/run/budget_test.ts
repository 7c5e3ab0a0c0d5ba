import assert from "node:assert/strict";
import { join } from "node:path";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { runCost } from "../../lib/analyze/cost.ts";
import { summarize } from "../../lib/analyze/summary.ts";
import { fileCache } from "../../lib/model/cache.ts";
import type { PriceTable } from "../../lib/model/prices.ts";
import type { Provider } from "../../lib/model/provider.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { RunInterrupted } from "../../lib/run/interrupted.ts";
import { RunBudget } from "../../lib/run/budget.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { generationRecord, ROOT } from "../_helpers.ts";
import { fixedAnswer, instantPass } from "./fixed_answer.ts";

const builtin = await loadSuite(join(ROOT, "tasks/builtin"));
const suite = {
  ...builtin,
  tasks: builtin.tasks.filter((t) => t.answer !== "files").slice(0, 6),
  hash: `${builtin.hash}|budget`,
};

// Input is free and output costs $0.01 a token: a request of 20 output tokens costs $0.20, and
// its estimate (max_tokens 25) is $0.25, whatever its prompt.
const SPEC = "openai:metered?max_tokens=25";
const prices: PriceTable = {
  notes: ["test prices"],
  models: { "openai:metered": { input: 0, output: 10_000, asOf: "2026-01", source: "test" } },
};

/** A provider whose every answer has 100 input and 20 output tokens; counts the requests sent. */
function metered(): Provider & { sent: number } {
  const base = fixedAnswer(SPEC, "```ts\nexport function f() {}\n```");
  const model = {
    ...base,
    params: { max_tokens: 25 },
    sent: 0,
    generate: async (request: Parameters<Provider["generate"]>[0]) => {
      model.sent++;
      return { ...(await base.generate(request)), tokensIn: 100, tokensOut: 20 };
    },
  };
  return model;
}

/** Run the suite with `budgetUsd`; the RunInterrupted it stops with, or null when it completes. */
async function attempt(
  runsDir: string,
  model: Provider,
  budgetUsd: number | undefined,
  extra: Record<string, unknown> = {},
): Promise<RunInterrupted | null> {
  try {
    await evaluate(suite, {
      models: [model],
      runsDir,
      executor: instantPass,
      prices,
      ...(budgetUsd === undefined ? {} : { budgetUsd }),
      ...extra,
    });
    return null;
  } catch (error) {
    if (error instanceof RunInterrupted) return error;
    throw error;
  }
}

Deno.test("evaluate() with budgetUsd stops before a request could exceed it, records what it says, and resumes with a larger budget", async () => {
  const runsDir = await Deno.makeTempDir();
  try {
    // $0.50: two requests fit their estimates (0.25 + 0.25); a third could bring it to $0.75.
    const first = metered();
    const stopped = await attempt(runsDir, first, 0.5);
    assert.ok(stopped, "the run stopped");
    assert.equal(stopped.reason, "budget");
    assert.equal(stopped.recorded, 2);
    assert.equal(first.sent, 2, "no request beyond the budget was sent");
    assert.equal(
      stopped.message,
      `stopped at the budget (spent $0.40 of $0.50; the next request could cost up to $0.25): 2 of 6 samples recorded in ${stopped.dir}; run the same command to resume, with a larger budget (the run's spend so far counts toward it)`,
    );
    const run = await loadRun(stopped.dir);
    assert.equal(run.generations.length, 2);
    assert.equal(run.results.length, 2);
    assert.deepEqual(run.incomplete, { recorded: 2, expected: 6 });
    assert.equal(runCost(summarize(run)).usd, 0.4);
    assert.equal(run.manifest.prices?.models[SPEC]?.output, 10_000);

    // $1.00 on resume: the $0.40 already spent counts; two more fit (0.40 + 0.25 + 0.25 <= 1).
    const second = metered();
    const again = await attempt(runsDir, second, 1);
    assert.ok(again, "the resumed run stopped");
    assert.equal(again.dir, stopped.dir);
    assert.equal(again.recorded, 4);
    assert.equal(second.sent, 2);
    assert.match(again.message, /^stopped at the budget \(spent \$0.80 of \$1.00;/);

    // Without a budget it completes: six requests in all, each asked once.
    const third = metered();
    assert.equal(await attempt(runsDir, third, undefined), null);
    assert.equal(third.sent, 2);
    const done = await loadRun(stopped.dir);
    assert.equal(done.incomplete, null);
    const [row] = summarize(done);
    assert.equal(row.costRequests, 6);
    assert.ok(Math.abs(row.costUsd! - 1.2) < 1e-9, `cost ${row.costUsd}`);
  } finally {
    await Deno.remove(runsDir, { recursive: true });
  }
});

Deno.test("evaluate() with budgetUsd spends nothing on cache hits", async () => {
  const runsDir = await Deno.makeTempDir();
  const cacheDir = await Deno.makeTempDir();
  try {
    const cache = fileCache(cacheDir);
    assert.equal(await attempt(runsDir, metered(), undefined, { cache }), null);
    // A new run of the same answers: every one is a cache hit, so a tiny budget is enough.
    const model = metered();
    assert.equal(await attempt(runsDir, model, 0.01, { cache, resume: false }), null);
    assert.equal(model.sent, 0);
  } finally {
    await Deno.remove(runsDir, { recursive: true });
    await Deno.remove(cacheDir, { recursive: true });
  }
});

Deno.test("evaluate() refuses a budget for a model without a price before any work", async () => {
  const runsDir = await Deno.makeTempDir();
  try {
    const unpriced = fixedAnswer("openai:unknown-model", "");
    await assert.rejects(
      evaluate(suite, { models: [unpriced], runsDir, executor: instantPass, budgetUsd: 1 }),
      /^RangeError: Cannot keep to a budget of \$1.00 with "openai:unknown-model": it has no price/,
    );
    assert.deepEqual([...Deno.readDirSync(runsDir)], []);
  } finally {
    await Deno.remove(runsDir, { recursive: true });
  }
});

Deno.test("RunBudget.recorded() counts a resumed run's spend: tokens × price, the estimate without token counts, nothing for a cache hit or a failed request", () => {
  const budget = new RunBudget(10, [{ spec: SPEC }], prices);
  const job = {
    messages: [{ role: "user" as const, content: "x".repeat(30) }],
    model: { spec: SPEC, params: { max_tokens: 25 } },
  };
  assert.equal(budget.estimate(job), 0.25); // 25 output tokens × $0.01; input is free
  const g = generationRecord({ model: SPEC, tokensIn: 100, tokensOut: 20 });
  budget.recorded(g, job); // $0.20
  budget.recorded({ ...g, tokensIn: null }, job); // the estimate: $0.25
  budget.recorded({ ...g, cached: true }, job); // 0
  budget.recorded({ ...g, tokensIn: null, tokensOut: null, error: "HTTP 500" }, job); // 0
  assert.ok(Math.abs(budget.account.spent - 0.45) < 1e-12, `spent ${budget.account.spent}`);
});
