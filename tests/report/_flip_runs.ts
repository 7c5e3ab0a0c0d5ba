/**
 * Two small offline runs that differ in samples per task and in which one task flips for sure:
 * run A answers `search-insert` with the reference broken on purpose (`<` became `<=`, so ties
 * land after equal elements), run B with the reference itself; `group-by` gets the reference in
 * both. Both answer under the spec `synthetic:default` so the runs pair.
 */
import { createProvider } from "../../lib/model/create.ts";
import type { Provider } from "../../lib/model/provider.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { bwrapAvailable } from "../../lib/sandbox/isolate.ts";
import { sha256 } from "../../lib/task/hash.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";

/** The tasks of the two runs. */
export const FLIP_TASKS = ["group-by", "search-insert"];

/** The reference's answers under another spec, each passed through `edit`. */
function answering(reference: Provider, edit: (text: string) => string): Provider {
  return {
    spec: "synthetic:default",
    synthetic: true,
    params: reference.params,
    generate: async (request) => {
      const g = await reference.generate(request);
      return { ...g, text: edit(g.text) };
    },
    close: () => reference.close(),
  };
}

/**
 * Run A (3 samples, the broken search-insert) and run B (4 samples, the reference) in `dir`.
 *
 * @returns Their folders, A first.
 */
export async function flipRuns(dir: string): Promise<[string, string]> {
  const builtin = await loadSuite(new URL("../../tasks/builtin", import.meta.url).pathname);
  const suite = {
    ...builtin,
    tasks: builtin.tasks.filter((t) => FLIP_TASKS.includes(t.id)),
    hash: await sha256(`${builtin.hash}|${FLIP_TASKS.join(",")}`),
  };
  const isolation = (await bwrapAvailable()) ? "bwrap" : "none";
  const dirs: string[] = [];
  const broken = (text: string) => text.replace("sorted[mid] < target", "sorted[mid] <= target");
  for (const [samples, edit] of [[3, broken], [4, (t: string) => t]] as const) {
    const model = answering(
      createProvider("synthetic:reference", { tasks: builtin.tasks, env: {} }),
      edit,
    );
    try {
      dirs.push((await evaluate(suite, { models: [model], runsDir: dir, samples, isolation })).dir);
    } finally {
      await model.close();
    }
  }
  return dirs as [string, string];
}
