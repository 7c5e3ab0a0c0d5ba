import assert from "node:assert/strict";
import { syntheticProvider } from "../../lib/model/synthetic.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { poolStatsSince } from "../../lib/sandbox/pool_stats.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { tinySuite } from "../cli/_cli.ts";

Deno.test("poolStatsSince() takes a snapshot off every counter and drops reasons that end at zero (issue 16)", () => {
  const now = {
    pooled: 5,
    strict: { a: 2, b: 1 },
    timeouts: 1,
    hostsStarted: 2,
    contaminated: 1,
    recycled: { x: 1 },
  };
  const before = {
    pooled: 2,
    strict: { a: 2 },
    timeouts: 0,
    hostsStarted: 2,
    contaminated: 0,
    recycled: { x: 1 },
  };
  assert.deepEqual(poolStatsSince(now, before), {
    pooled: 3,
    strict: { b: 1 },
    timeouts: 1,
    hostsStarted: 0,
    contaminated: 1,
  });
  assert.equal(poolStatsSince(now), now);
});

Deno.test("evaluate()'s pool statistics count the run's samples, not the reference timings (issue 16)", async () => {
  const suite = await loadSuite(await tinySuite());
  const model = syntheticProvider("reference", suite.tasks);
  try {
    const evaluation = await evaluate(suite, {
      models: [model],
      runsDir: await Deno.makeTempDir(),
      samples: 3,
      isolation: "none",
      sandbox: "pooled",
    });
    const pool = evaluation.pool!;
    const ran = pool.pooled + Object.values(pool.strict).reduce((a, b) => a + b, 0);
    assert.equal(ran, suite.tasks.length * 3, JSON.stringify(pool));
  } finally {
    await model.close();
  }
});
