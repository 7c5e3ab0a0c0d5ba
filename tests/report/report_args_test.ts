import assert from "node:assert/strict";
import { join } from "node:path";
import { parseReportArgs, resolveRunDirs, RunArgumentError } from "../../lib/report/report_args.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const FIXTURES = join(ROOT, "data", "fixtures");
const TINY = join(FIXTURES, "run-tiny");

Deno.test("parseReportArgs() collects repeated --run values in order", () => {
  assert.deepEqual(parseReportArgs(["--run", "a", "--run", "b", "--run", "c"]), {
    runs: ["a", "b", "c"],
    showCode: false,
    out: undefined,
    allowIncomplete: false,
  });
  assert.deepEqual(parseReportArgs(["--run=a", "--out", "x.html", "--show-code"]), {
    runs: ["a"],
    showCode: true,
    out: "x.html",
    allowIncomplete: false,
  });
  assert.equal(parseReportArgs(["--allow-incomplete"]).allowIncomplete, true);
  assert.deepEqual(parseReportArgs([]).runs, []);
});

Deno.test("parseReportArgs() rejects an unknown option and a --run without a value", () => {
  assert.throws(() => parseReportArgs(["--runs", "a"]), { code: "ERR_PARSE_ARGS_UNKNOWN_OPTION" });
  assert.throws(() => parseReportArgs(["--run"]), { code: "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" });
});

Deno.test("resolveRunDirs() accepts run folders and bare run ids, in order", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const other = join(dir, "run-b");
    await Deno.mkdir(other);
    await Deno.copyFile(join(TINY, "manifest.json"), join(other, "manifest.json"));
    assert.deepEqual(await resolveRunDirs([TINY, "run-b"], { runsDir: dir }), [TINY, other]);
    assert.deepEqual(await resolveRunDirs([], { runsDir: dir }), []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("resolveRunDirs() names the path and the fix for a bad --run value", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const missing = join(dir, "nope");
    await assert.rejects(
      resolveRunDirs([missing], { runsDir: dir }),
      (error: Error) => {
        assert.ok(error instanceof RunArgumentError);
        assert.equal(
          error.message,
          `Cannot report on run "${missing}": "${missing}" does not exist: pass a run folder or a ` +
            `run id from "${dir}" (e.g. --run ${dir}/<run-id>; "./assay eval" creates one)`,
        );
        return true;
      },
    );
    await assert.rejects(
      resolveRunDirs([dir], { runsDir: dir }),
      new RegExp(
        `^RunArgumentError: Cannot report on run "${dir}": "${dir}" has no manifest\\.json`,
      ),
    );
    await assert.rejects(
      resolveRunDirs([join(TINY, "results.jsonl")], { runsDir: dir }),
      new RegExp(`is a file, not a run folder: pass the folder that holds it \\(--run ${TINY}\\)$`),
    );
    await assert.rejects(
      resolveRunDirs([TINY, `${TINY}/`], { runsDir: dir }),
      new RegExp(`Cannot compare run "${TINY}/" with itself: --run ${TINY} names the same folder`),
    );
    await assert.rejects(resolveRunDirs([""], { runsDir: dir }), /the value is empty/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** Run `deno task report …` (lib/cli.ts) and return its exit code and stderr. */
async function cli(...args: string[]) {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(ROOT, "lib", "cli.ts"), "report", ...args],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  return { code, stderr: new TextDecoder().decode(stderr) };
}

Deno.test("runReport() (deno task report) exits 2 with the message for a bad or repeated --run", async () => {
  const missing = await cli("--run", TINY, "--run", "/nonexistent/run");
  assert.equal(missing.code, 2);
  assert.match(
    missing.stderr,
    /^error: Cannot report on run "\/nonexistent\/run": "\/nonexistent\/run" does not exist: /,
  );
  const twice = await cli("--run", TINY, "--run", TINY);
  assert.equal(twice.code, 2);
  assert.match(twice.stderr, /^error: Cannot compare run "[^"]+run-tiny" with itself/);
  const unknown = await cli("--runs", TINY);
  assert.equal(unknown.code, 2);
  assert.match(
    unknown.stderr,
    /^error: unknown option --runs for "\.\/assay report": did you mean --run\? /,
  );
});
