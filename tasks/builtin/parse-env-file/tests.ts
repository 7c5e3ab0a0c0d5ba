import assert from "node:assert/strict";
import { parseEnv } from "./solution.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "parses KEY=VALUE lines": () => {
    assert.deepEqual(parseEnv("HOST=localhost\nPORT=8080\nDEBUG=true"), {
      HOST: "localhost",
      PORT: "8080",
      DEBUG: "true",
    });
  },
  "skips blank lines and comments": () => {
    const text = "# settings\n\nA=1\n   # indented comment\n  \t \nB=2\n";
    assert.deepEqual(parseEnv(text), { A: "1", B: "2" });
  },
  "the first definition of a key wins": () => {
    assert.deepEqual(parseEnv("MODE=dev\nPORT=1\nMODE=prod\nMODE=test"), {
      MODE: "dev",
      PORT: "1",
    });
    assert.deepEqual(parseEnv('X="first"\nexport X=second'), { X: "first" });
  },
  "trims whitespace around keys and values": () => {
    assert.deepEqual(parseEnv("  NAME =  Ada Lovelace  \n\tLANG\t=\ten "), {
      NAME: "Ada Lovelace",
      LANG: "en",
    });
  },
  "keeps everything after the first equals sign": () => {
    assert.deepEqual(parseEnv("URL=https://x.test/?a=1#frag\nEXPR=a==b"), {
      URL: "https://x.test/?a=1#frag",
      EXPR: "a==b",
    });
  },
  "removes matching surrounding quotes only": () => {
    const text = [
      'DQ="hello world"',
      "SQ='single'",
      "INNER=\"keep 'these' and  spaces \"",
      "MIXED=\"abc'",
      'HALF="abc',
      'ONE="',
      'EMPTY=""',
      'ESC="a\\nb"',
    ].join("\n");
    assert.deepEqual(parseEnv(text), {
      DQ: "hello world",
      SQ: "single",
      INNER: "keep 'these' and  spaces ",
      MIXED: "\"abc'",
      HALF: '"abc',
      ONE: '"',
      EMPTY: "",
      ESC: "a\\nb",
    });
  },
  "accepts an export prefix": () => {
    assert.deepEqual(parseEnv("export TOKEN=abc\nexport   SPACED = x\nexport=1"), {
      TOKEN: "abc",
      SPACED: "x",
      export: "1",
    });
  },
  "handles CRLF line endings and empty values": () => {
    assert.deepEqual(parseEnv("A=1\r\nB=\r\n\r\nC= \r\n"), { A: "1", B: "", C: "" });
    assert.deepEqual(parseEnv(""), {});
  },
  "accepts valid key shapes": () => {
    assert.deepEqual(parseEnv("_X=1\nx9=2\nA_B_C=3\na=4"), {
      _X: "1",
      x9: "2",
      A_B_C: "3",
      a: "4",
    });
  },
  "rejects malformed lines with their line number": () => {
    assert.throws(() => parseEnv("A=1\n\nNOEQUALS"), { name: "SyntaxError", message: /line 3/ });
    assert.throws(() => parseEnv("=value"), { name: "SyntaxError", message: /line 1/ });
    assert.throws(() => parseEnv("A=1\r\n9LIVES=x"), { name: "SyntaxError", message: /line 2/ });
    for (const bad of ["MY-KEY=1", "MY KEY=1", "ÄB=1", "export", "A.B=1"]) {
      assert.throws(() => parseEnv(bad), SyntaxError, bad);
    }
  },
  "validates duplicate lines too": () => {
    assert.throws(() => parseEnv("A=1\nA-B=2"), SyntaxError);
    assert.throws(() => parseEnv("A=1\nA"), { name: "SyntaxError", message: /line 2/ });
    assert.deepEqual(parseEnv("A=1\n  export A = 2 \nA="), { A: "1" });
  },
};
