import assert from "node:assert/strict";
import { limitDecidedTasks } from "../../lib/analyze/limit_decided.ts";
import { resultRecord } from "../_helpers.ts";

/** A run whose tasks have the given limits and results. */
const run = (limits: Record<string, number>, results: ReturnType<typeof resultRecord>[]) => ({
  manifest: {
    timeouts: Object.fromEntries(
      Object.entries(limits).map(([t, timeoutMs]) => [t, { referenceMs: 0, timeoutMs }]),
    ),
  },
  results,
});
const done = (task: string, execMs: number) => resultRecord({ task }, ["pass"], { execMs });
const timedOut = (task: string, execMs: number) =>
  resultRecord({ task }, ["timeout"], { outcome: "timeout", execMs });

Deno.test("limitDecidedTasks() keeps only tasks whose differing limit may have decided a verdict", () => {
  const a = run({ same: 1000, quick: 1000, slow: 1000, lowTimeout: 1000, highTimeout: 1000 }, [
    timedOut("same", 1000),
    done("quick", 30),
    done("slow", 40),
    timedOut("lowTimeout", 1000),
    done("highTimeout", 40),
  ]);
  const b = run({ same: 1000, quick: 5000, slow: 5000, lowTimeout: 5000, highTimeout: 5000 }, [
    timedOut("same", 1000),
    done("quick", 30),
    done("slow", 2500),
    done("lowTimeout", 40),
    timedOut("highTimeout", 5000),
  ]);
  assert.deepEqual(limitDecidedTasks(a, b), ["lowTimeout", "slow"]);
  assert.deepEqual(limitDecidedTasks(b, a), ["lowTimeout", "slow"], "symmetric");
});

Deno.test("limitDecidedTasks() ignores tasks whose limit one run does not record", () => {
  const a = run({}, [timedOut("t", 1000)]);
  const b = run({ t: 5000 }, [done("t", 2000)]);
  assert.deepEqual(limitDecidedTasks(a, b), []);
});
