import assert from "node:assert/strict";
import { COMMANDS_HELP, helpFor, USAGE } from "../../lib/cli/usage.ts";
import { cli, ROOT } from "./_cli.ts";

Deno.test("help, --help and no command print assay's own overview, one line per command, exit 0 (issue 16)", async () => {
  for (const args of [["help"], ["--help"], ["-h"], []]) {
    const out = await cli(args);
    assert.equal(out.code, 0, `${args.join(" ")}: ${out.stderr}`);
    assert.match(out.stdout, /^assay — evaluate LLM-generated code/);
    for (const { name } of COMMANDS_HELP) {
      assert.match(out.stdout, new RegExp(`^  ${name} +\\S`, "m"), `${name} has its line`);
    }
    assert.ok(out.stdout.split("\n").length < 30, "an overview, not every option");
    assert.doesNotMatch(out.stdout, /deno task/);
  }
});

Deno.test("<command> --help and help <command> print that command's usage, exit 0 (issue 16)", async () => {
  for (const { name } of COMMANDS_HELP) {
    assert.match(helpFor(name) ?? "", new RegExp(`^usage: \\./assay ${name}`), name);
  }
  for (const args of [["eval", "--help"], ["help", "eval"], ["eval", "--samples", "2", "-h"]]) {
    const out = await cli(args);
    assert.equal(out.code, 0, out.stderr);
    assert.equal(out.stdout.trim(), helpFor("eval"));
  }
  const runs = await cli(["runs", "--help"]);
  assert.match(
    runs.stdout,
    /^usage: \.\/assay runs \[--runs-dir data\/runs\] \[--json\] \[--all\]/,
  );
  const unknown = await cli(["help", "evl"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /did you mean eval\?/);
});

Deno.test("the per-command usages keep everything the one usage text said (issue 16)", () => {
  // Phrases of the single USAGE text before it was split: each must still be in some command's help.
  for (
    const phrase of [
      "--reference-ceiling-ms 120000",
      "--registry-check",
      "--semantics task|module|script",
      "rename_entry,\n                   rename_params",
      "a bare run id is looked up in data/runs",
      "written to data/runs/<id>-load/load.json",
      "the tests kill the\nreference's mutants",
      "humaneval | mbpp | multipl-e-py | evalplus (Python)",
      "replay:<run folder or answers.jsonl>[#<model>]",
      "3 tool or infrastructure failure",
    ]
  ) assert.ok(USAGE.includes(phrase), phrase);
});

Deno.test("./assay runs lib/cli.ts itself: no Task echo, its own help, one line for a typo (issue 16)", async () => {
  // The kernel spec the script installs goes to a temp folder, not the user's.
  const env = { XDG_DATA_HOME: await Deno.makeTempDir() };
  const run = async (args: string[]) => {
    const out = await new Deno.Command(`${ROOT}/assay`, {
      args,
      env,
      stdout: "piped",
      stderr: "piped",
    })
      .output();
    const text = (b: Uint8Array) => new TextDecoder().decode(b);
    return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
  };
  const help = await run(["--help"]);
  assert.equal(help.code, 0, help.stderr);
  assert.match(help.stdout, /^assay — evaluate LLM-generated code/);
  const none = await run([]);
  assert.equal(none.code, 0, none.stderr);
  assert.match(none.stdout, /^assay — /);
  const typo = await run(["eval", "--sampels", "3"]);
  assert.equal(typo.code, 2);
  assert.doesNotMatch(typo.stderr, /Task /);
  assert.equal(
    typo.stderr.replace(/^assay setup: .*\n/gm, ""),
    'error: unknown option --sampels for "./assay eval": did you mean --samples? (./assay eval --help lists every option)\n',
  );
  const testHelp = await run(["test", "--help"]);
  assert.equal(testHelp.code, 0, testHelp.stderr);
  assert.match(testHelp.stdout, /^usage: \.\/assay test/);
});

Deno.test("no message in lib/ or the README says deno task <command> (issue 16)", async () => {
  const hits: string[] = [];
  const walk = async (dir: string) => {
    for await (const e of Deno.readDir(dir)) {
      const path = `${dir}/${e.name}`;
      if (e.isDirectory) await walk(path);
      else if (
        /\.(ts|md)$/.test(e.name) && (await Deno.readTextFile(path)).includes("deno task ")
      ) hits.push(path);
    }
  };
  await walk(`${ROOT}lib`);
  if ((await Deno.readTextFile(`${ROOT}README.md`)).includes("deno task ")) hits.push("README.md");
  assert.deepEqual(hits, []);
});
