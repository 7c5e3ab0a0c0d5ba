import assert from "node:assert/strict";
import { join } from "node:path";
import { openaiProvider } from "../../lib/model/openai.ts";
import { startSyntheticServer } from "../../lib/model/synthetic_server.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { RunInterrupted } from "../../lib/run/interrupted.ts";
import { bwrapAvailable } from "../../lib/sandbox/isolate.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { ROOT } from "../_helpers.ts";
import { fixedAnswer } from "./fixed_answer.ts";

const builtin = await loadSuite(join(ROOT, "tasks/builtin"));
const suite = {
  ...builtin,
  tasks: builtin.tasks.filter((t) => t.answer !== "files").slice(0, 6),
  hash: `${builtin.hash}|interrupt`,
};
// The same tasks with a long limit: a looping sample would hold its slot for 30 s.
const patient = { ...suite, tasks: suite.tasks.map((t) => ({ ...t, timeoutMs: 30_000 })) };
const isolation = (await bwrapAvailable()) ? "bwrap" as const : "none" as const;
if (isolation === "none") console.log("interrupt_test: bubblewrap unavailable, running unisolated");

/** Runs `fn` with Deno's temp folders in a fresh folder of its own; returns what is left there. */
async function inOwnTemp(fn: (tmp: string) => Promise<void>): Promise<string[]> {
  const tmp = await Deno.makeTempDir({ prefix: "interrupt-test-" });
  const before = Deno.env.get("TMPDIR");
  Deno.env.set("TMPDIR", tmp);
  try {
    await fn(tmp);
    const left: string[] = [];
    for await (const e of Deno.readDir(tmp)) left.push(e.name);
    return left;
  } finally {
    if (before === undefined) Deno.env.delete("TMPDIR");
    else Deno.env.set("TMPDIR", before);
    await Deno.remove(tmp, { recursive: true });
  }
}

/** The keys of a run's results.jsonl. */
async function resultKeys(dir: string): Promise<string[]> {
  const text = await Deno.readTextFile(join(dir, "results.jsonl"));
  return text.trim().split("\n").filter(Boolean).map((l) => {
    const r = JSON.parse(l);
    return `${r.task}|${r.model}|${r.variant}|${r.sample}`;
  });
}

Deno.test("evaluate() rejects with RunInterrupted within a second of its signal, keeps its records, and the same call resumes", async () => {
  const server = startSyntheticServer(suite.tasks);
  const runsDir = await Deno.makeTempDir();
  try {
    const options = {
      runsDir,
      samples: 3,
      isolation,
      sandbox: "pooled" as const,
      concurrency: 2,
      sandboxConcurrency: 2,
    };
    let error: unknown = null;
    let abortedAt = 0;
    let settledAt = 0;
    const left = await inOwnTemp(async () => {
      const controller = new AbortController();
      let seen = 0;
      const model = openaiProvider("sloppy", { baseURL: server.baseURL });
      try {
        await evaluate(suite, {
          ...options,
          models: [model],
          signal: controller.signal,
          onSample: () => {
            if (++seen === 4) {
              abortedAt = performance.now();
              controller.abort();
            }
          },
        });
      } catch (e) {
        error = e;
        settledAt = performance.now();
      } finally {
        await model.close();
      }
    });
    assert.ok(error instanceof RunInterrupted, `expected RunInterrupted, got ${error}`);
    assert.ok(settledAt - abortedAt < 1500, `settled ${settledAt - abortedAt} ms after the abort`);
    assert.equal(error.total, 18);
    assert.ok(error.recorded >= 4 && error.recorded < 18, `recorded ${error.recorded}`);
    assert.match(
      error.message,
      /^interrupted: \d+ of 18 samples recorded in .*; run the same command to resume$/,
    );
    // Nothing half-done: one record per key, as many as it says; no temp folder left behind.
    const keys = await resultKeys(error.dir);
    assert.equal(keys.length, error.recorded);
    assert.equal(new Set(keys).size, keys.length);
    assert.deepEqual(left, []);
    const manifest = JSON.parse(await Deno.readTextFile(join(error.dir, "manifest.json")));
    assert.equal(manifest.completedAt, null);
    // The same call resumes it: the recorded samples are kept, the rest are added.
    const model = openaiProvider("sloppy", { baseURL: server.baseURL });
    try {
      const resumed = await evaluate(suite, { ...options, models: [model] });
      assert.equal(resumed.dir, error.dir);
      assert.equal(resumed.resumed, true);
      assert.equal(resumed.recorded, error.recorded);
      const all = await resultKeys(resumed.dir);
      assert.equal(all.length, 18);
      assert.equal(new Set(all).size, 18);
    } finally {
      await model.close();
    }
  } finally {
    await server.close();
    await Deno.remove(runsDir, { recursive: true });
  }
});

Deno.test("evaluate() stops programs that never end when its signal aborts: hosts and job folders are removed", async () => {
  const runsDir = await Deno.makeTempDir();
  try {
    for (const sandbox of ["pooled", "strict"] as const) {
      let error: unknown = null;
      let abortedAt = 0;
      let settledAt = 0;
      const left = await inOwnTemp(async () => {
        const controller = new AbortController();
        // Every answer loops forever on load: each sample would take its whole limit.
        const entry = new Map(suite.tasks.map((t) => [t.id, t.entry]));
        const model = fixedAnswer(
          `loop:${sandbox}`,
          (r) => `\`\`\`ts\nexport function ${entry.get(r.task!)}() { while (true) {} }\n\`\`\``,
        );
        setTimeout(() => {
          abortedAt = performance.now();
          controller.abort();
        }, 700);
        try {
          await evaluate(patient, {
            models: [model],
            runsDir,
            isolation,
            sandbox,
            referenceTimeouts: false,
            signal: controller.signal,
          });
        } catch (e) {
          error = e;
          settledAt = performance.now();
        }
      });
      assert.ok(
        error instanceof RunInterrupted,
        `${sandbox}: expected RunInterrupted, got ${error}`,
      );
      assert.ok(
        settledAt - abortedAt < 1500,
        `${sandbox}: settled ${settledAt - abortedAt} ms after the abort`,
      );
      assert.equal(error.recorded, 0, `${sandbox}: ${error.message}`);
      assert.deepEqual(left, [], `${sandbox}: temp folders left`);
    }
  } finally {
    await Deno.remove(runsDir, { recursive: true });
  }
});

Deno.test("evaluate() refuses to start with an aborted signal", async () => {
  const runsDir = await Deno.makeTempDir();
  try {
    await assert.rejects(
      evaluate(suite, {
        models: [fixedAnswer("x", "")],
        runsDir,
        signal: AbortSignal.abort(),
      }),
      { name: "AbortError" },
    );
    assert.deepEqual([...Deno.readDirSync(runsDir)], []);
  } finally {
    await Deno.remove(runsDir, { recursive: true });
  }
});
