import assert from "node:assert/strict";
import { isSemverRange, satisfies } from "../../lib/source/semver_range.ts";

Deno.test("satisfies() follows npm's caret, tilde, x-range, hyphen and OR rules", () => {
  const table: [string, string, boolean][] = [
    ["11.12.0", "^11.0.0", true],
    ["12.0.0", "^11.0.0", false],
    ["0.2.9", "^0.2.1", true],
    ["0.3.0", "^0.2.1", false],
    ["0.0.3", "^0.0.3", true],
    ["0.0.4", "^0.0.3", false],
    ["2.7.9", "~2.7.1", true],
    ["2.8.0", "~2.7.1", false],
    ["1.9.0", "1.x", true],
    ["2.0.0", "1.x", false],
    ["5.0.0", "*", true],
    ["1.5.0", "1.2.3 - 2.0.0", true],
    ["2.0.1", "1.2.3 - 2.0.0", false],
    ["1.4.0", ">=1.2 <1.5", true],
    ["1.5.0", ">=1.2 <1.5", false],
    ["3.1.0", "^1.0.0 || ^3.0.0", true],
    ["2.7.1", "2.7.1", true],
    ["2.7.2", "2.7.1", false],
    ["2.0.0-rc.1", "^2.0.0", false],
  ];
  for (const [version, range, expected] of table) {
    assert.equal(satisfies(version, range), expected, `${version} in ${range}`);
  }
});

Deno.test("isSemverRange() refuses tags, URLs, file paths and garbage", () => {
  for (const bad of ["latest", "next", "", "file:../x", "git+https://x/y.git", "1.x.3", "^^1"]) {
    assert.equal(isSemverRange(bad), false, bad);
  }
  for (const good of ["^1.0.0", "~2", "1.2.x", ">= 1.0.0", "*", "1 - 2"]) {
    assert.equal(isSemverRange(good), true, good);
  }
});
