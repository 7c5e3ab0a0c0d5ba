/**
 * The `expect` of the jest/vitest runtime inlined into generated tests files
 * (see jest_runtime.ts): the common matchers, `.not`, `.resolves`,
 * `.rejects`, asymmetric matchers (`expect.any`, `expect.anything`,
 * `expect.objectContaining`…) and custom matchers (`expect.extend`); a failed
 * expectation throws `AssertionError` from `node:assert`. This module imports
 * nothing at run time: importers copy its source text into tests files, so it
 * must stay self-contained.
 *
 * Why hand-written rather than `npm:expect`: the tests run in the sandbox,
 * whose warm pool serves only `node:assert`/`node:util` and the job's own
 * files without a declared dependency (anything else sends every sample of
 * the task to the slower strict runner, and would need the dependency store).
 *
 * @module
 */
import { expectExtensions } from "./expect_extend.ts";

/** What the runtime needs from `node:assert` and `node:util`. */
export interface RuntimeDeps {
  /** `AssertionError` from `node:assert`. */
  AssertionError: new (options: {
    message?: string;
    actual?: unknown;
    expected?: unknown;
    operator?: string;
  }) => Error;
  /** `isDeepStrictEqual` from `node:util`. */
  isDeepStrictEqual: (a: unknown, b: unknown) => boolean;
  /** `inspect` from `node:util`. */
  inspect: (value: unknown, options?: Record<string, unknown>) => string;
}

/**
 * Create `expect`. Equality follows jest: `toEqual` ignores undefined
 * properties and object types, `toStrictEqual` does not; `toBe` is `Object.is`.
 *
 * @example
 * ```ts
 * import assert, { AssertionError } from "node:assert";
 * import { inspect, isDeepStrictEqual } from "node:util";
 * import { expectRuntime } from "./expect_runtime.ts";
 * const expect = expectRuntime({ AssertionError, isDeepStrictEqual, inspect });
 * expect({ a: 1, b: undefined }).toEqual({ a: 1 });
 * expect([1, 2]).not.toContain(3);
 * assert.throws(() => expect(0.1 + 0.2).toBe(0.3), AssertionError);
 * await expect(Promise.resolve(2)).resolves.toBeCloseTo(2);
 * expect.extend({
 *   toBeEven(received: number) {
 *     return { pass: received % 2 === 0, message: () => `expected ${received} to be even` };
 *   },
 * });
 * expect(4).toBeEven();
 * expect(3).not.toBeEven();
 * assert.throws(() => expect(3).toBeEven(), /expected 3 to be even/);
 * expect({ n: 2 }).toEqual({ n: expect.toBeEven() });
 * ```
 */
