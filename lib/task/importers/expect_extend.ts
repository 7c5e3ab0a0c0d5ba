/**
 * Custom matchers for the inlined `expect` (expect_runtime.ts): `expect.extend({ name(received,
 * ...args) { return { pass, message } } })` adds `expect(x).name(...)`, its `.not`, its
 * `.resolves`/`.rejects` forms, and the asymmetric `expect.name(...)` / `expect.not.name(...)`.
 * A matcher may be async (it returns a promise of `{ pass, message }`). Like the rest of the
 * runtime it imports nothing: importers copy its source text into tests files.
 *
 * @module
 */

/** What the extensions need from the `expect` they extend. */
export interface ExtendDeps {
  /** `AssertionError` from `node:assert`. */
  AssertionError: new (options: { message?: string; actual?: unknown; operator?: string }) => Error;
  /** How values are shown in messages. */
  show: (value: unknown) => string;
  /** jest's `toEqual` equality (`this.equals` in a matcher). */
  equals: (a: unknown, b: unknown) => boolean;
  /** Make an asymmetric matcher from a description and a predicate. */
  asymmetric: (description: string, match: (x: unknown) => boolean) => unknown;
}

/** What {@link expectExtensions} returns. */
export interface ExpectExtensions {
  /** The names of the matchers added so far. */
  names(): string[];
  /** Run the matcher `name` on `actual` (`promise`: "", "resolves" or "rejects"): throws (or rejects) when it fails. */
  run(name: string, actual: unknown, negated: boolean, promise: string, args: unknown[]): unknown;
  /** The `expect.extend` function for `expect` (and its `expect.not`). */
  extend(
    expect: Record<string, unknown>,
    not: Record<string, unknown>,
  ): (matchers: Record<string, (...args: any[]) => any>) => void;
}

/**
 * The custom-matcher store of one `expect`.
 *
 * @example
 * ```ts
 * import assert, { AssertionError } from "node:assert";
 * import { inspect, isDeepStrictEqual } from "node:util";
 * import { expectExtensions } from "./expect_extend.ts";
 * const ext = expectExtensions({
 *   AssertionError, show: (x) => inspect(x), equals: isDeepStrictEqual, asymmetric: () => ({}),
 * });
 * const expect = {};
 * ext.extend(expect, {})({ toBeOdd: (n: number) => ({ pass: n % 2 === 1, message: () => `${n} is even` }) });
 * assert.deepEqual(ext.names(), ["toBeOdd"]);
 * ext.run("toBeOdd", 3, false, "", []);
 * assert.throws(() => ext.run("toBeOdd", 2, false, "", []), /2 is even/);
 * ```
 */
export function expectExtensions(deps: ExtendDeps): ExpectExtensions {
  type Fn = (...args: any[]) => any;
  const { AssertionError, show, equals, asymmetric } = deps;
  /** Matchers added with `expect.extend`, by name. */
  const custom: Record<string, Fn> = {};
  const matcherContext = (negated: boolean, promise: string) => ({
    isNot: negated,
    promise,
    expand: false,
    equals,
    utils: {
      printReceived: show,
      printExpected: show,
      stringify: show,
      EXPECTED_COLOR: (s: string) => s,
      RECEIVED_COLOR: (s: string) => s,
      diff: (a: unknown, b: unknown) => `Expected: ${show(b)}\nReceived: ${show(a)}`,
      matcherHint: (name: string, received = "received", expected = "expected") =>
        `expect(${received}).${negated ? "not." : ""}${
          name.replace(/^\.?(not\.)?/, "")
        }(${expected})`,
    },
  });
  /** Run a custom matcher: it returns (or resolves to) `{ pass, message }`; `.not` inverts `pass`. */
  const run = (
    name: string,
    actual: unknown,
    negated: boolean,
    promise: string,
    args: unknown[],
  ): unknown => {
    const finish = (result: any) => {
      if (result === null || typeof result !== "object" || typeof result.pass !== "boolean") {
        throw new TypeError(
          `expect.extend: the matcher "${name}" must return { pass: boolean, message: () => string }, got ${
            show(result)
          }`,
        );
      }
      if (result.pass !== negated) return;
      const message = typeof result.message === "function" ? result.message() : result.message;
      throw new AssertionError({
        message: message === undefined || message === ""
          ? `expect(received).${negated ? "not." : ""}${name}(…)\n\nReceived: ${show(actual)}`
          : String(message),
        actual,
        operator: name,
      });
    };
    const result = custom[name].call(matcherContext(negated, promise), actual, ...args);
    return result !== null && typeof result === "object" && typeof result.then === "function"
      ? Promise.resolve(result).then(finish)
      : finish(result);
  };
  const extend = (expect: Record<string, unknown>, not: Record<string, unknown>) =>
  (
    matchers: Record<string, Fn>,
  ) => {
    for (const [name, matcher] of Object.entries(matchers ?? {})) {
      if (typeof matcher !== "function") {
        throw new TypeError(`expect.extend: the matcher "${name}" must be a function`);
      }
      custom[name] = matcher;
      const asymmetricMatcher = (negated: boolean) => (...args: unknown[]) =>
        asymmetric(
          `${negated ? "not." : ""}${name}(${args.map(show).join(", ")})`,
          (x) => matcher.call(matcherContext(false, ""), x, ...args)?.pass === !negated,
        );
      expect[name] = asymmetricMatcher(false);
      not[name] = asymmetricMatcher(true);
    }
  };
  return { names: () => Object.keys(custom), run, extend };
}
