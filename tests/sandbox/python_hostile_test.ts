/**
 * The hostile Python battery: every program (python_hostile_programs.ts, _forgeries.ts,
 * _frames.ts, _channels.ts) runs in both runtimes — CPython under bubblewrap and Pyodide inside
 * the sandboxed Deno process (lib/sandbox/python.ts) — and in the Pyodide warm pool
 * (lib/sandbox/python_pool.ts), where the honest wrong answer then runs in the same pool: a
 * program must not leave anything behind that makes it pass — in a task whose honest wrong answer fails
 * every case, next to bait outside the job folder (a canary file, a loopback TCP server, a secret in this
 * process's environment). Each run must be contained (no effect outside, no secret in the result),
 * forge no pass, end within its limits, and leave no process behind. The last test prints the
 * battery's summary line.
 */
import assert from "node:assert/strict";
import { basename, join } from "node:path";
import { runPythonSample } from "../../lib/sandbox/python.ts";
import { pyodideSnapshot } from "../../lib/sandbox/pyodide_snapshot.ts";
import type { PythonRuntime, SandboxResult } from "../../lib/sandbox/sandbox.ts";
import { HAS_BWRAP, lingering, serve, swapEnv } from "./hostile_helpers.ts";
import { CHANNELS } from "./python_hostile_channels.ts";
import { FORGERIES } from "./python_hostile_forgeries.ts";
import { FRAMES } from "./python_hostile_frames.ts";
import { type Bait, CASES, TESTS, WRONG } from "./python_hostile_kit.ts";
import { createPythonPool } from "../../lib/sandbox/python_pool.ts";
import { ESCAPES, type Hostile } from "./python_hostile_programs.ts";

/** Where a program runs: a runtime's strict runner, or its warm pool. */
type Runtime = PythonRuntime | "pooled" | "pooled-cpython";
/** Both runtimes and both pools; PY_HOSTILE_RUNTIMES=cpython narrows a debugging run (the summary then fails). */
const RUNTIMES = (Deno.env.get("PY_HOSTILE_RUNTIMES") ?? "cpython,pyodide,pooled,pooled-cpython")
  .split(",") as Runtime[];
/** The Python runtime a place runs. */
const pythonOf = (runtime: Runtime): PythonRuntime =>
  runtime === "pooled" ? "pyodide" : runtime === "pooled-cpython" ? "cpython" : runtime;
// Pyodide starts in 1.5–3 s here, up to ~9 s when other jobs load the machine.
const LIMITS: Record<Runtime, number> = {
  cpython: 4000,
  pyodide: 20000,
  pooled: 20000,
  "pooled-cpython": 4000,
};
/** Start-up, and the kill after a limit, on a loaded 2-core machine. */
const SLACK_MS = 5000;
const BATTERY: Hostile[] = [...ESCAPES, ...FORGERIES, ...FRAMES, ...CHANNELS];

/** One program in one runtime: what it did and which invariants it broke. */
interface Run {
  program: string;
  runtime: Runtime;
  r: SandboxResult;
  ms: number;
  /** Broken containment invariants (effects outside, leaks, time, processes left). */
  breaches: string[];
  /** Cases reported as passing (the honest answer fails them all). */
  forged: number;
}
const runs: Run[] = [];

const exists = (path: string) => Deno.stat(path).then(() => true, () => false);

