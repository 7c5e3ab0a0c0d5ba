/**
 * Where a strict sample's time goes: each layer the strict runner puts around a sample, timed on
 * its own, one sample at a time (no concurrency), the steps interleaved in rounds so that a load
 * change hits each alike. Each line adds one layer to the one above it (folder work is apart);
 * the difference between two lines is that layer's cost. Then whole samples: runSample on the
 * empty job and on the first N MBXP TypeScript programs, beside a cold `deno run` of the same
 * programs (the mbxp bench's (b)).
 *
 *   deno task bench strict-profile [N] [R]    N MBXP programs (default 40), R rounds (default 5)
 */
import { join } from "node:path";
import { sandboxCommand } from "../lib/sandbox/argv.ts";
import { codeCacheSeed, plantSeed } from "../lib/sandbox/code_cache.ts";
import { runSample } from "../lib/sandbox/deno.ts";
import { RUNNER_ENTRY, RUNNER_FILES } from "../lib/sandbox/inside_sources.ts";
import { bwrapAvailable } from "../lib/sandbox/isolate.ts";
import { makeJobDir } from "../lib/sandbox/job_files.ts";
import { solutionSource } from "../lib/sandbox/solution_source.ts";
import { spawnSandboxed } from "../lib/sandbox/spawn.ts";
import { strictRun } from "../lib/sandbox/strict_run.ts";
import { TESTS_TRAILER } from "../lib/sandbox/tests_trailer.ts";
import { importMbxp } from "../lib/task/importers/mbxp.ts";
import { formatLoad, loadAverage } from "./machine_load.ts";
import { EMPTY_JOB, mbxpPrograms, programJob } from "./mbxp_samples.ts";

const DATA = new URL("../../shared/datasets/", import.meta.url).pathname;
const LIMITS = { heapMb: 512, dataMb: 1024 };
/**
 * The least a strict sample can cost while it keeps the sandbox's layers (timeout, prlimit,
 * bwrap, a private DENO_DIR): a Deno process in them that only imports node:assert, as every
 * MBXP program does, its code cache seeded as a job's is. A runner adds its work to this.
 */
const FLOOR = "+ deno: imports node:assert only, seeded code cache";

/** Write a job's folder as runSample does (solution, tests, runner files, an empty DENO_DIR). */
async function writeJob(dir: string): Promise<void> {
  await Deno.writeTextFile(join(dir, "solution.ts"), solutionSource(EMPTY_JOB).code);
  await Deno.writeTextFile(join(dir, "tests.ts"), EMPTY_JOB.testsSource + TESTS_TRAILER);
  for (const [name, source] of Object.entries(RUNNER_FILES)) {
    await Deno.writeTextFile(join(dir, name), source);
  }
  await Deno.mkdir(join(dir, ".deno"));
}

/** Run `argv` to its end, output discarded. */
async function run(argv: string[], cwd: string, env: Record<string, string> = {}): Promise<void> {
  const child = spawnSandboxed({ argv, env }, cwd);
  await child.stdin.close();
  await Promise.all([child.stdout.cancel(), child.stderr.cancel(), child.status]);
}

