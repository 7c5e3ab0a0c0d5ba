/**
 * Declared dependencies on real programs: the 968 MBXP TypeScript sample completions
 * (../shared/datasets), judged by assay (warm pool, bubblewrap when available)
 *
 * (1) without declared dependencies (no package importable), and
 * (2) with the suite declaring mathjs and heap-js (the dependency store, read-only),
 *
 * with the programs whose verdict changes and the failure labels of package imports; then
 * (3) the harness that runs the TypeScript compiler's output whatever its diagnostics (tsc's
 *     exit code ignored, as a `tsc; node out.js` script does): per program, TypeScript's
 *     `transpileModule` (the emit tsc would write, with its syntactic diagnostics), then `node`
 *     from a folder that sees the project's node_modules. Programs it passes although their
 *     source does not parse are listed with assay's category for them (expected: `syntax`).
 */
import { join } from "node:path";
import ts from "typescript";
import { limiter } from "../lib/run/limiter.ts";
import { resolveDependencies } from "../lib/sandbox/dep_store.ts";
import { bwrapAvailable } from "../lib/sandbox/isolate.ts";
import { createPool } from "../lib/sandbox/pool.ts";
import type { SandboxJob, SandboxResult } from "../lib/sandbox/sandbox.ts";
import { packageCheck } from "../lib/score/package_check.ts";
import { classifyFailure, importedPackages } from "../lib/score/taxonomy.ts";
import { type FailureClassification } from "../lib/record/failure.ts";
import { importMbxp } from "../lib/task/importers/mbxp.ts";
import { programs } from "./sandbox_mbxp.ts";
import { programJob } from "./mbxp_samples.ts";

const DATA = new URL("../../shared/datasets/", import.meta.url).pathname;
const ROOT = new URL("..", import.meta.url).pathname;

const passed = (r: SandboxResult) =>
  r.outcome === "completed" && r.cases.every((c) => c.status === "pass");

