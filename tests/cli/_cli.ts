/** Run the CLI (`lib/cli.ts`) as a user would, from the repository root. */
import { join } from "node:path";

/** The repository root. */
export const ROOT = new URL("../..", import.meta.url).pathname;

/** What a CLI run printed and how it exited. */
export interface CliOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `lib/cli.ts <args>` with an optional environment; never throws for a non-zero exit. */
export async function cli(args: string[], env: Record<string, string> = {}): Promise<CliOutput> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(ROOT, "lib/cli.ts"), ...args],
    cwd: ROOT,
    env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
}

/** A loopback port with nothing listening on it (bound, then closed). */
export function deadPort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

/** A copy of `data/fixtures/suite-tiny` in a temp folder, with `edit` applied to its files. */
export async function tinySuite(
  edit: (dir: string) => Promise<void> = () => Promise.resolve(),
): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "assay-suite-" });
  for (const task of ["clamp", "sum-evens"]) {
    await Deno.mkdir(join(dir, task));
    for await (const f of Deno.readDir(join(ROOT, "data/fixtures/suite-tiny", task))) {
      await Deno.copyFile(
        join(ROOT, "data/fixtures/suite-tiny", task, f.name),
        join(dir, task, f.name),
      );
    }
  }
  await edit(dir);
  return dir;
}

/** The tiny fixture suite, relative to the repository root. */
export const TINY_SUITE = "data/fixtures/suite-tiny";

/**
 * `eval` on the tiny suite into `runsDir`, quiet and without OS isolation, with `args` after
 * (a later flag such as `--suite` overrides).
 */
export function evalTiny(
  runsDir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliOutput> {
  return cli(
    [
      "eval",
      "--suite",
      TINY_SUITE,
      "--runs-dir",
      runsDir,
      "--quiet",
      "--isolation",
      "none",
      ...args,
    ],
    env,
  );
}

/** The one run folder under `runsDir`. */
export function onlyRun(runsDir: string): string {
  const dirs = [...Deno.readDirSync(runsDir)].map((e) => join(runsDir, e.name));
  if (dirs.length !== 1) throw new Error(`Expected one run in "${runsDir}", found ${dirs.length}`);
  return dirs[0];
}