export function expectRuntime(deps: RuntimeDeps): any {
  const { AssertionError, isDeepStrictEqual, inspect } = deps;
  type Fn = (...args: any[]) => any;
  const skip = (..._args: unknown[]) => {};
  const ASYMMETRIC = Symbol("asymmetric");
  const asymmetric = (describeIt: string, match: (x: unknown) => boolean) => ({
    [ASYMMETRIC]: true,
    asymmetricMatch: match,
    toString: () => describeIt,
    [Symbol.for("nodejs.util.inspect.custom")]: () => describeIt,
  });
  const isAsymmetric = (x: unknown): x is { asymmetricMatch: (y: unknown) => boolean } =>
    x !== null && typeof x === "object" && (x as any)[ASYMMETRIC] === true;

  const equals = (a: any, b: any, strict: boolean): boolean => {
    if (isAsymmetric(b)) return b.asymmetricMatch(a);
    if (isAsymmetric(a)) return a.asymmetricMatch(b);
    if (Object.is(a, b)) return true;
    if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
    if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    if (a instanceof Date || b instanceof Date) {
      return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
    }
    if (a instanceof RegExp || b instanceof RegExp) return String(a) === String(b);
    if (a instanceof Error && b instanceof Error) {
      return a.message === b.message && (!strict || a.name === b.name);
    }
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (a instanceof Map || b instanceof Map) {
      if (!(a instanceof Map && b instanceof Map) || a.size !== b.size) return false;
      return [...a].every(([k, v]) => b.has(k) && equals(v, b.get(k), strict));
    }
    if (a instanceof Set || b instanceof Set) {
      if (!(a instanceof Set && b instanceof Set) || a.size !== b.size) return false;
      return [...a].every((v) => b.has(v) || [...b].some((w) => equals(v, w, strict)));
    }
    if (Array.isArray(a)) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) {
        if (strict && (i in a) !== (i in b)) return false;
        if (!equals(a[i], b[i], strict)) return false;
      }
      return true;
    }
    const keys = (o: any) => Object.keys(o).filter((k) => strict || o[k] !== undefined);
    const ka = keys(a);
    const kb = keys(b);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && equals(a[k], b[k], strict));
  };
  const matchesObject = (actual: any, expected: any): boolean => {
    if (isAsymmetric(expected)) return expected.asymmetricMatch(actual);
    if (expected === null || typeof expected !== "object") return equals(actual, expected, false);
    if (actual === null || typeof actual !== "object") return false;
    if (Array.isArray(expected)) {
      return Array.isArray(actual) && actual.length === expected.length &&
        expected.every((e, i) => matchesObject(actual[i], e));
    }
    return Object.keys(expected).every((k) => k in actual && matchesObject(actual[k], expected[k]));
  };
  const show = (x: unknown) => inspect(x, { depth: 6, breakLength: Infinity });
  const thrownMessage = (e: unknown) =>
    e !== null && typeof e === "object" && "message" in e
      ? String((e as Error).message)
      : String(e);

  type Matchers = Record<string, Fn>;
  const extensions = expectExtensions({
    AssertionError,
    show,
    equals: (a, b) => equals(a, b, false),
    asymmetric,
  });
  const matchersFor = (actual: any, negated: boolean, promise = ""): Matchers => {
    const check = (
      pass: boolean,
      matcher: string,
      expected: unknown,
      detail?: string,
      operator = matcher,
    ) => {
      if (pass !== negated) return;
      const head = `expect(received).${negated ? "not." : ""}${matcher}(${
        expected === undefined ? "" : "expected"
      })`;
      const lines = [head, ""];
      if (expected !== undefined) lines.push(`Expected: ${negated ? "not " : ""}${show(expected)}`);
      lines.push(`Received: ${show(actual)}`);
      if (detail) lines.push(detail);
      throw new AssertionError({ message: lines.join("\n"), actual, expected, operator });
    };
    const number = (matcher: string) => {
      if (typeof actual !== "number" && typeof actual !== "bigint") {
        throw new AssertionError({
          message: `expect(received).${matcher}(): received value must be a number, got ${
            show(actual)
          }`,
          actual,
          operator: matcher,
        });
      }
    };
    const toThrow = (expected?: unknown) => {
      let threw = false;
      let error: unknown;
      if (thrownValue.has) {
        threw = true;
        error = thrownValue.value;
      } else {
        if (typeof actual !== "function") {
          throw new AssertionError({
            message: `expect(received).toThrow(): received value must be a function, got ${
              show(actual)
            }`,
            actual,
            operator: "toThrow",
          });
        }
        try {
          actual();
        } catch (e) {
          threw = true;
          error = e;
        }
      }
      let pass = threw;
      if (threw && expected !== undefined) {
        const message = thrownMessage(error);
        if (typeof expected === "string") pass = message.includes(expected);
        else if (expected instanceof RegExp) pass = expected.test(message);
        else if (typeof expected === "function") pass = error instanceof (expected as any);
        else if (expected && typeof expected === "object" && "message" in expected) {
          pass = message === String((expected as Error).message);
        }
      }
      const detail = threw ? `Thrown: ${show(error)}` : "Received function did not throw";
      check(pass, "toThrow", expected, detail);
    };
    const thrownValue = { has: false, value: undefined as unknown };
    const m: Matchers = {
      toBe: (e) => check(Object.is(actual, e), "toBe", e, undefined, "strictEqual"),
      toEqual: (e) => check(equals(actual, e, false), "toEqual", e, undefined, "deepEqual"),
      toStrictEqual: (e) =>
        check(
          equals(actual, e, true) && (isAsymmetric(e) || isDeepStrictEqualSafe(actual, e)),
          "toStrictEqual",
          e,
          undefined,
          "deepStrictEqual",
        ),
      toBeTruthy: () => check(Boolean(actual), "toBeTruthy", undefined),
      toBeFalsy: () => check(!actual, "toBeFalsy", undefined),
      toBeNull: () => check(actual === null, "toBeNull", undefined),
      toBeUndefined: () => check(actual === undefined, "toBeUndefined", undefined),
      toBeDefined: () => check(actual !== undefined, "toBeDefined", undefined),
      toBeNaN: () => check(Number.isNaN(actual), "toBeNaN", undefined),
      toBeInstanceOf: (c) => check(actual instanceof c, "toBeInstanceOf", c),
      toContain: (item) =>
        check(
          typeof actual === "string"
            ? actual.includes(String(item))
            : actual != null && typeof actual[Symbol.iterator] === "function" &&
              [...actual].includes(item),
          "toContain",
          item,
        ),
      toContainEqual: (item) =>
        check(
          actual != null && typeof actual[Symbol.iterator] === "function" &&
            [...actual].some((x) => equals(x, item, false)),
          "toContainEqual",
          item,
        ),
      toHaveLength: (n) => check(actual != null && actual.length === n, "toHaveLength", n),
      toHaveProperty: (path: string | string[], ...value: unknown[]) => {
        const keys = Array.isArray(path) ? path : String(path).split(".");
        let at: any = actual;
        let found = true;
        for (const k of keys) {
          if (at !== null && at !== undefined && k in Object(at)) at = at[k];
          else {
            found = false;
            break;
          }
        }
        const pass = found && (value.length === 0 || equals(at, value[0], false));
        check(pass, "toHaveProperty", value.length ? [path, value[0]] : path);
      },
      toMatch: (e) =>
        check(
          typeof actual === "string" &&
            (e instanceof RegExp ? e.test(actual) : actual.includes(String(e))),
          "toMatch",
          e,
        ),
      toMatchObject: (e) => check(matchesObject(actual, e), "toMatchObject", e),
      toBeGreaterThan: (n) => (number("toBeGreaterThan"), check(actual > n, "toBeGreaterThan", n)),
      toBeGreaterThanOrEqual: (n) => (
        number("toBeGreaterThanOrEqual"), check(actual >= n, "toBeGreaterThanOrEqual", n)
      ),
      toBeLessThan: (n) => (number("toBeLessThan"), check(actual < n, "toBeLessThan", n)),
      toBeLessThanOrEqual: (n) => (
        number("toBeLessThanOrEqual"), check(actual <= n, "toBeLessThanOrEqual", n)
      ),
      toBeCloseTo: (n: number, digits = 2) => {
        number("toBeCloseTo");
        const pass = (actual === Infinity && n === Infinity) ||
          (actual === -Infinity && n === -Infinity) ||
          Math.abs(n - actual) < Math.pow(10, -digits) / 2;
        check(pass, "toBeCloseTo", n);
      },
      toThrow,
      toThrowError: toThrow,
    };
    for (const name of extensions.names()) {
      m[name] = (...args: unknown[]) => extensions.run(name, actual, negated, promise, args);
    }
    Object.defineProperty(m, "__thrown", { value: thrownValue });
    return m;
  };
  const isDeepStrictEqualSafe = (a: unknown, b: unknown) => {
    try {
      return isDeepStrictEqual(a, b) || equals(a, b, true);
    } catch {
      return equals(a, b, true);
    }
  };
  const settled = (actual: unknown, mode: "resolves" | "rejects", negated: boolean): Matchers => {
    const base = matchersFor(undefined, negated);
    const out: Matchers = {};
    for (const key of Object.keys(base)) {
      out[key] = async (...args: unknown[]) => {
        let value: unknown;
        let rejected = false;
        try {
          value = await actual;
        } catch (error) {
          rejected = true;
          value = error;
        }
        if (mode === "resolves" && rejected) {
          throw new AssertionError({
            message:
              `expect(received).resolves.${key}()\n\nReceived promise rejected instead of resolved\nRejected to value: ${
                show(value)
              }`,
            actual: value,
            operator: key,
          });
        }
        if (mode === "rejects" && !rejected) {
          throw new AssertionError({
            message:
              `expect(received).rejects.${key}()\n\nReceived promise resolved instead of rejected\nResolved to value: ${
                show(value)
              }`,
            actual: value,
            operator: key,
          });
        }
        const matchers = matchersFor(value, negated, mode);
        if (mode === "rejects") Object.assign((matchers as any).__thrown, { has: true, value });
        return matchers[key](...args);
      };
    }
    return out;
  };
  const expect: any = (actual: unknown) => {
    const positive: any = matchersFor(actual, false);
    positive.not = matchersFor(actual, true);
    positive.resolves = settled(actual, "resolves", false);
    positive.resolves.not = settled(actual, "resolves", true);
    positive.rejects = settled(actual, "rejects", false);
    positive.rejects.not = settled(actual, "rejects", true);
    return positive;
  };
  Object.assign(expect, {
    any: (c: any) =>
      asymmetric(
        `Any<${c?.name ?? c}>`,
        (x) =>
          c === String
            ? typeof x === "string" || x instanceof String
            : c === Number
            ? typeof x === "number" || x instanceof Number
            : c === Boolean
            ? typeof x === "boolean" || x instanceof Boolean
            : c === BigInt
            ? typeof x === "bigint"
            : c === Symbol
            ? typeof x === "symbol"
            : c === Function
            ? typeof x === "function"
            : c === Object
            ? x !== null && typeof x === "object"
            : x instanceof c,
      ),
    anything: () => asymmetric("Anything", (x) => x !== null && x !== undefined),
    stringContaining: (s: string) =>
      asymmetric(`StringContaining ${show(s)}`, (x) => typeof x === "string" && x.includes(s)),
    stringMatching: (r: RegExp | string) =>
      asymmetric(
        `StringMatching ${show(r)}`,
        (x) => typeof x === "string" && new RegExp(r).test(x),
      ),
    arrayContaining: (items: unknown[]) =>
      asymmetric(
        `ArrayContaining ${show(items)}`,
        (x) => Array.isArray(x) && items.every((i) => x.some((y) => equals(y, i, false))),
      ),
    objectContaining: (o: object) =>
      asymmetric(`ObjectContaining ${show(o)}`, (x) => matchesObject(x, o)),
    assertions: skip,
    hasAssertions: skip,
  });
  const not: Record<string, Fn> = {};
  for (const key of ["arrayContaining", "objectContaining", "stringContaining", "stringMatching"]) {
    not[key] = (...args: unknown[]) => {
      const inner = expect[key](...args);
      return asymmetric(`not.${inner}`, (x) => !inner.asymmetricMatch(x));
    };
  }
  Object.assign(expect, { not, extend: extensions.extend(expect, not) });
  return expect;
}
