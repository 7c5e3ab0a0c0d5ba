/**
 * Sandbox throughput on real programs: the MBXP TypeScript sample
 * completions (prompt + completion + tests) from ../shared/datasets, in one
 * run, same machine, with the verdicts of every mode compared per program:
 *
 * (a) MultiPL-E's method, `tsc --target esnext` then `node`, per program —
 *     only when `typescript` is installed in node_modules (it is not a
 *     dependency; `npm i --no-save typescript` adds it);
 * (b) a pool of cold `deno run` processes on the whole program;
 * (c) assay strict: each sample in the sandbox (Deno, no permissions,
 *     bubblewrap when available), per-case verdicts.
 *
 * The warm pool (d) of the sandbox issue is not built yet.
 */
import { join } from "node:path";
import { limiter } from "../lib/run/pool.ts";
import { runSample } from "../lib/sandbox/deno.ts";
import { bwrapAvailable } from "../lib/sandbox/isolate.ts";
import { importMbxp } from "../lib/task/importers/mbxp.ts";

const DATA = new URL("../../shared/datasets/", import.meta.url).pathname;
const ROOT = new URL("..", import.meta.url).pathname;

interface Program {
  id: string;
  prompt: string;
  completion: string;
  test: string;
}

async function programs(limit: number): Promise<Program[]> {
  const samples = new Map<string, string>();
  for (
    const line of (await Deno.readTextFile(join(DATA, "completions/mxeval-mbtsp_samples.jsonl")))
      .split("\n")
  ) {
    if (line.trim()) samples.set(JSON.parse(line).task_id, JSON.parse(line).completion);
  }
  const out: Program[] = [];
  for (
    const line of (await Deno.readTextFile(join(DATA, "mxeval/mbtsp_release_v1.2.jsonl"))).split(
      "\n",
    )
  ) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    if (samples.has(r.task_id)) {
      out.push({
        id: r.task_id,
        prompt: r.prompt,
        completion: samples.get(r.task_id)!,
        test: r.test,
      });
    }
  }
  return out.slice(0, limit);
}

async function timed<T>(
  label: string,
  n: number,
  fn: () => Promise<T>,
): Promise<{ value: T; rate: number }> {
  const started = performance.now();
  const value = await fn();
  const rate = n / ((performance.now() - started) / 1000);
  console.log(`  ${label.padEnd(44)} ${rate.toFixed(1).padStart(7)} programs/s`);
  return { value, rate };
}

const denoPath = Deno.execPath();

/** Run a whole program file with a command; pass = exit 0 within 10 s. */
async function runFile(cmd: string[], file: string): Promise<boolean> {
  const child = new Deno.Command(cmd[0], {
    args: [...cmd.slice(1), file],
    stdout: "null",
    stderr: "null",
  }).spawn();
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  const status = await child.status;
  clearTimeout(timer);
  return status.success;
}

/** Benchmark the sandbox on MBXP TypeScript samples. */
export async function sandboxMbxpBench(limit = 200, workers = 4): Promise<void> {
  const progs = await programs(limit);
  const dir = await Deno.makeTempDir({ prefix: "assay-mbxp-" });
  const limit4 = limiter(workers);
  console.log(
    `MBXP TypeScript sample completions: ${progs.length} programs, ${workers} workers, ${navigator.hardwareConcurrency} cores`,
  );
  const files = await Promise.all(progs.map(async (p, i) => {
    const source = `${p.prompt}${p.completion}\n${
      p.test.replace(/from\s+'assert'/, "from 'node:assert'")
    }`;
    const file = join(dir, `p${i}.ts`);
    await Deno.writeTextFile(file, source);
    return file;
  }));
  const results: Record<string, boolean[]> = {};
  const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
  if ((await Deno.stat(tsc).catch(() => null))?.isFile) {
    const a = await timed(
      "(a) tsc --target esnext, then node",
      progs.length,
      () =>
        Promise.all(files.map((f, i) =>
          limit4(async () => {
            const out = join(dir, `a${i}`);
            const compiled = await new Deno.Command("node", {
              args: [tsc, "--target", "esnext", "--module", "commonjs", "--outDir", out, f],
              stdout: "null",
              stderr: "null",
            }).output();
            if (!compiled.success) return false;
            return runFile(["node"], join(out, `p${i}.js`));
          })
        )),
    );
    results["(a)"] = a.value;
  } else {console.log(
      "  (a) skipped: typescript is not in node_modules (npm i --no-save typescript)",
    );}
  const b = await timed(
    "(b) cold deno run per program",
    progs.length,
    () =>
      Promise.all(
        files.map((f) =>
          limit4(() =>
            runFile([denoPath, "run", "--no-config", "--no-npm", "--no-remote", "--cached-only"], f)
          )
        ),
      ),
  );
  results["(b)"] = b.value;
  const suite = await importMbxp(join(DATA, "mxeval/mbtsp_release_v1.2.jsonl"));
  const byTitle = new Map(suite.tasks.map((t) => [t.title.split(" ")[0], t]));
  const isolation = (await bwrapAvailable()) ? "bwrap" : "none";
  const c = await timed(
    `(c) assay strict (${isolation})`,
    progs.length,
    () =>
      Promise.all(progs.map((p) =>
        limit4(async () => {
          const task = byTitle.get(p.id)!;
          const r = await runSample(
            {
              code: p.prompt + p.completion,
              testsSource: task.testsSource,
              cases: task.cases,
              entry: task.entry,
            },
            { isolation, timeoutMs: 10_000 },
          );
          return r.cases.every((x) => x.status === "pass");
        })
      )),
  );
  results["(c)"] = c.value;
  console.log(`  ratio (c)/(b): ${(c.rate / b.rate).toFixed(2)}`);
  for (const [mode, verdicts] of Object.entries(results)) {
    const passed = verdicts.filter(Boolean).length;
    const differ = verdicts.map((v, i) => (v === results["(b)"][i] ? null : progs[i].id)).filter(
      Boolean,
    );
    console.log(
      `  ${mode} passes ${passed}/${progs.length}; differs from (b) on ${differ.length}${
        differ.length ? `: ${differ.slice(0, 12).join(", ")}` : ""
      }`,
    );
  }
  await Deno.remove(dir, { recursive: true });
}
