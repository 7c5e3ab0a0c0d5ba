/**
 * The benchmarks of the agreement table, read from ../shared/datasets: for each, the benchmark
 * file assay loads as its suite, and the samples — each an answer to replay, and the benchmark
 * harness's verdict on it (recorded, or a program to run with node as MultiPL-E does).
 *
 * @module
 */
import { join } from "node:path";
import { loadSuite } from "../../lib/task/load_suite.ts";
import type { Suite } from "../../lib/task/schema.ts";
import { mbxpPrograms } from "../mbxp_samples.ts";
import { npmDependencies } from "../../lib/source/npm_dependencies.ts";
import type { HarnessVerdict } from "./verdict.ts";
import { renamedCandidates } from "./rename.ts";

/** The shared datasets folder, `../shared/datasets` beside the checkout. */
export const DATA: string = new URL("../../../shared/datasets/", import.meta.url).pathname;

/** One sample of a row, before it is numbered and run. */
export interface Item {
  /** Its id in the benchmark's terms. */
  id: string;
  /** assay's task id. */
  task: string;
  /** The answer to replay. */
  text: string;
  /** The harness's recorded verdict, or null when `program` must be run to get it. */
  harness: HarnessVerdict | null;
  /** The whole program MultiPL-E's harness runs (candidate, newline, tests), when not recorded. */
  program?: { language: "js" | "ts"; source: string; commonjs?: boolean };
}

/** One benchmark of the table. */
export interface Benchmark {
  /** `--only` key. */
  key: string;
  /** The row's name. */
  name: string;
  /** The benchmark file assay loads as its suite (relative to {@link DATA}). */
  suiteFile: string;
  /** The samples, given the loaded suite. */
  items(suite: Suite): Promise<Item[]>;
  /** What the harness is, for the printout. */
  harness: string;
}

const jsonl = async (file: string): Promise<Record<string, any>[]> =>
  (await Deno.readTextFile(join(DATA, file))).split("\n").filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l));

/** Task id by the first word of its title (the benchmark's own id, e.g. `MBTSP/7`). */
const byTitle = (suite: Suite) => new Map(suite.tasks.map((t) => [t.title.split(" ")[0], t]));

let checks: Promise<Record<string, Record<string, string>>> | undefined;

/** A verdict of validation/deno-checks.json (pass or fail; no detail is recorded). */
async function recorded(key: string, id: string): Promise<HarnessVerdict> {
  checks ??= Deno.readTextFile(join(DATA, "validation/deno-checks.json")).then((t) =>
    JSON.parse(t).results
  );
  const v = (await checks)[key]?.[id];
  if (v === undefined) throw new Error(`Cannot find the harness verdict of ${id} in "${key}"`);
  return { pass: v === "pass", detail: null };
}

/**
 * The recorded verdict of `id` under `key`; or, when `program` imports an npm package (which the
 * recorded run did not have), no verdict and the program to run with node and the package.
 */
async function recordedOrRerun(
  key: string,
  id: string,
  program: { language: "js" | "ts"; source: string } | null,
): Promise<Pick<Item, "harness" | "program">> {
  if (program && npmDependencies(program.source).length > 0) {
    return { harness: null, program: { ...program, commonjs: true } };
  }
  return { harness: await recorded(key, id) };
}

function mbxp(language: "ts" | "js"): Benchmark {
  const name = language === "ts" ? "MBXP TypeScript" : "MBXP JavaScript";
  const samples = language === "ts" ? "mbtsp" : "mbjsp";
  return {
    key: `mbxp-${language}`,
    name,
    suiteFile: `mxeval/${samples}_release_v1.2.jsonl`,
    harness: "validation/deno-checks.json (deno, mxeval's test program)" +
      (language === "ts"
        ? "; a program importing an npm package (mathjs, heap-js) runs again with node on tsc's " +
          "CommonJS emit with the packages installed, as mxeval's setup installs them (the " +
          "recorded run had none, so it failed all 57)"
        : ""),
    async items(suite) {
      const tasks = byTitle(suite);
      return await Promise.all((await mbxpPrograms(language)).map(async (p) => {
        const source = `${p.prompt}${p.completion}\n${p.test}`;
        return {
          id: p.id,
          task: tasks.get(p.id)!.id,
          text: p.prompt + p.completion,
          ...await recordedOrRerun(
            `completions/mxeval-${samples}_samples.jsonl completion`,
            p.id,
            language === "ts" ? { language, source } : null,
          ),
        };
      }));
    },
  };
}

/** can-ai-code's JavaScript answers (all models), in file order. */
async function canAiCodeAnswers(): Promise<Record<string, any>[]> {
  const file = await Deno.open(join(DATA, "completions/can-ai-code-results.jsonl.gz"));
  const text = await new Response(
    file.readable.pipeThrough(new DecompressionStream("gzip")),
  ).text();
  return text.split("\n").filter((l) => l.trim() !== "").map((l, i) => ({
    ...JSON.parse(l),
    index: i,
  })).filter((r) => r.language === "javascript");
}

