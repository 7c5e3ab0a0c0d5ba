import assert from "node:assert/strict";
import { compareSemver } from "./solution.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "compares major versions": () => {
    assert.equal(compareSemver("1.0.0", "2.0.0"), -1);
    assert.equal(compareSemver("3.0.0", "2.9.9"), 1);
  },
  "compares minor and patch versions": () => {
    assert.equal(compareSemver("1.2.0", "1.3.0"), -1);
    assert.equal(compareSemver("1.2.4", "1.2.3"), 1);
    assert.equal(compareSemver("0.0.1", "0.0.2"), -1);
  },
  "returns 0 for equal versions": () => {
    assert.equal(compareSemver("1.2.3", "1.2.3"), 0);
    assert.equal(compareSemver("1.0.0-rc.1", "1.0.0-rc.1"), 0);
  },
  "compares numbers numerically not lexically": () => {
    assert.equal(compareSemver("1.10.0", "1.9.0"), 1);
    assert.equal(compareSemver("1.2.9", "1.2.10"), -1);
    assert.equal(compareSemver("10.0.0", "9.99.99"), 1);
  },
  "ignores build metadata": () => {
    assert.equal(compareSemver("1.0.0+build.1", "1.0.0+build.2"), 0);
    assert.equal(compareSemver("1.0.0-alpha+001", "1.0.0-alpha"), 0);
    assert.equal(compareSemver("1.0.1+zzz", "1.0.0+aaa"), 1);
  },
  "ranks a pre-release below its release": () => {
    assert.equal(compareSemver("1.0.0-alpha", "1.0.0"), -1);
    assert.equal(compareSemver("1.0.0", "1.0.0-rc.99"), 1);
    assert.equal(compareSemver("1.0.0-rc.1", "0.9.9"), 1);
  },
  "compares numeric identifiers numerically": () => {
    assert.equal(compareSemver("1.0.0-beta.2", "1.0.0-beta.11"), -1);
    assert.equal(compareSemver("1.0.0-11", "1.0.0-9"), 1);
  },
  "ranks numeric identifiers below alphanumeric ones": () => {
    assert.equal(compareSemver("1.0.0-1", "1.0.0-alpha"), -1);
    assert.equal(compareSemver("1.0.0-alpha.beta", "1.0.0-alpha.1"), 1);
    assert.equal(compareSemver("1.0.0-9", "1.0.0--1"), -1);
    assert.equal(compareSemver("1.0.0--1", "1.0.0-9"), 1);
  },
  "ranks a shorter pre-release lower when it is a prefix": () => {
    assert.equal(compareSemver("1.0.0-alpha", "1.0.0-alpha.1"), -1);
    assert.equal(compareSemver("1.0.0-alpha.1.0", "1.0.0-alpha.1"), 1);
  },
  "orders the specification precedence chain": () => {
    const chain = [
      "1.0.0-alpha",
      "1.0.0-alpha.1",
      "1.0.0-alpha.beta",
      "1.0.0-beta",
      "1.0.0-beta.2",
      "1.0.0-beta.11",
      "1.0.0-rc.1",
      "1.0.0",
      "1.0.1-0",
      "1.0.1",
    ];
    for (let i = 0; i < chain.length; i++) {
      for (let j = 0; j < chain.length; j++) {
        const expected = i < j ? -1 : i > j ? 1 : 0;
        assert.equal(compareSemver(chain[i], chain[j]), expected, `${chain[i]} vs ${chain[j]}`);
      }
    }
  },
  "compares identifiers in ASCII order": () => {
    assert.equal(compareSemver("1.0.0-Beta", "1.0.0-alpha"), -1);
    assert.equal(compareSemver("1.0.0-alpha-2", "1.0.0-alpha"), 1);
  },
  "throws on invalid versions": () => {
    const invalid = [
      "",
      "1",
      "1.0",
      "1.0.0.0",
      "v1.0.0",
      "01.0.0",
      "1.02.0",
      "1.0.0-",
      "1.0.0-a..b",
      "1.0.0+",
      " 1.0.0",
      "1.0.0 ",
      "-1.0.0",
      "1.x.0",
    ];
    for (const bad of invalid) {
      assert.throws(() => compareSemver(bad, "1.0.0"), SyntaxError, `a = "${bad}"`);
      assert.throws(() => compareSemver("1.0.0", bad), SyntaxError, `b = "${bad}"`);
    }
  },
};
