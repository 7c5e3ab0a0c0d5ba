/**
 * Shared harness for the hostile-program tests (hostile_*_test.ts): runs one
 * program under bubblewrap next to bait it must not reach (secret files, a
 * loopback TCP server, a unix socket, an API key in this process's
 * environment) and checks what every run must satisfy: bounded wall time,
 * no process left behind, no connection received, no secret in any verdict
 * message, detail or stderr, no file created outside the job folder.
 *
 * @module
 */
import assert from "node:assert/strict";
import { basename, join } from "node:path";
import { runSample } from "../../lib/sandbox/deno.ts";
import { createPool } from "../../lib/sandbox/pool.ts";
import { strictReason } from "../../lib/sandbox/pool_route.ts";
import { bwrapAvailable } from "../../lib/sandbox/isolate.ts";
import type { Isolation, PythonRuntime, SandboxResult } from "../../lib/sandbox/sandbox.ts";

/** Whether bubblewrap works here; without it every hostile test is skipped. */
export const HAS_BWRAP = await bwrapAvailable();

/** The three ways a Python sample runs; CPython has no other wall than bubblewrap. */
export const PYTHON_RUNS: { python: PythonRuntime; isolation: Isolation }[] = HAS_BWRAP
  ? [
    { python: "cpython", isolation: "bwrap" },
    { python: "pyodide", isolation: "bwrap" },
    { python: "pyodide", isolation: "none" },
  ]
  : [{ python: "pyodide", isolation: "none" }];
/** The fake key put in this process's environment during each run. */
export const API_KEY = "sk-test-SECRET";

/** What a hostile program may aim at: all of it outside the job folder. */
export interface Bait {
  /** Unique host folder; the job folder is created inside it (TMPDIR). */
  dir: string;
  /** Unique name (the folder's), also found in the sandbox's command line and mounts. */
  marker: string;
  /** The content of every secret file. */
  secret: string;
  /** Absolute paths of secret files: .txt, .json, .ts (`export const secret`). */
  txt: string;
  json: string;
  ts: string;
  /** Port of a TCP server on 127.0.0.1 in this process. */
  port: number;
  /** Path of a unix socket server in this process. */
  socket: string;
  /** A path under the host's /tmp that must never be created. */
  hostTmp: string;
}

/** Tests whose cases await the entry point, so async attacks surface as case verdicts. */
export const ASYNC_TESTS = `import assert from "node:assert/strict";
import { add } from "./solution.ts";
export const cases = {
  "adds": async () => assert.equal(await add(1, 2), 3),
  "adds negatives": async () => assert.equal(await add(-1, -2), -3),
};`;
export const ASYNC_CASES = ["adds", "adds negatives"];

/** Sync, async (after a timer) and deep-equal cases; a wrong `add` fails all three. */
export const MIXED_TESTS = `import assert from "node:assert/strict";
import { add } from "./solution.ts";
export const cases = {
  "adds": () => assert.equal(add(1, 2), 3),
  "adds later": async () => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    assert.equal(add(2, 2), 4);
  },
  "adds pairs": () => assert.deepEqual([add(1, 1), add(2, 3)], [2, 5]),
};`;
export const MIXED_CASES = ["adds", "adds later", "adds pairs"];

/** A correct and a wrong entry point. */
export const CORRECT = "export function add(a: number, b: number): number { return a + b; }";
export const WRONG = "export function add(a: number, b: number): number { return a - b; }";

/** Options for {@link runHostile}. */
export interface HostileOptions {
  tests?: string;
  cases?: string[];
  timeoutMs?: number;
  heapMb?: number;
  dataMb?: number;
  outputCapBytes?: number;
  /** The dependency store the job sees (lib/sandbox/dep_store.ts); absent: none. */
  dependencies?: { nodeModules: string };
}

