import assert from "node:assert/strict";
import { parseQuery } from "./solution.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "parses key=value pairs": () => {
    assert.deepEqual(parseQuery("a=1&b=two"), { a: "1", b: "two" });
  },
  "collects repeated keys into an array in order": () => {
    assert.deepEqual(parseQuery("tag=x&id=7&tag=y&tag=x"), { tag: ["x", "y", "x"], id: "7" });
  },
  "percent-decodes keys and values": () => {
    assert.deepEqual(parseQuery("na%6De=J%C3%BCrgen%20K&q=a%26b%3Dc"), {
      name: "Jürgen K",
      q: "a&b=c",
    });
    assert.deepEqual(parseQuery("e=%F0%9F%98%80"), { e: "😀" });
  },
  "decodes plus as a space but not an encoded plus": () => {
    assert.deepEqual(parseQuery("q=hello+world&sum=1%2B1+%3D+2"), {
      q: "hello world",
      sum: "1+1 = 2",
    });
    assert.deepEqual(parseQuery("a+b=c"), { "a b": "c" });
  },
  "strips one leading question mark": () => {
    assert.deepEqual(parseQuery("?a=1"), { a: "1" });
    assert.deepEqual(parseQuery("??a=1"), { "?a": "1" });
  },
  "keeps everything after the first equals sign": () => {
    assert.deepEqual(parseQuery("expr=a=b=c&x=="), { expr: "a=b=c", x: "=" });
  },
  "a key without a value maps to the empty string": () => {
    assert.deepEqual(parseQuery("flag&x=&flag"), { flag: ["", ""], x: "" });
    assert.deepEqual(parseQuery("=v"), { "": "v" });
  },
  "skips empty pairs and empty input": () => {
    assert.deepEqual(parseQuery(""), {});
    assert.deepEqual(parseQuery("?"), {});
    assert.deepEqual(parseQuery("&&a=1&&b=2&"), { a: "1", b: "2" });
  },
  "keys such as __proto__ and constructor are ordinary keys": () => {
    const result = parseQuery("__proto__=x&constructor=y&toString=z");
    assert.equal(Object.getPrototypeOf(result), Object.prototype);
    assert.deepEqual(Object.keys(result), ["__proto__", "constructor", "toString"]);
    assert.equal(result["constructor"], "y");
    assert.equal(Object.getOwnPropertyDescriptor(result, "__proto__")?.value, "x");
  },
  "throws a URIError on malformed percent-encoding": () => {
    assert.throws(() => parseQuery("a=%zz"), URIError);
    assert.throws(() => parseQuery("a=100%"), URIError);
    assert.throws(() => parseQuery("%E0%A4%A=1"), URIError);
  },
};
