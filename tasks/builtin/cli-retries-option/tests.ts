import assert from "node:assert/strict";
import { parseArgs } from "./src/args.ts";
import { DEFAULTS, loadConfig } from "./src/config.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "parses --retries N": () => {
    assert.equal(parseArgs(["--retries", "5"]).retries, 5);
    assert.deepEqual(parseArgs(["--verbose", "--retries", "2", "--input", "a.csv"]), {
      verbose: true,
      retries: 2,
      input: "a.csv",
    });
  },
  "parses --retries=N": () => {
    assert.equal(parseArgs(["--retries=7"]).retries, 7);
  },
  "leaves retries unset when the option is absent": () => {
    const args = parseArgs(["--input", "x.csv"]);
    assert.equal(args.retries, undefined);
    assert.equal("retries" in args, false);
  },
  "zero retries is allowed": () => {
    assert.equal(parseArgs(["--retries", "0"]).retries, 0);
    assert.equal(loadConfig(parseArgs(["--retries=0"]), { retries: 4 }).retries, 0);
  },
  "rejects a missing or invalid count": () => {
    assert.throws(() => parseArgs(["--retries"]), /--retries/);
    assert.throws(() => parseArgs(["--retries", "-1"]), /--retries/);
    assert.throws(() => parseArgs(["--retries", "2.5"]), /--retries/);
    assert.throws(() => parseArgs(["--retries="]), /--retries/);
    assert.throws(() => parseArgs(["--retries", "many"]), /--retries/);
  },
  "the command line wins over the file, the file over the default": () => {
    assert.equal(loadConfig(parseArgs(["--retries", "9"]), { retries: 4 }).retries, 9);
    assert.equal(loadConfig(parseArgs([]), { retries: 4 }).retries, 4);
    assert.equal(loadConfig(parseArgs([])).retries, 3);
  },
  "the existing options still work": () => {
    assert.deepEqual(loadConfig(parseArgs(["--verbose"]), { input: "f.csv" }), {
      input: "f.csv",
      verbose: true,
      retries: 3,
    });
    assert.deepEqual(loadConfig(parseArgs(["--input", "cli.csv"]), { input: "f.csv", verbose: true }), {
      input: "cli.csv",
      verbose: true,
      retries: 3,
    });
    assert.throws(() => parseArgs(["--nope"]), /unknown option/);
    assert.throws(() => parseArgs(["--input"]), /--input/);
  },
  "rejects an invalid retries value from the config file": () => {
    assert.throws(() => loadConfig(parseArgs([]), { retries: -2 }), /retries/);
    assert.throws(() => loadConfig(parseArgs([]), { retries: 1.5 }), /retries/);
  },
  "the defaults include three retries and are not modified": () => {
    assert.deepEqual(DEFAULTS, { input: "data.csv", verbose: false, retries: 3 });
    loadConfig(parseArgs(["--retries", "1"]));
    assert.equal(DEFAULTS.retries, 3);
  },
};