/** The harness's verdict: its status, first failing check and the code it extracted. */
function canAiCodeVerdict(r: Record<string, any>): HarnessVerdict {
  const code = typeof r.code === "string" ? r.code : "";
  if (r.status === "PASS") return { pass: true, detail: null, code };
  if (r.status !== "FAIL") return { pass: false, detail: `status ${r.status}`, code };
  const failed = (Array.isArray(r.checks) ? r.checks : []).find((c: any) => !c.status);
  return {
    pass: false,
    code,
    detail: failed
      ? `check ${failed.assert} == ${JSON.stringify(failed.eq)}, got ${
        JSON.stringify(failed.got)?.slice(0, 120)
      }`
      : "status FAIL",
  };
}

const canAiCode: Benchmark = {
  key: "can-ai-code",
  name: "can-ai-code JavaScript",
  suiteFile: "completions/can-ai-code-tasks.json",
  harness: 'the recorded status === "PASS" (can-ai-code\'s own node sandbox)',
  async items(suite) {
    const tasks = byTitle(suite);
    return (await canAiCodeAnswers()).map((r) => ({
      id: `${r.task}@${r.index} (${r.model})`,
      task: tasks.get(r.task)!.id,
      text: r.answer,
      harness: canAiCodeVerdict(r),
    }));
  },
};

/** What the recorded run did to HumanEval-X's tests: a failed console.assert throws. */
const THROWING_CONSOLE_ASSERT =
  'console.assert = (ok, ...m) => { if (!ok) throw new Error("Assertion failed: " + m.join(" ")); };\n';

const humanEvalX: Benchmark = {
  key: "humaneval-x",
  name: "HumanEval-X JS canonical",
  suiteFile: "humaneval-x/humaneval_js.jsonl",
  harness: "validation/deno-checks.json (deno, console.assert made to throw); a program " +
    "requiring an npm package (js-md5) runs again with node and the package installed, as " +
    "HumanEval-X's setup installs it (the recorded run had none)",
  async items(suite) {
    const tasks = byTitle(suite);
    return await Promise.all((await jsonl("humaneval-x/humaneval_js.jsonl")).map(async (r) => {
      const source = `${THROWING_CONSOLE_ASSERT}${r.prompt}${r.canonical_solution}\n${r.test}`;
      return {
        id: r.task_id,
        task: tasks.get(r.task_id)!.id,
        text: r.prompt + r.canonical_solution,
        ...await recordedOrRerun("humaneval-x/humaneval_js.jsonl canonical_solution", r.task_id, {
          language: "js",
          source,
        }),
      };
    }));
  },
};

/** Real programs per problem number, with the name of their function. */
async function sourcePrograms(from: "humaneval-x" | "mbxp-js" | "mbxp-ts") {
  if (from === "humaneval-x") {
    const suite = await loadSuite(join(DATA, "humaneval-x/humaneval_js.jsonl"));
    const tasks = byTitle(suite);
    return (await jsonl("humaneval-x/humaneval_js.jsonl")).map((r) => ({
      id: r.task_id as string,
      number: Number(r.task_id.split("/")[1]),
      code: r.prompt + r.canonical_solution,
      entry: tasks.get(r.task_id)!.entry,
    }));
  }
  return (await mbxpPrograms(from === "mbxp-js" ? "js" : "ts")).map((p) => ({
    id: p.id,
    number: Number(p.id.split("/")[1]),
    code: p.prompt + p.completion,
    entry: p.entry,
  }));
}

function multiplE(dataset: "humaneval" | "mbpp", language: "js" | "ts"): Benchmark {
  const from = dataset === "humaneval" ? "humaneval-x" : `mbxp-${language}` as const;
  const file = `multipl-e/${dataset}-${language}.jsonl`;
  return {
    key: `multipl-e-${dataset}-${language}`,
    name: `MultiPL-E ${dataset === "humaneval" ? "HumanEval" : "MBPP"} ${language.toUpperCase()}`,
    suiteFile: file,
    harness: `node on candidate + tests${
      language === "ts" ? " (TypeScript's transpileModule first)" : ""
    }; candidates: ${from === "humaneval-x" ? "HumanEval-X JS canonical" : from} renamed`,
    async items(suite) {
      const records = new Map((await jsonl(file)).map((r) => [r.name as string, r]));
      const targets = suite.tasks.map((t) => ({ name: t.title, entry: t.entry, id: t.id }));
      const ids = new Map(targets.map((t) => [t.name, t.id]));
      return renamedCandidates(await sourcePrograms(from), targets).map((c) => ({
        id: `${c.name} ← ${c.from}`,
        task: ids.get(c.name)!,
        text: c.code,
        harness: null,
        program: { language, source: `${c.code}\n${records.get(c.name)!.tests}` },
      }));
    },
  };
}

/** Every benchmark of the table, in order. */
export const BENCHMARKS: readonly Benchmark[] = [
  mbxp("ts"),
  mbxp("js"),
  canAiCode,
  humanEvalX,
  multiplE("humaneval", "js"),
  multiplE("humaneval", "ts"),
  multiplE("mbpp", "js"),
  multiplE("mbpp", "ts"),
];
