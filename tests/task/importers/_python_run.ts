/**
 * Running imported Python tasks without assay's sandbox (for the importer tests): every task's
 * tests.py beside a solution.py in its own folder, all run by one `/usr/bin/python3` process
 * that imports each folder's modules afresh and calls every case.
 */
import { join } from "node:path";
import type { Task } from "../../../lib/task/schema.ts";

/** Debian's Python, which the Python contract names; null when this machine has none. */
export const PYTHON = await Deno.stat("/usr/bin/python3").then(
  () => "/usr/bin/python3",
  () => null,
);

/** Per task id: each case's status (`pass`, `fail` on AssertionError, else `error: <type>: …`). */
export type PythonRun = Record<string, Record<string, string>>;

const RUNNER = `
import importlib, json, os, sys
root = sys.argv[1]
out = {}
for name in sorted(os.listdir(root)):
    folder = os.path.join(root, name)
    for module in ("solution", "tests"):
        sys.modules.pop(module, None)
    sys.path.insert(0, folder)
    statuses = {}
    try:
        tests = importlib.import_module("tests")
        for case, fn in tests.cases.items():
            try:
                fn()
                statuses[case] = "pass"
            except AssertionError:
                statuses[case] = "fail"
            except BaseException as e:
                statuses[case] = "error: %s: %s" % (type(e).__name__, e)
    except BaseException as e:
        statuses["(load)"] = "error: %s: %s" % (type(e).__name__, e)
    finally:
        sys.path.remove(folder)
    out[name] = statuses
with open(os.path.join(root, "..", "statuses.json"), "w") as f:
    json.dump(out, f)
`;

/**
 * Run `tasks` with `solutions[task.id]` (default: the task's reference) as solution.py.
 */
export async function runPythonTasks(
  tasks: Task[],
  solutions: Record<string, string> = {},
): Promise<PythonRun> {
  if (!PYTHON) throw new Error("no /usr/bin/python3");
  const dir = await Deno.makeTempDir();
  try {
    const root = join(dir, "tasks");
    for (const task of tasks) {
      await Deno.mkdir(join(root, task.id), { recursive: true });
      await Deno.writeTextFile(
        join(root, task.id, "solution.py"),
        solutions[task.id] ?? task.referenceSource ?? "",
      );
      await Deno.writeTextFile(join(root, task.id, "tests.py"), task.testsSource);
    }
    await Deno.writeTextFile(join(dir, "runner.py"), RUNNER);
    const result = await new Deno.Command(PYTHON, {
      args: ["-B", join(dir, "runner.py"), root],
      cwd: dir,
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!result.success) throw new Error(new TextDecoder().decode(result.stderr));
    return JSON.parse(await Deno.readTextFile(join(dir, "statuses.json")));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