/** Run `h` in `runtime` next to fresh bait and check every invariant. */
async function runHostile(h: Hostile, runtime: Runtime, snapshot: string): Promise<Run> {
  const dir = await Deno.makeTempDir({ prefix: "assay-pyhostile-" });
  const marker = basename(dir);
  const tcp = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const bait: Bait = {
    dir,
    marker,
    canary: join(dir, "canary.txt"),
    secret: `CANARY-${crypto.randomUUID()}`,
    envSecret: `ENV-SECRET-${crypto.randomUUID()}`,
    port: tcp.addr.port,
    hostTmp: `/tmp/${marker}-pwned.txt`,
  };
  await Deno.writeTextFile(bait.canary, bait.secret);
  // The job folder is made in TMPDIR (= the bait folder); the snapshot is looked up there too.
  await Deno.link(snapshot, join(dir, basename(snapshot)));
  const before = new Set([...Deno.readDirSync(dir)].map((e) => e.name));
  const served = serve(tcp);
  const timeoutMs = h.timeoutMs?.[pythonOf(runtime)] ?? LIMITS[runtime];
  const job = {
    language: "py" as const,
    python: pythonOf(runtime),
    entry: "add",
    code: h.program(bait),
    testsSource: h.task?.tests ?? TESTS,
    cases: (h.task?.cases ?? CASES).map((name, i) => ({
      name,
      kind: i < 2 ? "core" as const : "edge" as const,
      tags: [],
    })),
  };
  const breaches: string[] = [];
  const previous = swapEnv({ TMPDIR: dir, ASSAY_HOSTILE_SECRET: bait.envSecret });
  const started = performance.now();
  let r: SandboxResult;
  let honestAfter: SandboxResult | null = null;
  const limits = { timeoutMs, caseTimeoutMs: h.caseTimeoutMs, outputCapBytes: h.outputCapBytes };
  try {
    if (runtime === "pooled" || runtime === "pooled-cpython") {
      // One host: the program, then the honest wrong answer in whatever the program left.
      const pool = createPythonPool({ size: 1, isolation: "bwrap", runtime: pythonOf(runtime) });
      try {
        r = await pool.run(job, limits);
        const honest = { ...job, code: WRONG, testsSource: TESTS };
        honestAfter = await pool.run({
          ...honest,
          cases: CASES.map((name, i) => ({ name, kind: i < 2 ? "core" : "edge", tags: [] })),
        }, { timeoutMs });
      } finally {
        await pool.close();
      }
    } else {
      r = await runPythonSample(job, { python: runtime, isolation: "bwrap", ...limits });
    }
  } finally {
    swapEnv(previous);
  }
  const ms = performance.now() - started;
  const left = await lingering(marker);
  if (left.length) breaches.push(`processes left behind: ${left.join(", ")}`);
  tcp.close();
  if (await served) breaches.push("the loopback TCP server was reached");
  const canary = await Deno.readTextFile(bait.canary).catch(() => "(gone)");
  if (canary !== bait.secret) breaches.push(`the canary was changed: ${canary.slice(0, 40)}`);
  const after = [...Deno.readDirSync(dir)].map((e) => e.name).filter((n) => !before.has(n));
  if (after.length) breaches.push(`files appeared beside the job folder: ${after.join(", ")}`);
  for (
    const path of [
      bait.hostTmp,
      `/usr/assay-pwned-${bait.port}`,
      `/usr/lib/assay-pwned-${bait.port}`,
    ]
  ) {
    if (await exists(path)) breaches.push(`${path} was created`);
    await Deno.remove(path, { recursive: true }).catch(() => {});
  }
  await Deno.remove(dir, { recursive: true });
  const text = [r.detail, r.stderr, ...r.cases.map((c) => c.message)].join("\n");
  if (text.includes(bait.secret)) breaches.push("the canary's content leaked into the result");
  if (text.includes(bait.envSecret)) breaches.push("the environment secret leaked into the result");
  if (h.mustNotSay && text.includes(h.mustNotSay)) breaches.push(`the result says ${h.mustNotSay}`);
  // The pool runs the honest answer after the program: one more start-up and run.
  const attempts = 1 + r.cases.filter((c) => /case limit/.test(c.message)).length +
    (honestAfter ? 1 : 0);
  if (ms > attempts * timeoutMs + SLACK_MS) {
    breaches.push(`took ${Math.round(ms)} ms (${attempts} × ${timeoutMs} ms allowed)`);
  }
  const forged = r.cases.filter((c) => c.status === "pass").length +
    (honestAfter?.cases.filter((c) => c.status === "pass").length ?? 0);
  return { program: h.name, runtime, r, ms, breaches, forged };
}

const show = (run: Run) =>
  `${run.runtime}: ${run.r.outcome} ${run.r.detail.slice(0, 200)}\n${
    run.r.cases.map((c) => `  ${c.name}: ${c.status} ${c.message.slice(0, 200)}`).join("\n")
  }\n  stderr: ${run.r.stderr.slice(-1500)}`;

let snapshot: string | undefined;

for (const h of BATTERY) {
  Deno.test({
    name: `runPythonSample() contains and forges no pass: ${h.name}`,
    ignore: !HAS_BWRAP,
    async fn() {
      snapshot ??= await pyodideSnapshot();
      for (const runtime of RUNTIMES) {
        const run = await runHostile(h, runtime, snapshot);
        runs.push(run);
        if (Deno.env.get("PY_HOSTILE_SHOW")) console.log(`${h.name}\n${show(run)}`);
        assert.deepEqual(run.breaches, [], `not contained\n${show(run)}`);
        assert.equal(run.forged, 0, `forged ${run.forged} pass(es)\n${show(run)}`);
      }
    },
  });
}

Deno.test({
  name: "runPythonSample() hostile battery: summary",
  ignore: !HAS_BWRAP,
  fn() {
    const contained = runs.filter((r) => r.breaches.length === 0).length;
    const forged = runs.reduce((n, r) => n + r.forged, 0);
    const programs = new Set(runs.map((r) => r.program)).size;
    console.log(
      `python hostile battery: ${programs} programs × ${RUNTIMES.length} runtimes: ` +
        `contained ${contained}/${runs.length}, forged passes ${forged}`,
    );
    assert(BATTERY.length >= 32);
    assert.equal(
      runs.length,
      BATTERY.length * 4,
      "every program ran in both runtimes and both pools",
    );
    assert.equal(contained, runs.length);
    assert.equal(forged, 0);
  },
});
