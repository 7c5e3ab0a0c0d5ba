/**
 * `./assay runs`: the runs in a runs folder, newest first — what each is (id, name, origin,
 * created, suite, models, variants, tags), how far it got (complete or k/n recorded) and its pass
 * rate with the denominator. Results are counted by streaming (lib/analyze/find_runs.ts).
 *
 * @module
 */
import { relative } from "node:path";
import { listRuns, type RunEntry, tallyRun } from "../analyze/find_runs.ts";
import { parseArgs } from "./args.ts";
import { RUNS_DIR } from "./paths.ts";

/**
 * How many runs the table shows without `--all`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { RECENT_RUNS } from "./runs.ts";
 * assert.equal(RECENT_RUNS, 20);
 * ```
 */
export const RECENT_RUNS = 20;

/** One run as `./assay runs --json` prints it. */
export interface RunListing {
  /** The run id (its folder's name). */
  id: string;
  /** The run folder. */
  dir: string;
  /** `--name`, or null. */
  name: string | null;
  /** Who made it: cli, notebook, library or bench (runs older than origins: cli). */
  origin: string;
  /** ISO creation time. */
  created: string;
  /** The suite's name. */
  suite: string;
  /** Model specs. */
  models: string[];
  /** Prompt variants. */
  variants: string[];
  /** Samples the complete run holds (null when an old manifest does not say). */
  n: number | null;
  /** Samples with a result. */
  recorded: number;
  /** True when every sample was recorded. */
  complete: boolean;
  /** Recorded samples of tasks that could be judged (the pass rate's denominator). */
  judged: number;
  /** Judged samples that passed every case. */
  passed: number;
  /** passed / judged, null when nothing was judged. */
  passRate: number | null;
  /** Lines of results.jsonl that could not be read (not counted above). */
  unreadable: number;
  /** `--tag`s. */
  tags: string[];
}

/**
 * What `./assay runs` knows of one run: its manifest, and its results counted by streaming.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { listRuns } from "../analyze/find_runs.ts";
 * import { runListing } from "./runs.ts";
 * const runs = await listRuns(new URL("../../data/fixtures", import.meta.url).pathname);
 * const listing = await runListing(runs.find((r) => r.manifest.runId === "run-tiny")!);
 * assert.equal(listing.recorded, 12);
 * ```
 */
export async function runListing(entry: RunEntry): Promise<RunListing> {
  const m = entry.manifest;
  const tally = await tallyRun(entry.dir, m.formatVersion);
  const n = m.expectedSamples ??
    (typeof m.params.samples === "number"
      ? m.suite.tasks * m.models.length * m.variants.length * m.params.samples
      : null);
  return {
    id: m.runId,
    dir: entry.dir,
    name: m.name ?? null,
    origin: m.origin ?? "cli",
    created: m.createdAt,
    suite: m.suite.name,
    models: m.models.map((x) => x.spec),
    variants: m.variants,
    n,
    recorded: tally.recorded,
    complete: entry.complete && (n === null || tally.recorded >= n),
    judged: tally.judged,
    passed: tally.passed,
    passRate: tally.judged === 0 ? null : tally.passed / tally.judged,
    unreadable: tally.unreadable,
    tags: m.tags ?? [],
  };
}

/** `text` cut to `width` characters, the last one "…" when cut. */
function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/**
 * The runs as a text table that fits 100 columns: a line of figures per run (id, name, origin,
 * created, n, recorded, pass rate of the judged samples), then an indented line of what was run
 * (tags, suite, models, variants); long cells end in "…".
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runsTable } from "./runs.ts";
 * const text = runsTable([{
 *   id: "20261205-204153-ab12", dir: "d", name: "baseline", origin: "cli", created: "2026-12-05T20:41:53Z",
 *   suite: "builtin", models: ["synthetic:default"], variants: ["plain"], n: 4, recorded: 2,
 *   complete: false, judged: 2, passed: 1, passRate: 0.5, unreadable: 0, tags: ["ci"],
 * }]);
 * assert.match(text, /20261205-204153-ab12  baseline .* 2\/4 +50% of 2/);
 * assert.match(text, /tags ci · suite builtin · models synthetic:default · variants plain/);
 * assert(text.split("\n").every((line) => line.length <= 100));
 * ```
 */
export function runsTable(runs: RunListing[]): string {
  const head = ["run", "name", "origin", "created (UTC)", "n", "recorded", "pass (of judged)"];
  const rows = runs.map((r) => [
    r.id,
    cut(r.name ?? "", 16),
    r.origin,
    r.created.replace("T", " ").slice(0, 16),
    r.n === null ? "?" : String(r.n),
    r.complete ? "complete" : `${r.recorded}/${r.n ?? "?"}`,
    (r.passRate === null ? `— of 0` : `${Math.round(r.passRate * 100)}% of ${r.judged}`) +
    (r.unreadable ? ` (${r.unreadable} unreadable)` : ""),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cut(cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd(), 100);
  const out = [line(head)];
  runs.forEach((r, i) => {
    out.push(line(rows[i]));
    const what = [
      ...(r.tags.length ? [`tags ${r.tags.join(", ")}`] : []),
      `suite ${r.suite}`,
      `models ${r.models.join(", ")}`,
      `variants ${r.variants.join(", ")}`,
    ].join(" · ");
    out.push(cut(`    ${what}`, 100));
  });
  return out.join("\n");
}

/**
 * Run `runs [--runs-dir DIR] [--json] [--all]`: the newest 20 runs as a table (`--all`: every
 * one), or every run as a JSON array (`--json`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runRuns } from "./runs.ts";
 * const listed = await runRuns(["--runs-dir", await Deno.makeTempDir(), "--json"]);
 * assert.deepEqual(listed, []);
 * ```
 *
 * @param args The arguments after `runs`.
 * @returns The runs listed.
 * @throws {UsageError} For an unknown option.
 */
export async function runRuns(args: string[]): Promise<RunListing[]> {
  const { values } = parseArgs({
    args,
    options: {
      "runs-dir": { type: "string", default: RUNS_DIR },
      json: { type: "boolean", default: false },
      all: { type: "boolean", default: false },
    },
  });
  const root = values["runs-dir"];
  const entries = await listRuns(root);
  const shown = values.json || values.all ? entries : entries.slice(0, RECENT_RUNS);
  const listings: RunListing[] = [];
  for (const entry of shown) listings.push(await runListing(entry));
  if (values.json) {
    console.log(JSON.stringify(listings, null, 2));
    return listings;
  }
  const where = relative(Deno.cwd(), root) || root;
  if (entries.length === 0) {
    console.log(`no runs in ${where}: ./assay eval makes one`);
    return listings;
  }
  console.log(runsTable(listings));
  console.log(
    `\n${shown.length} of ${entries.length} run${entries.length === 1 ? "" : "s"} in ${where}${
      shown.length < entries.length ? " (newest first; --all lists every one)" : " (newest first)"
    }`,
  );
  return listings;
}
