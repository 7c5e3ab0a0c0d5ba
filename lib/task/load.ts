/**
 * Loading a folder suite: one folder per task with a `task.json` beside its
 * reference and tests files. Every problem in every task is collected and
 * reported at once, each naming the file and the field.
 *
 * @module
 */
import { basename, join, resolve } from "node:path";
import { sha256 } from "./hash.ts";
import { type Suite, type Task, TaskFile } from "./schema.ts";

/** Thrown when a suite cannot be loaded; `problems` lists every problem found. */
export class SuiteError extends Error {
  /** One line per problem: `"<file>": <field>: <message>`. */
  readonly problems: string[];
  /** @param dir the suite folder; @param problems one line per problem */
  constructor(dir: string, problems: string[]) {
    super(`Cannot load suite "${dir}": ${problems.length} problem(s):\n  ${problems.join("\n  ")}`);
    this.name = "SuiteError";
    this.problems = problems;
  }
}

/**
 * Load and validate a folder suite. Throws a {@link SuiteError} naming every
 * bad file and field; nothing is returned unless every task is valid. A
 * `.jsonl`/`.json` benchmark file is imported instead (see `importSuite`).
 *
 * @example
 * ```ts
 * import { loadSuite } from "./load.ts";
 * const suite = await loadSuite(new URL("../../tasks/builtin", import.meta.url).pathname);
 * console.assert(suite.tasks.length >= 10);
 * ```
 */
export async function loadSuite(dir: string): Promise<Suite> {
  if (/\.jsonl?$/i.test(dir) && (await Deno.stat(dir).catch(() => null))?.isFile) {
    // A benchmark file (MultiPL-E, HumanEval-X, MBXP, can-ai-code): imported lazily, no cycle.
    const { importSuite } = await import("./importers/detect.ts");
    return importSuite(dir);
  }
  const root = resolve(dir);
  let entries: string[];
  try {
    entries = [];
    for await (const e of Deno.readDir(root)) if (e.isDirectory) entries.push(e.name);
  } catch (error) {
    throw new SuiteError(dir, [`"${dir}": cannot read the folder: ${(error as Error).message}`]);
  }
  entries.sort();
  const problems: string[] = [];
  const tasks: Task[] = [];
  const hashParts: string[] = [];
  for (const name of entries) {
    const taskDir = join(root, name);
    const file = join(taskDir, "task.json");
    let raw: string;
    try {
      raw = await Deno.readTextFile(file);
    } catch {
      continue; // a folder without task.json is not a task (e.g. shared assets)
    }
    const loaded = await loadTaskFolder(taskDir, raw, problems);
    if (loaded) {
      tasks.push(loaded);
      hashParts.push(name, raw, loaded.referenceSource ?? "", loaded.testsSource);
    }
  }
  const seen = new Map<string, string>();
  for (const t of tasks) {
    const other = seen.get(t.id);
    if (other) {
      problems.push(`"${join(t.dir, "task.json")}": id: "${t.id}" is also used by "${other}"`);
    }
    seen.set(t.id, t.dir);
  }
  if (tasks.length === 0 && problems.length === 0) {
    problems.push(`"${dir}": no task folders (each task is a folder with a task.json)`);
  }
  if (problems.length > 0) throw new SuiteError(dir, problems);
  return { name: basename(root), dir: root, hash: await sha256(hashParts.join("\u0000")), tasks };
}

async function loadTaskFolder(
  taskDir: string,
  raw: string,
  problems: string[],
): Promise<Task | null> {
  const file = join(taskDir, "task.json");
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    problems.push(`"${file}": not valid JSON: ${(error as Error).message}`);
    return null;
  }
  const parsed = TaskFile.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.length ? issue.path.join(".") : "(root)";
      const missing = issue.code === "invalid_type" && issue.message.includes("undefined");
      problems.push(
        missing ? `"${file}": ${field} is required` : `"${file}": ${field}: ${issue.message}`,
      );
    }
    return null;
  }
  const meta = parsed.data;
  const before = problems.length;
  const names = new Set<string>();
  for (const c of meta.cases) {
    if (names.has(c.name)) problems.push(`"${file}": cases: duplicate case name "${c.name}"`);
    names.add(c.name);
  }
  const referenceSource = meta.reference === null
    ? null
    : await readSibling(taskDir, meta.reference, "reference", problems);
  const testsSource = await readSibling(taskDir, meta.tests, "tests", problems);
  if (testsSource !== null && !/["']\.\/solution\.ts["']/.test(testsSource)) {
    problems.push(
      `"${join(taskDir, meta.tests)}": tests: must import the candidate from "./solution.ts"`,
    );
  }
  if (problems.length > before || testsSource === null) return null;
  return { ...meta, referenceSource, testsSource, dir: taskDir };
}

async function readSibling(
  taskDir: string,
  relative: string,
  field: string,
  problems: string[],
): Promise<string | null> {
  const path = join(taskDir, relative);
  try {
    return await Deno.readTextFile(path);
  } catch {
    problems.push(`"${join(taskDir, "task.json")}": ${field}: file "${relative}" does not exist`);
    return null;
  }
}