/** Profile the strict runner's layers, then whole samples. */
export async function strictProfileBench(limit = 40, rounds = 5): Promise<void> {
  if (!(await bwrapAvailable())) {
    console.log("strict-profile: skipped, bubblewrap is not available");
    return;
  }
  const loadBefore = loadAverage();
  const denoPath = Deno.realPathSync(Deno.execPath());
  const seed = await codeCacheSeed({ denoPath, ...LIMITS });
  const dir = await makeJobDir();
  await writeJob(dir);
  await Deno.writeTextFile(join(dir, "empty.ts"), "");
  // What every MBXP program imports, and (b)'s cold `deno run` loads too.
  await Deno.writeTextFile(join(dir, "assert.js"), 'import "node:assert";\n');
  const command = (entry: string) =>
    sandboxCommand({
      isolation: "bwrap",
      denoPath,
      dir,
      entry,
      killAfterMs: 13_000,
      ...LIMITS,
    });
  const argv = command(RUNNER_ENTRY).argv;
  // The argv up to bwrap's own program (timeout, prlimit, bwrap and its options).
  const bwrapOnly = argv.slice(0, argv.indexOf("/opt/deno/deno"));
  const freshDenoDir = async (withSeed: boolean) => {
    await Deno.remove(join(dir, ".deno"), { recursive: true });
    await Deno.mkdir(join(dir, ".deno"));
    if (withSeed) plantSeed(join(dir, ".deno"), seed);
  };
  const runner = (withSeed: boolean) => ({
    prepare: () => freshDenoDir(withSeed),
    step: async () => {
      await strictRun(command(RUNNER_ENTRY), { cwd: dir, job: EMPTY_JOB, limits: {} });
    },
  });
  const folder = (where: "disk" | "tmpfs") => async () => {
    const d = where === "tmpfs"
      ? await makeJobDir()
      : await Deno.makeTempDir({ prefix: `assay-job-${Deno.pid}-` }); // as makeJobDir() names them
    await writeJob(d);
    if (where === "tmpfs") plantSeed(join(d, ".deno"), seed);
    await Deno.remove(d, { recursive: true });
  };
  const steps: [string, { prepare?: () => Promise<void>; step: () => Promise<void> }][] = [
    ["job folder on disk (/tmp): create, write 4 files, remove", { step: folder("disk") }],
    ["job folder on tmpfs, code cache seed planted", { step: folder("tmpfs") }],
    ["timeout + prlimit: `true`", {
      step: () =>
        run(["timeout", "-s", "KILL", "13s", "prlimit", "--data=1073741824", "--", "true"], dir),
    }],
    ["+ bwrap: `true` inside", { step: () => run([...bwrapOnly, "/usr/bin/true"], dir) }],
    ["+ deno: an empty module, empty DENO_DIR", {
      prepare: () => freshDenoDir(false),
      step: () => run(command("empty.ts").argv, dir),
    }],
    [FLOOR, {
      prepare: () => freshDenoDir(true),
      step: () => run(command("assert.js").argv, dir),
    }],
    ["+ runner (strictRun): empty job, empty DENO_DIR", runner(false)],
    ["+ runner (strictRun): empty job, seeded code cache", runner(true)],
    ["runSample(empty job), bwrap (the whole sample)", {
      step: async () => void await runSample(EMPTY_JOB, { isolation: "bwrap" }),
    }],
    ["cold `deno run` of an empty module (default DENO_DIR)", {
      step: () => run([denoPath, "run", "--no-config", "--no-npm", join(dir, "empty.ts")], dir),
    }],
  ];
  const reps = 12;
  const ms = new Map<string, number>();
  for (let r = 0; r < rounds; r++) {
    for (const [name, { prepare, step }] of steps) {
      for (let i = 0; i < reps; i++) {
        await prepare?.();
        const started = performance.now();
        await step();
        if (r > 0) ms.set(name, (ms.get(name) ?? 0) + performance.now() - started);
      }
    }
  }
  console.log(
    `strict profile: ${reps} runs × ${
      rounds - 1
    } rounds per step (a first round discarded), one at a time, bwrap; ${navigator.hardwareConcurrency} cores; load average before ${
      formatLoad(loadBefore)
    }; code cache seed ${seed.reduce((n, [, b]) => n + b.length, 0)} bytes`,
  );
  for (const [name] of steps) {
    console.log(
      `  ${name.padEnd(58)} ${(ms.get(name)! / (reps * (rounds - 1))).toFixed(1).padStart(6)} ms`,
    );
  }
  await Deno.remove(dir, { recursive: true });

  // Whole samples on real programs, interleaved with a cold `deno run` of each.
  const progs = await mbxpPrograms("ts", limit);
  const suite = await importMbxp(join(DATA, "mxeval/mbtsp_release_v1.2.jsonl"));
  const byTitle = new Map(suite.tasks.map((t) => [t.title.split(" ")[0], t]));
  const files = await Deno.makeTempDir({ prefix: "assay-profile-" });
  let strictMs = 0;
  let coldMs = 0;
  for (const [i, p] of progs.entries()) {
    const file = join(files, `p${i}.ts`);
    await Deno.writeTextFile(
      file,
      `${p.prompt}${p.completion}\n${p.test.replace(/from\s+'assert'/, "from 'node:assert'")}`,
    );
    let started = performance.now();
    await run(
      [denoPath, "run", "--no-config", "--no-npm", "--no-remote", "--cached-only", file],
      files,
    );
    coldMs += performance.now() - started;
    started = performance.now();
    await runSample(programJob(p, byTitle.get(p.id)!), { isolation: "bwrap", timeoutMs: 10_000 });
    strictMs += performance.now() - started;
  }
  await Deno.remove(files, { recursive: true });
  console.log(
    `  MBXP programs (first ${progs.length}), one at a time: runSample ${
      (strictMs / progs.length).toFixed(1)
    } ms, cold \`deno run\` ${(coldMs / progs.length).toFixed(1)} ms; ratio ${
      (coldMs / strictMs).toFixed(2)
    }`,
  );
  const floorMs = ms.get(FLOOR)! / (reps * (rounds - 1));
  console.log(
    `  the floor for a strict sample (\`${FLOOR.slice(2)}\`): ${
      floorMs.toFixed(1)
    } ms, so one at a time (c)/(b) is at most ${
      (coldMs / progs.length / floorMs).toFixed(2)
    } whatever the runner does; the runner's own cost on these programs: ${
      (strictMs / progs.length - floorMs).toFixed(1)
    } ms a sample`,
  );
  console.log(`  load average after: ${formatLoad(loadAverage())}`);
}
