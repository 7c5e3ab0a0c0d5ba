/**
 * Loading a folder suite: one folder per task with a `task.json` beside its
 * reference and tests files. Every problem in every task is collected and
 * reported at once, each naming the file and the field.
 *
 * A task with `"answer": "files"` changes a codebase: its `context` folder (default `context/`)
 * holds the tree the model sees, its `reference` folder (default `reference/`) the reference's
 * changed files at the same tree paths, and its tests import from the tree (`./src/cart.ts`).
 *
 * @module
 */
import { basename, join, resolve } from "node:path";
import { sha256 } from "./hash.ts";
import { type Suite, type Task, TaskFile } from "./schema.ts";
import { readSuiteMeta } from "./suite_meta.ts";
import { formatFileBundle, treePathProblem } from "./tree.ts";
import { importsSolution, importsTree, languageFiles, treeImportHint } from "./language_files.ts";
import { SuiteError } from "./suite_error.ts";

export { SuiteError } from "./suite_error.ts";

/**
 * Load and validate a folder suite. Throws a {@link SuiteError} naming every
 * bad file and field; nothing is returned unless every task is valid. The
 * version comes from an optional `suite.json` at the root (null without one;
 * see `readSuiteMeta`). A
 * `.jsonl`/`.json` benchmark file is imported instead (see `importSuite`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSuite } from "./load_suite.ts";
 * const suite = await loadSuite(new URL("../../tasks/builtin", import.meta.url).pathname);
 * assert(suite.tasks.length >= 10);
 * assert(suite.version === "1.0.0");
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
      for (const [path, source] of Object.entries(loaded.contextFiles)) {
        hashParts.push(`context:${path}`, source);
      }
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
  let version: string | null = null;
  let dependencies: Record<string, string> | undefined;
  let pythonPackages: string[] | undefined;
  try {
    const meta = await readSuiteMeta(root);
    version = meta?.version ?? null;
    dependencies = meta?.dependencies;
    pythonPackages = meta?.pythonPackages;
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length > 0) throw new SuiteError(dir, problems);
  // The suite's dependencies decide what samples can import: part of the hash (only when declared,
  // so the hash of a suite without any is unchanged).
  if (dependencies && Object.keys(dependencies).length) {
    hashParts.push("suite.json:dependencies", JSON.stringify(Object.entries(dependencies).sort()));
  }
  if (pythonPackages?.length) {
    hashParts.push("suite.json:pythonPackages", JSON.stringify([...pythonPackages].sort()));
  }
  const hash = await sha256(hashParts.join("\u0000"));
  return {
    name: basename(root),
    dir: root,
    hash,
    version,
    ...(dependencies ? { dependencies } : {}),
    ...(pythonPackages ? { pythonPackages } : {}),
    tasks,
  };
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
  if (json && typeof json === "object" && (json as { answer?: unknown }).answer === "files") {
    // A files answer's reference and context are folders: their defaults differ from a module's.
    const j = json as Record<string, unknown>;
    j.reference = j.reference === undefined ? "reference" : j.reference;
    j.context = j.context === undefined ? "context" : j.context;
  }
  if (json && typeof json === "object" && (json as { language?: unknown }).language === "py") {
    // A Python task's files are .py: its defaults differ from a TypeScript module's.
    const j = json as Record<string, unknown>;
    const names = languageFiles("py");
    j.reference = j.reference === undefined ? names.reference : j.reference;
    j.tests = j.tests === undefined ? names.tests : j.tests;
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
  if (meta.pythonPackages !== undefined && meta.language !== "py") {
    problems.push(
      `"${file}": pythonPackages: only a Python task declares Python packages: remove it, or set "language": "py"`,
    );
  }
  const names = new Set<string>();
  for (const c of meta.cases) {
    if (names.has(c.name)) problems.push(`"${file}": cases: duplicate case name "${c.name}"`);
    names.add(c.name);
  }
  const contextFiles = meta.context === null
    ? {}
    : await readTree(taskDir, meta.context, "context", problems) ?? {};
  if (
    meta.context !== null && Object.keys(contextFiles).length === 0 && problems.length === before
  ) {
    problems.push(`"${file}": context: folder "${meta.context}" holds no files`);
  }
  const files = meta.answer === "files";
  let referenceSource: string | null = null;
  let referenceFiles: Record<string, string> | null = null;
  if (files) {
    if (meta.context === null) {
      problems.push(`"${file}": context: a files answer needs a context folder (e.g. "context")`);
    }
    for (const path of meta.editable) {
      if (!(path in contextFiles)) {
        problems.push(
          `"${file}": editable: "${path}" is not a file of the context (paths are relative to "${meta.context}/")`,
        );
      }
    }
    if (meta.reference !== null) {
      referenceFiles = await readTree(taskDir, meta.reference, "reference", problems);
      if (referenceFiles) {
        const allowed = meta.editable.length ? new Set(meta.editable) : null;
        for (const path of Object.keys(referenceFiles)) {
          const known = path in contextFiles;
          if (!known && !meta.newFiles) {
            problems.push(
              `"${file}": reference: "${path}" is not a context file: add it to "${meta.context}/" or set "newFiles": true`,
            );
          } else if (!known && meta.language === "py" && !path.endsWith(".py")) {
            problems.push(
              `"${file}": reference: "${path}" is a new file but not a .py module: a Python answer may add only .py files`,
            );
          } else if (known && allowed && !allowed.has(path)) {
            problems.push(`"${file}": reference: "${path}" changes a file not listed in editable`);
          }
        }
        if (Object.keys(referenceFiles).length === 0) {
          problems.push(`"${file}": reference: folder "${meta.reference}" holds no files`);
        }
        referenceSource = formatFileBundle(referenceFiles, meta.language);
      }
    }
  } else if (meta.reference !== null) {
    referenceSource = await readSibling(taskDir, meta.reference, "reference", problems);
  }
  const testsSource = await readSibling(taskDir, meta.tests, "tests", problems);
  if (testsSource !== null && !files && !importsSolution(meta.language, testsSource)) {
    problems.push(
      `"${join(taskDir, meta.tests)}": tests: ${languageFiles(meta.language).importHint}`,
    );
  }
  if (testsSource !== null && files) {
    const paths = [...Object.keys(contextFiles), ...Object.keys(referenceFiles ?? {})];
    if (!importsTree(meta.language, testsSource, paths)) {
      problems.push(
        `"${join(taskDir, meta.tests)}": tests: ${treeImportHint(meta.language, paths)}`,
      );
    }
  }
  if (problems.length > before || testsSource === null) return null;
  return { ...meta, referenceSource, testsSource, dir: taskDir, contextFiles, referenceFiles };
}

/** Every file under `taskDir/relative`, keyed by its `/`-separated path inside that folder. */
async function readTree(
  taskDir: string,
  relative: string,
  field: string,
  problems: string[],
): Promise<Record<string, string> | null> {
  const file = join(taskDir, "task.json");
  const root = join(taskDir, relative);
  const out: Record<string, string> = {};
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const names: { name: string; isDirectory: boolean }[] = [];
    for await (const e of Deno.readDir(dir)) names.push(e);
    names.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of names) {
      const path = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory) await walk(join(dir, e.name), path);
      else {
        const problem = treePathProblem(path);
        if (problem) problems.push(`"${file}": ${field}: ${problem}`);
        else out[path] = await Deno.readTextFile(join(dir, e.name));
      }
    }
  };
  try {
    await walk(root, "");
  } catch {
    problems.push(`"${file}": ${field}: folder "${relative}" does not exist`);
    return null;
  }
  return out;
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
