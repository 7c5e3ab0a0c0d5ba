import assert from "node:assert/strict";
import { nearest, optionErrorLine } from "../../lib/cli/args.ts";
import { cli } from "./_cli.ts";

Deno.test("an unknown option is one line with the nearest valid one, exit 2, for every command (issue 16)", async () => {
  const cases: [string[], string][] = [
    [["eval", "--sampels", "3"], "--samples"],
    [["eval", "--sandbox-conc", "2"], "--sandbox-concurrency"],
    [["score", "--polcy", "x"], "--policy"],
    [["report", "--shwo-code"], "--show-code"],
    [["runs", "--jsn"], "--json"],
    [["validate", "--suit", "x"], "--suite"],
    [["load", "--request", "3"], "--requests"],
    [["import", "auto", "f.jsonl", "--ot", "x"], "--out"],
    [["demo", "--sampels", "3"], "--samples"],
  ];
  for (const [args, meant] of cases) {
    const out = await cli(args);
    assert.equal(out.code, 2, `${args.join(" ")}: ${out.stderr}`);
    assert.equal(out.stderr.trimEnd().split("\n").length, 1, `one line: ${out.stderr}`);
    assert.equal(
      out.stderr.trimEnd(),
      `error: unknown option ${args.find((a) => a.startsWith("--"))} for "./assay ${args[0]}": ` +
        `did you mean ${meant}? (./assay ${args[0]} --help lists every option)`,
    );
  }
});

Deno.test("a missing value, a value for a switch and an unknown command are one line each, exit 2 (issue 16)", async () => {
  const cases: [string[], RegExp][] = [
    [["eval", "--samples"], /^error: option --samples of "\.\/assay eval" needs a value/],
    [
      ["eval", "--samples", "--quiet"],
      /^error: option --samples of "\.\/assay eval" needs a value/,
    ],
    [["runs", "--json=yes"], /^error: option --json of "\.\/assay runs" takes no value/],
    [["score", "extra"], /^error: unexpected argument "extra" for "\.\/assay score"/],
    [
      ["evl"],
      /^error: unknown command "evl": did you mean eval\? \(\.\/assay help lists every command\)$/,
    ],
    [
      ["frobnicate"],
      /^error: unknown command "frobnicate" \(\.\/assay help lists every command\)$/,
    ],
  ];
  for (const [args, message] of cases) {
    const out = await cli(args);
    assert.equal(out.code, 2, `${args.join(" ")}: ${out.stderr}`);
    assert.match(out.stderr.trimEnd(), message);
    assert.equal(out.stderr.trimEnd().split("\n").length, 1, `one line: ${out.stderr}`);
  }
});

Deno.test("nearest() suggests only a near name; optionErrorLine() words node's messages (issue 16)", () => {
  assert.equal(nearest("modle", ["model", "samples"]), "model");
  assert.equal(nearest("xyz", ["model", "samples"]), null);
  assert.equal(nearest("concurency", ["concurrency", "sandbox-concurrency"]), "concurrency");
  assert.equal(
    optionErrorLine("Unknown option '--zzzzzz'", "runs", ["json", "all", "runs-dir"]),
    'unknown option --zzzzzz for "./assay runs": ./assay runs --help lists every option',
  );
});
