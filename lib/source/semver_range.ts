/**
 * The part of npm's semver ranges that task dependencies may use: exact versions, `^`, `~`,
 * comparators (`>=`, `<=`, `>`, `<`, `=`), x-ranges (`1.x`, `1.2.*`, `*`), hyphen ranges
 * (`1.2.3 - 2.0.0`), space-joined comparators (AND) and `||` (OR). Prerelease versions match only
 * an exact range. Anything else (tags such as `latest`, URLs, `file:`, `git+…`) is not a range:
 * a task must name a registry version range so the dependency store can be rebuilt.
 *
 * @module
 */

type Triple = [number, number, number];
interface Comparator {
  op: "<" | "<=" | ">" | ">=" | "=";
  v: Triple;
}

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
const PARTIAL = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?$/;

/**
 * Whether `range` is a range this module understands.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { isSemverRange } from "./semver_range.ts";
 * assert.equal(isSemverRange("^11.0.0"), true);
 * assert.equal(isSemverRange(">=1.2 <3 || 4.x"), true);
 * assert.equal(isSemverRange("latest"), false);
 * assert.equal(isSemverRange("git+https://example.com/x.git"), false);
 * ```
 */
export function isSemverRange(range: string): boolean {
  return parseRange(range) !== null;
}

/**
 * Whether the exact `version` satisfies `range` (false when either does not parse).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { satisfies } from "./semver_range.ts";
 * assert.equal(satisfies("11.12.0", "^11.0.0"), true);
 * assert.equal(satisfies("12.0.0", "^11.0.0"), false);
 * assert.equal(satisfies("0.2.5", "^0.2.1"), true);
 * assert.equal(satisfies("0.3.0", "^0.2.1"), false);
 * assert.equal(satisfies("2.7.1", "~2.7.0 || 3.x"), true);
 * assert.equal(satisfies("2.0.0-beta.1", "^2.0.0"), false);
 * ```
 */
export function satisfies(version: string, range: string): boolean {
  const m = VERSION.exec(version.trim());
  const alternatives = parseRange(range);
  if (!m || !alternatives) return false;
  const v: Triple = [Number(m[1]), Number(m[2]), Number(m[3])];
  const pre = m[4] !== undefined;
  return alternatives.some((set) => {
    if (pre && !set.some((c) => c.op === "=" && compare(c.v, v) === 0)) return false;
    return set.every((c) => test(v, c));
  });
}

function test(v: Triple, c: Comparator): boolean {
  const d = compare(v, c.v);
  switch (c.op) {
    case "<":
      return d < 0;
    case "<=":
      return d <= 0;
    case ">":
      return d > 0;
    case ">=":
      return d >= 0;
    default:
      return d === 0;
  }
}

function compare(a: Triple, b: Triple): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The range as alternatives (OR) of comparator sets (AND); null when it does not parse. */
function parseRange(range: string): Comparator[][] | null {
  if (typeof range !== "string" || range.trim() === "" || range.length > 200) return null;
  const out: Comparator[][] = [];
  for (const alt of range.split("||")) {
    const text = alt.trim().replace(/(<=|>=|<|>|=|\^|~)\s+/g, "$1");
    if (text === "") return null;
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(text);
    const set: Comparator[] = [];
    if (hyphen) {
      const lo = partial(hyphen[1]);
      const hi = partial(hyphen[2]);
      if (!lo || !hi) return null;
      set.push({ op: ">=", v: floor(lo) });
      set.push(...upper(hi, "<="));
    } else {
      for (const part of text.split(/\s+/)) {
        const comparators = comparator(part);
        if (!comparators) return null;
        set.push(...comparators);
      }
    }
    out.push(set);
  }
  return out;
}

type Partial = [number | null, number | null, number | null];

function partial(text: string): Partial | null {
  const m = PARTIAL.exec(text);
  if (!m) return null;
  const n = (s: string | undefined) => (s === undefined || /^[xX*]$/.test(s) ? null : Number(s));
  const p: Partial = [n(m[1]), n(m[2]), n(m[3])];
  // A wildcard cannot be followed by a number (1.x.3).
  if ((p[0] === null && (p[1] !== null || p[2] !== null)) || (p[1] === null && p[2] !== null)) {
    return null;
  }
  return p;
}

const floor = (p: Partial): Triple => [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0];

/** The upper bound of a partial version used as `<=` (or `=`): `1.2` means `<1.3.0`. */
function upper(p: Partial, op: "<=" | "<"): Comparator[] {
  if (p[0] === null) return [];
  if (p[1] === null) return [{ op: "<", v: [p[0] + 1, 0, 0] }];
  if (p[2] === null) return [{ op: "<", v: [p[0], p[1] + 1, 0] }];
  return [{ op, v: [p[0], p[1], p[2]] }];
}

function comparator(part: string): Comparator[] | null {
  const m = /^(<=|>=|<|>|=|\^|~)?(.*)$/.exec(part)!;
  const op = m[1] ?? "";
  const p = partial(m[2]);
  if (!p) return null;
  const [major, minor, patch] = p;
  if (major === null) return op === "" || op === "=" || op === ">=" ? [] : null; // * / x
  const lo = floor(p);
  switch (op) {
    case "":
    case "=":
      return patch === null ? [{ op: ">=", v: lo }, ...upper(p, "<")] : [{ op: "=", v: lo }];
    case ">=":
      return [{ op: ">=", v: lo }];
    case ">":
      return patch === null
        ? upper(p, "<").map((c) => ({ op: ">=", v: c.v }))
        : [{ op: ">", v: lo }];
    case "<":
      return [{ op: "<", v: lo }];
    case "<=":
      return upper(p, "<=");
    case "~":
      return [{ op: ">=", v: lo }, {
        op: "<",
        v: minor === null ? [major + 1, 0, 0] : [major, minor + 1, 0],
      }];
    default: { // ^
      const bound: Triple = major > 0 || minor === null
        ? [major + 1, 0, 0]
        : minor > 0 || patch === null
        ? [0, minor + 1, 0]
        : [0, 0, patch + 1];
      return [{ op: ">=", v: lo }, { op: "<", v: bound }];
    }
  }
}