/** One hostile run: the result, its wall time and the bait it ran against. */
export interface HostileRun {
  r: SandboxResult;
  ms: number;
  bait: Bait;
  /** Every verdict message, the detail and stderr, joined (the pool's too). */
  text: string;
  /** The warm pool's verdict, when the pool accepts the program (it must equal `r`'s). */
  pooled?: SandboxResult;
}

/** Processes whose command line or mounts mention the marker (bwrap, and Deno inside it). */
export async function leftovers(marker: string): Promise<string[]> {
  const found = new Set<string>();
  const pgrep = await new Deno.Command("pgrep", { args: ["-f", marker], stdout: "piped" })
    .output();
  for (const pid of new TextDecoder().decode(pgrep.stdout).split("\n")) {
    if (pid.trim()) found.add(pid.trim());
  }
  for await (const entry of Deno.readDir("/proc")) {
    if (!/^\d+$/.test(entry.name) || found.has(entry.name)) continue;
    try {
      if ((await Deno.readTextFile(`/proc/${entry.name}/mountinfo`)).includes(marker)) {
        found.add(entry.name);
      }
    } catch { /* gone, or not ours to read */ }
  }
  return [...found];
}

/** The {@link leftovers} still there after waiting up to 2 s for them to go; [] when none. */
export async function lingering(marker: string): Promise<string[]> {
  let left: string[] = [];
  for (let i = 0; i < 40; i++) {
    left = await leftovers(marker);
    if (left.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return left;
}

async function noLeftovers(marker: string): Promise<void> {
  const left = await lingering(marker);
  if (left.length) assert.fail(`processes left behind: ${left.join(", ")}`);
}

/** Accept and close connections on `listener` until it closes; resolves to how many came. */
export async function serve(listener: Deno.Listener): Promise<number> {
  let connections = 0;
  try {
    for await (const conn of listener) {
      connections++;
      conn.close();
    }
  } catch { /* closed */ }
  return connections;
}

/**
 * Set (or, for `undefined`, delete) `vars` in this process's environment; returns what they were,
 * to swap back.
 */
export function swapEnv(
  vars: Record<string, string | undefined>,
): Record<string, string | undefined> {
  const previous: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(vars)) {
    previous[key] = Deno.env.get(key);
    if (value === undefined) Deno.env.delete(key);
    else Deno.env.set(key, value);
  }
  return previous;
}

/**
 * Run `program(bait)` as the candidate under bubblewrap, then assert the
 * invariants every hostile run must keep; the caller asserts the verdict.
 */
export async function runHostile(
  program: (bait: Bait) => string,
  options: HostileOptions = {},
): Promise<HostileRun> {
  const timeoutMs = options.timeoutMs ?? 2000;
  const dir = await Deno.makeTempDir({ prefix: "assay-hostile-" });
  const marker = basename(dir);
  const secret = `TOP-SECRET-${crypto.randomUUID()}`;
  const tcp = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const socket = join(dir, "bait.sock");
  const unix = Deno.listen({ transport: "unix", path: socket });
  const bait: Bait = {
    dir,
    marker,
    secret,
    txt: join(dir, "secret.txt"),
    json: join(dir, "secret.json"),
    ts: join(dir, "secret.ts"),
    port: tcp.addr.port,
    socket,
    hostTmp: `/tmp/${marker}-pwned.txt`,
  };
  await Deno.writeTextFile(bait.txt, secret);
  await Deno.writeTextFile(bait.json, JSON.stringify({ secret }));
  await Deno.writeTextFile(bait.ts, `export const secret = ${JSON.stringify(secret)};\n`);
  const served = Promise.all([serve(tcp), serve(unix)]);
  const before = new Set([...Deno.readDirSync(dir)].map((e) => e.name));

  let run: HostileRun;
  try {
    const previous = swapEnv({ TMPDIR: dir, OPENAI_API_KEY: API_KEY });
    const started = performance.now();
    try {
      const cases = options.cases ?? ASYNC_CASES;
      const job = {
        code: program(bait),
        testsSource: options.tests ?? ASYNC_TESTS,
        cases: cases.map((name, i) => ({
          name,
          kind: i === 0 ? "core" as const : "edge" as const,
          tags: [],
        })),
        entry: "add",
        ...(options.dependencies ? { dependencies: options.dependencies } : {}),
      };
      const limits = {
        timeoutMs,
        heapMb: options.heapMb,
        dataMb: options.dataMb,
        outputCapBytes: options.outputCapBytes,
      };
      const r = await runSample(job, { isolation: "bwrap", ...limits });
      const text = [r.detail, r.stderr, ...r.cases.map((c) => c.message)].join("\n");
      run = { r, ms: performance.now() - started, bait, text };
      // Every hostile program the warm pool accepts must get the strict runner's verdict there.
      if (strictReason(job) === null) {
        const pool = createPool({
          size: 1,
          isolation: "bwrap",
          heapMb: options.heapMb,
          dataMb: options.dataMb,
        });
        try {
          const pooledStarted = performance.now();
          const p = await pool.run(job, limits);
          const pooledMs = performance.now() - pooledStarted;
          assert.deepEqual(
            [p.outcome, ...p.cases.map((c) => c.status)],
            [r.outcome, ...r.cases.map((c) => c.status)],
            `the pool's verdict differs from the strict runner's (pool: ${p.detail} ${
              p.cases.map((c) => c.message).join(" | ")
            })`,
          );
          run.text += "\n" + [p.detail, p.stderr, ...p.cases.map((c) => c.message)].join("\n");
          run.ms = Math.max(run.ms, pooledMs);
          run.pooled = p;
        } finally {
          await pool.close();
        }
      }
    } finally {
      swapEnv(previous);
    }
    await noLeftovers(marker);
  } finally {
    tcp.close();
    unix.close();
    const [tcpConnections, unixConnections] = await served;
    const after = [...Deno.readDirSync(dir)].map((e) => e.name).filter((n) => !before.has(n));
    const hostTmpExists = await Deno.stat(bait.hostTmp).then(() => true, () => false);
    await Deno.remove(dir, { recursive: true });
    await Deno.remove(bait.hostTmp).catch(() => {});
    assert.equal(tcpConnections, 0, "the loopback TCP server was reached");
    assert.equal(unixConnections, 0, "the unix socket server was reached");
    assert.deepEqual(after, [], "files were created beside the job folder");
    assert.equal(hostTmpExists, false, "a file was created in the host's /tmp");
  }
  assert.ok(run.ms < timeoutMs + 3000, `took ${Math.round(run.ms)} ms`);
  assert.ok(!run.text.includes(secret), "the secret file's content leaked");
  assert.ok(!run.text.includes(API_KEY), "the API key leaked");
  return run;
}

/** The per-case statuses, in declared order. */
export const statuses = (run: HostileRun) => run.r.cases.map((c) => c.status);

/** Assert the outcome, every status, and (when given) that every message matches. */
export function assertVerdict(
  run: HostileRun,
  outcome: SandboxResult["outcome"],
  expected: SandboxResult["cases"][number]["status"][],
  message?: RegExp,
): void {
  assert.equal(run.r.outcome, outcome, `outcome (detail: ${run.r.detail.slice(0, 300)})`);
  assert.deepEqual(statuses(run), expected);
  if (message) { for (const c of run.r.cases) assert.match(c.message, message); }
}

/** Register a hostile test; skipped with a printed reason when bubblewrap is missing. */
export function hostile(name: string, fn: () => Promise<void>, ignored?: string): void {
  if (ignored) console.warn(`IGNORED "runSample() ${name}": ${ignored}`);
  Deno.test({ name: `runSample() ${name}`, ignore: !HAS_BWRAP || ignored !== undefined, fn });
}

if (!HAS_BWRAP) {
  console.warn("hostile tests skipped: bubblewrap (bwrap) cannot create namespaces here");
}