/** Benchmark declared dependencies on the MBXP TypeScript samples. */
export async function depsMbxpBench(workers = 4): Promise<void> {
  const progs = await programs();
  const suite = await importMbxp(join(DATA, "mxeval/mbtsp_release_v1.2.jsonl"));
  const byTitle = new Map(suite.tasks.map((t) => [t.title.split(" ")[0], t]));
  const isolation = (await bwrapAvailable()) ? "bwrap" : "none";
  const declared = { mathjs: "^11.0.0", "heap-js": "^2.2.0" };
  let started = performance.now();
  const store = (await resolveDependencies(declared, {
    cacheDir: join(ROOT, "data", "cache"),
    projectDir: ROOT,
  }))!;
  console.log(
    `MBXP TypeScript samples: ${progs.length} programs, isolation ${isolation}, ${workers} workers; ` +
      `store ${store.hash.slice(0, 12)} (${store.source}: ${
        Object.entries(store.packages).map(([n, v]) => `${n}@${v}`).join(", ")
      }) ready in ${(performance.now() - started).toFixed(0)} ms`,
  );
  const needing = suite.tasks.filter((t) => t.dependencies).length;
  console.log(`  the importer declares dependencies on ${needing} tasks`);
  const jobs: SandboxJob[] = progs.map((p) => programJob(p, byTitle.get(p.id)!));
  const check = packageCheck({ projectDir: ROOT });
  const runAll = async (label: string, withDeps: boolean) => {
    const pool = createPool({ size: workers, isolation });
    started = performance.now();
    try {
      const results = await Promise.all(
        jobs.map((job) =>
          pool.run(withDeps ? { ...job, dependencies: { nodeModules: store.nodeModules } } : job, {
            timeoutMs: 10_000,
          })
        ),
      );
      const secs = (performance.now() - started) / 1000;
      const failures = await Promise.all(results.map(async (r, i) => {
        if (passed(r)) return null;
        const input = {
          code: jobs[i].code,
          outcome: r.outcome,
          detail: r.detail,
          cases: r.cases,
          stderr: r.stderr,
          entry: jobs[i].entry,
        };
        const packages = Object.fromEntries(
          await Promise.all(importedPackages(input).map(async (n) => [n, await check(n)])),
        );
        return classifyFailure({ ...input, packages, testsSource: jobs[i].testsSource });
      }));
      const count = results.filter(passed).length;
      const labels = new Map<string, number>();
      for (const f of failures) {
        for (const l of f?.labels ?? []) labels.set(l, (labels.get(l) ?? 0) + 1);
      }
      console.log(
        `  ${label.padEnd(44)} passes ${count}/${progs.length} (${
          (progs.length / secs).toFixed(1)
        } programs/s); labels: ${[...labels].map(([l, n]) => `${l} ${n}`).join(", ") || "none"}`,
      );
      return { results, failures };
    } finally {
      await pool.close();
    }
  };
  const without = await runAll("(1) without declared dependencies", false);
  const withDeps = await runAll("(2) suite declares mathjs, heap-js", true);
  const changed = progs.map((p, i) => ({ p, i })).filter(({ i }) =>
    passed(without.results[i]) !== passed(withDeps.results[i])
  );
  const verdict = (r: SandboxResult, f: FailureClassification | null) =>
    passed(r) ? "pass" : `${f?.category}${f?.labels ? `/${f.labels.join(",")}` : ""}`;
  console.log(`  verdicts that change (${changed.length}):`);
  for (const { p, i } of changed) {
    console.log(
      `    ${p.id.padEnd(10)} ${verdict(without.results[i], without.failures[i]).padEnd(44)} → ${
        verdict(withDeps.results[i], withDeps.failures[i])
      }`,
    );
  }
  const stillImporting = withDeps.failures.filter((f) => f?.labels?.length).length;
  console.log(`  with the store, failures still labelled as package imports: ${stillImporting}`);

  // (3) tsc's output run whatever its diagnostics.
  const dir = await Deno.makeTempDir({ dir: join(ROOT, "data", "cache"), prefix: "bench-deps-" });
  try {
    const limit = limiter(workers);
    started = performance.now();
    const ignoring = await Promise.all(progs.map((p, i) =>
      limit(async () => {
        const source = `${p.prompt}${p.completion}\n${p.test}`;
        const out = ts.transpileModule(source, {
          compilerOptions: { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.CommonJS },
          reportDiagnostics: true,
          fileName: `p${i}.ts`,
        });
        const file = join(dir, `p${i}.js`);
        await Deno.writeTextFile(file, out.outputText);
        const child = new Deno.Command("node", { args: [file], stdout: "null", stderr: "null" })
          .spawn();
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        const status = await child.status;
        clearTimeout(timer);
        return { broken: (out.diagnostics ?? []).length > 0, pass: status.success };
      })
    ));
    const secs = (performance.now() - started) / 1000;
    const harnessPass = ignoring.filter((x) => x.pass).length;
    const brokenPass = progs.map((p, i) => ({ p, i })).filter(({ i }) =>
      ignoring[i].broken && ignoring[i].pass
    );
    console.log(
      `  (3) tsc's emit run despite its diagnostics, then node: passes ${harnessPass}/${progs.length} ` +
        `(${
          (progs.length / secs).toFixed(1)
        } programs/s); ${brokenPass.length} of those do not parse:`,
    );
    const categories = new Map<string, number>();
    for (const { p, i } of brokenPass) {
      const f = withDeps.failures[i];
      const category = passed(withDeps.results[i]) ? "pass" : f?.category ?? "?";
      categories.set(category, (categories.get(category) ?? 0) + 1);
      const why = (f?.evidence[0]?.text ?? "").replace(/^.*?SyntaxError: /, "").slice(0, 70);
      console.log(`    ${p.id.padEnd(10)} assay: ${category.padEnd(8)} ${why}`);
    }
    console.log(
      `  assay's categories for them: ${[...categories].map(([c, n]) => `${c} ${n}`).join(", ")}`,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
