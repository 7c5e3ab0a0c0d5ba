/**
 * The notebooks test's second half: every fragile, flip and Pareto verdict a notebook shows is
 * recomputed here with the library from the runs the notebook recorded, and must be the same;
 * every complete run a notebook made has its results.parquet (evaluate() finishes the store).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import {
  bestUnderBudget,
  judgeFlips,
  listRuns,
  loadRun,
  paretoFrontier,
  robustness,
  type Run,
  summarize,
} from "../../lib/mod.ts";
import type { JudgedFlips } from "../../lib/analyze/mod.ts";

/** The rows of the table captioned `caption` in `html`, each as { header: cell text }. */
export function tableRows(html: string, caption: string): Record<string, string>[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const box = [...document.querySelectorAll("div.assay-table")].find((d) =>
    (d.firstElementChild?.textContent ?? "").startsWith(caption)
  );
  assert.ok(box, `a table captioned "${caption}"`);
  const headers = [...box.querySelectorAll("thead th")].map((th) => th.textContent!.trim());
  return [...box.querySelectorAll("tbody tr")].map((tr) =>
    Object.fromEntries(
      [...tr.querySelectorAll("td")].map((td, i) => [headers[i], td.textContent!.trim()]),
    )
  );
}

/**
 * Per model, what flipsHTML() says: "<n> flip(s) (<f> fixed in B, <b> broken in B) among <j>
 * judged", checked against `judged`; and the model sections are exactly the judged models.
 */
function assertFlipsShown(html: string, judged: JudgedFlips, B: string, where: string) {
  const shown = new Map<string, [number, number, number, number]>();
  const section =
    /<div style="font: 600 14px system-ui, sans-serif;">([^<]+)<\/div><p[^>]*>(\d+) flips? \((\d+) fixed in ([^,]+), (\d+) broken in [^)]+\) among (\d+) judged/g;
  for (const m of html.matchAll(section)) {
    assert.equal(m[4], B, `${where}: flips name the second run`);
    shown.set(m[1], [+m[2], +m[3], +m[5], +m[6]]);
  }
  const models = [...new Set(judged.groups.map((g) => g.model))];
  assert.deepEqual([...shown.keys()].sort(), models.sort(), `${where}: one flip section per model`);
  for (const model of models) {
    const groups = judged.groups.filter((g) => g.model === model);
    const flips = groups.flatMap((g) => g.flips);
    const fixed = flips.filter((f) => f.direction === "fixed").length;
    const judgedPairs = groups.reduce((s, g) => s + g.judged, 0);
    assert.deepEqual(
      shown.get(model),
      [flips.length, fixed, flips.length - fixed, judgedPairs],
      `${where}: ${model}'s flips are judgeFlips()'s`,
    );
  }
}

/** The complete runs a notebook recorded, oldest first; each has its results.parquet. */
async function notebookRuns(runsDir: string, where: string): Promise<Run[]> {
  const entries = (await listRuns(runsDir)).filter((e) => e.complete).reverse();
  for (const e of entries) {
    const stat = await Deno.stat(join(e.dir, "results.parquet")).catch(() => null);
    assert.ok(
      stat?.isFile,
      `${where}: ${e.dir} has results.parquet (evaluate() finishes the store)`,
    );
  }
  return Promise.all(entries.map((e) => loadRun(e.dir)));
}

/** Relabel one variant's results so two variants of one run pair by task (as notebook 05 does). */
const side = (run: Run, variant: string) => ({
  ...run,
  results: run.results.filter((r) => r.variant === variant).map((r) => ({ ...r, variant: "v" })),
  generations: run.generations.filter((g) => g.variant === variant).map((g) => ({
    ...g,
    variant: "v",
  })),
});

/** Check what notebook `name` showed (`outputs`: each cell's output HTML by cell id). */
export async function assertVerdicts(
  name: string,
  outputs: Map<string, string>,
  runsDir: string,
  where: string,
): Promise<void> {
  const runs = await notebookRuns(runsDir, where);
  assert.ok(runs.length >= 1, `${where}: the notebook recorded a complete run`);
  if (name === "03-latency") {
    const points = summarize(runs[0]).map((row) => ({
      model: row.model,
      variant: row.variant,
      latency: row.totalP50,
      accuracy: row.passRate,
    }));
    const frontier = new Set(paretoFrontier(points).map((p) => `${p.model} ${p.variant}`));
    const rows = tableRows(outputs.get("pareto-table")!, "The trade-off per model × variant");
    assert.equal(rows.length, points.length, `${where}: one trade-off row per model × variant`);
    for (const row of rows) {
      const on = frontier.has(`${row.model} ${row.variant}`) ? "yes" : "no";
      assert.equal(row["on the frontier"], on, `${where}: ${row.model} · ${row.variant} frontier`);
    }
    const budget = Number(
      /Latency budget <strong>(\d+) ms/.exec(outputs.get("latency-settings")!)![1],
    );
    const best = bestUnderBudget(points, budget);
    const said = /Best under \d+ ms: <strong>([^<]+)<\/strong>/.exec(outputs.get("pareto-table")!);
    assert.equal(said?.[1] ?? null, best ? `${best.model} · ${best.variant}` : null, where);
  }
  if (name === "05-prompt-iteration") {
    const robust = runs.find((r) => r.results.some((x) => x.variant.includes("+")))!;
    const base = runs.find((r) => r !== robust)!;
    assert.ok(robust && base, `${where}: a comparison run and a robustness run`);
    const flips = judgeFlips(side(base, "plain"), side(base, "checklist"));
    assertFlipsShown(outputs.get("comparison-tables")!, flips, "checklist", where);
    const threshold = Number(
      /a drop of at least ([\d.]+) in pass rate/.exec(
        outputs.get("fragile")!,
      )![1],
    );
    const analysis = robustness(robust.results, { threshold });
    const rows = tableRows(outputs.get("fragile")!, "Fragile prompts");
    assert.ok(rows.length > 0, `${where}: fragile verdict rows`);
    for (const row of rows) {
      const fragile = analysis
        .filter((r) => r.model === row.model && r.template === row.template && r.fragile)
        .map((r) => r.perturbation);
      const verdict = fragile.length ? `FRAGILE (${fragile.join(", ")})` : "robust";
      assert.equal(
        row.verdict,
        verdict,
        `${where}: ${row.model} · ${row.template} is robustness()'s`,
      );
    }
  }
  if (name === "06-stability") {
    // Oldest first: seed 0, then the second seed.
    const [first, second] = runs;
    assert.equal(first?.manifest.params.seed, 0, `${where}: the first run has seed 0`);
    assert.ok(second, `${where}: two runs of the same configuration`);
    const flips: JudgedFlips = judgeFlips(first, second);
    const html = outputs.get("flips")!;
    assertFlipsShown(html, flips, `seed ${second.manifest.params.seed}`, where);
    const judgedPairs = flips.groups.reduce((s, g) => s + g.judged, 0);
    assert.match(
      html,
      new RegExp(`${flips.flips.length} of ${judgedPairs} judged task × model pairs flipped`),
      where,
    );
  }
}
