import assert from "node:assert/strict";
import { join } from "node:path";
import { syntheticProvider } from "../../lib/model/synthetic.ts";
import { syntheticAnswer } from "../../lib/model/synthetic_answer.ts";
import { type Fault, FAULTS } from "../../lib/model/synthetic_faults.ts";
import { SYNTHETIC_PROFILES } from "../../lib/model/synthetic_profiles.ts";
import { limiter } from "../../lib/run/limiter.ts";
import { plain } from "../../lib/prompt/templates.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";

const suite = await loadSuite(
  join(new URL("../..", import.meta.url).pathname, "data/fixtures/suite-tiny"),
);
const task = suite.tasks[0];

const expectations: Record<Fault, RegExp | null> = {
  rate_limit: /429/,
  server_error: /500/,
  reset: /StreamError|Connection/,
  stall: /stalled/,
  truncate: /truncated/,
  malformed: /StreamError: the stream broke/,
  slow_first_token: null, // slower, not failed
};

for (const fault of FAULTS) {
  Deno.test(`openaiProvider() turns a "${fault}" fault into ${expectations[fault] ? "a generation error" : "a slow success"}`, async () => {
    const model = syntheticProvider("reference", suite.tasks, {
      faults: { rate: 1, kinds: [fault], slowFirstTokenMs: 400 },
      maxRetries: 0,
      idleTimeoutMs: 1000,
    });
    try {
      const g = await model.generate({ messages: plain.render(task), sample: 0, seed: 1 });
      const expected = expectations[fault];
      if (expected) {
        assert.match(g.error ?? "", expected);
        assert.equal(g.text, "");
      } else {
        assert.equal(g.error, null);
        assert.ok(g.ttftMs! >= 400, `ttft ${g.ttftMs}`);
      }
    } finally {
      await model.close();
    }
  });
}

Deno.test("1,000 requests at a 20% fault rate all end recorded once, as the right answer or a generation error", async () => {
  const model = syntheticProvider("reference", suite.tasks, {
    faults: { rate: 0.2, seed: 42, slowFirstTokenMs: 100 },
    maxRetries: 3,
    idleTimeoutMs: 250,
  });
  const limit = limiter(25);
  try {
    const outcomes = await Promise.all(Array.from({ length: 1000 }, (_, i) =>
      limit(async () => {
        const t = suite.tasks[i % suite.tasks.length];
        const g = await model.generate({ messages: plain.render(t), sample: i, seed: i });
        return { i, t, g };
      })));
    assert.equal(outcomes.length, 1000);
    const ok = outcomes.filter((o) => o.g.error === null);
    const failed = outcomes.filter((o) => o.g.error !== null);
    assert.equal(ok.length + failed.length, 1000);
    for (const o of ok) {
      const expected = syntheticAnswer(SYNTHETIC_PROFILES.reference, o.t, o.i).text;
      assert.equal(o.g.text, expected, "a retried answer is whole and the same");
    }
    const retried = outcomes.filter((o) => o.g.retries > 0).length;
    assert.ok(retried > 100, `retries happened: ${retried}`);
    assert.ok(
      failed.length < 20,
      `with 3 retries almost every request succeeds: ${failed.length} failed`,
    );
    console.log(
      `1000 requests: ${ok.length} answers (${retried} after retries), ${failed.length} generation errors`,
    );
  } finally {
    await model.close();
  }
});
