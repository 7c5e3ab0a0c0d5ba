import assert from "node:assert/strict";
import { liveProgress, progressHTML } from "../../lib/plot/live_progress.ts";

Deno.test("progressHTML() shows the counts, the share and the run folder", () => {
  const html = progressHTML({
    label: "demo <1>",
    done: 5,
    total: 8,
    passed: 1,
    errors: 1,
    resumed: 2,
    seconds: 3.25,
    dir: "data/runs/x",
    finished: false,
  });
  assert.match(html, /demo &lt;1>/);
  assert.match(html, /5 \/ 8 samples \(63%\) · 1 passed · 1 failed · 1 generation error · 3\.3 s/);
  assert.match(html, /2 already recorded \(resumed\)/);
  assert.match(html, /width: 62\.5%/);
  assert.match(html, /<code>data\/runs\/x<\/code>/);
});

Deno.test("liveProgress() shows once, then updates in order, and always shows the end", async () => {
  const calls: { update: boolean; done: number; finished: boolean }[] = [];
  const progress = liveProgress("demo", {
    intervalMs: 60_000,
    display: async (_html, update, state) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      calls.push({ update, done: state.done, finished: state.finished });
    },
  });
  progress.onStart({ dir: "d", recorded: 1, total: 4 });
  progress.onSample({ error: null }, { passed: true });
  progress.onSample({ error: "boom" }, null);
  progress.onSample({ error: null }, { passed: false });
  await progress.finish();
  assert.deepEqual(calls, [
    { update: false, done: 1, finished: false },
    { update: true, done: 4, finished: true },
  ]);
  assert.deepEqual(
    [progress.state.passed, progress.state.errors, progress.state.resumed],
    [1, 1, 1],
  );
});
