import assert from "node:assert/strict";
import { parseCsvLine } from "./solution.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "splits plain fields": () => {
    assert.deepEqual(parseCsvLine("a,b,c"), ["a", "b", "c"]);
    assert.deepEqual(parseCsvLine("one"), ["one"]);
  },
  "keeps delimiters inside quoted fields": () => {
    assert.deepEqual(parseCsvLine('"Smith, John",42,"x,y,z"'), ["Smith, John", "42", "x,y,z"]);
  },
  "unescapes doubled quotes": () => {
    assert.deepEqual(parseCsvLine('"say ""hi""",b'), ['say "hi"', "b"]);
    assert.deepEqual(parseCsvLine('""""'), ['"']);
    assert.deepEqual(parseCsvLine('"a""",""""'), ['a"', '"']);
  },
  "keeps empty fields": () => {
    assert.deepEqual(parseCsvLine("a,,b"), ["a", "", "b"]);
    assert.deepEqual(parseCsvLine(",a,"), ["", "a", ""]);
    assert.deepEqual(parseCsvLine(",,"), ["", "", ""]);
    assert.deepEqual(parseCsvLine('"",x'), ["", "x"]);
  },
  "preserves whitespace": () => {
    assert.deepEqual(parseCsvLine(" a , b "), [" a ", " b "]);
    assert.deepEqual(parseCsvLine('" a ",b'), [" a ", "b"]);
  },
  "supports a custom delimiter": () => {
    assert.deepEqual(parseCsvLine('a;"b;c";d', ";"), ["a", "b;c", "d"]);
    assert.deepEqual(parseCsvLine("x\ty,z", "\t"), ["x", "y,z"]);
  },
  "an empty line is one empty field": () => {
    assert.deepEqual(parseCsvLine(""), [""]);
    assert.deepEqual(parseCsvLine('""'), [""]);
  },
  "quotes inside an unquoted field are literal": () => {
    assert.deepEqual(parseCsvLine('ab"c,d'), ['ab"c', "d"]);
    assert.deepEqual(parseCsvLine('5" pipe,x"'), ['5" pipe', 'x"']);
    assert.deepEqual(parseCsvLine(' "a",b'), [' "a"', "b"]);
  },
  "throws on an unterminated quote": () => {
    assert.throws(() => parseCsvLine('"abc'), SyntaxError);
    assert.throws(() => parseCsvLine('a,"b,c'), SyntaxError);
    assert.throws(() => parseCsvLine('"a""'), SyntaxError);
    assert.throws(() => parseCsvLine('"'), SyntaxError);
  },
  "throws on text after a closing quote": () => {
    assert.throws(() => parseCsvLine('"a"b,c'), SyntaxError);
    assert.throws(() => parseCsvLine('x,"a" '), SyntaxError);
    assert.throws(() => parseCsvLine('"a""b"c'), SyntaxError);
  },
  "handles unicode text": () => {
    assert.deepEqual(parseCsvLine('😀,"é, ü",日本'), ["😀", "é, ü", "日本"]);
  },
};
