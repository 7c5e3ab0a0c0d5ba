/**
 * `./assay load`: latency under load — each model at several concurrency levels, written to
 * `data/runs/<id>-load/load.json`.
 *
 * @module
 */
import { parseArgs } from "./args.ts";
import { join, relative } from "node:path";
import { createProvider } from "../model/create.ts";
import type { Provider } from "../model/provider.ts";
import { measureLoad } from "../run/measure_load.ts";
import { newRunId } from "../run/store.ts";
import { loadSuite } from "../task/load_suite.ts";
import { UsageError } from "./errors.ts";
import { RUNS_DIR } from "./paths.ts";
import { ProviderError } from "../model/provider_error.ts";

function fmt(x: number | null, digits = 2, suffix = ""): string {
  return x === null ? "—" : `${x.toFixed(digits)}${suffix}`;
}

/**
 * Run `load [--model M]… [--concurrency 1,2,4,8,16] [--requests 32] [--runs-dir DIR]`: one line
 * per model × level, then the load curve's path.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runLoad } from "./load.ts";
 * await assert.rejects(runLoad(["--requests", "0"]), /Cannot use --requests "0": use an integer >= 1/);
 * await assert.rejects(runLoad(["--concurrency", "1,x"]), /Cannot use --concurrency "1,x"/);
 * ```
 *
 * @param args The arguments after `load`.
 * @throws {UsageError} For a bad level, request count or model spec.
 */
export async function runLoad(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      suite: { type: "string", default: "tasks/builtin" },
      model: { type: "string", multiple: true },
      concurrency: { type: "string", default: "1,2,4,8,16" },
      requests: { type: "string", default: "32" },
      "runs-dir": { type: "string", default: RUNS_DIR },
    },
  });
  const levels = values.concurrency.split(",").map((x) => {
    const n = Number(x);
    if (!Number.isInteger(n) || n < 1) {
      throw new UsageError(
        `Cannot use --concurrency "${values.concurrency}": use integers >= 1, e.g. 1,2,4,8`,
      );
    }
    return n;
  });
  const requests = Number(values.requests);
  if (!Number.isInteger(requests) || requests < 1) {
    throw new UsageError(`Cannot use --requests "${values.requests}": use an integer >= 1`);
  }
  const suite = await loadSuite(values.suite);
  const dir = join(values["runs-dir"], `${newRunId()}-load`);
  await Deno.mkdir(dir, { recursive: true });
  const rows: Record<string, unknown>[] = [];
  for (const spec of values.model ?? ["synthetic:default"]) {
    let model: Provider;
    try {
      model = createProvider(spec, { tasks: suite.tasks, env: Deno.env.toObject() });
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      throw new UsageError(error.message, { cause: error });
    }
    try {
      console.error(
        `assay: load on ${model.spec}${
          model.synthetic ? " (synthetic)" : ""
        }: ${requests} requests at ${levels.join(", ")}`,
      );
      await measureLoad(model, suite.tasks, {
        levels,
        requests,
        onLevel: (l) => {
          rows.push({ model: model.spec, synthetic: model.synthetic, ...l });
          console.log(
            `${model.spec.padEnd(24)} c=${String(l.concurrency).padStart(3)}  ${
              l.throughputRps.toFixed(1).padStart(6)
            } req/s  ` +
              `${l.tokensPerSec.toFixed(0).padStart(6)} tok/s  ttft p50 ${fmt(l.ttftP50, 0)} p95 ${
                fmt(l.ttftP95, 0)
              } ms  ` +
              `total p50 ${fmt(l.totalP50, 0)} p95 ${fmt(l.totalP95, 0)} ms  errors ${l.errors}`,
          );
        },
      });
    } finally {
      await model.close();
    }
  }
  const artifact = {
    createdAt: new Date().toISOString(),
    suite: { name: suite.name, hash: suite.hash },
    levels,
    requests,
    rows,
  };
  await Deno.writeTextFile(join(dir, "load.json"), JSON.stringify(artifact, null, 2) + "\n");
  console.log(`\nload curve: ${relative(Deno.cwd(), join(dir, "load.json"))}`);
}
