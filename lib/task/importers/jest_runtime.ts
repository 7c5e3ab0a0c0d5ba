/**
 * The jest/vitest/`Deno.test` runtime inlined into generated tests files:
 * `describe`/`it`/`test` with hooks register tests by full name when the
 * tests file loads, and `run(name)` executes one of them; `expect` supports
 * the common matchers and throws `AssertionError` (from `node:assert`) on
 * failure. This module imports nothing: importers copy its source text into
 * tests files (where only `node:` modules are importable), so it must stay
 * self-contained and type-check on its own.
 *
 * @module
 */
import { expectRuntime, type RuntimeDeps } from "./expect_runtime.ts";

/** What the runtime needs from `node:assert` and `node:util` (see {@link RuntimeDeps}). */
export type JestRuntimeDeps = RuntimeDeps;

/** What {@link jestRuntime} returns: the globals a test file uses, plus `run`. */
export interface JestRuntime {
  /** The separator between describe names and the test name in a full name. */
  separator: string;
  /** Run one registered test (hooks included) by its full name. */
  run(name: string): Promise<void>;
  /** Full names of the tests registered so far, in order. */
  names(): string[];
  /** The tests registered as skipped so far (`it.skip`, `xit`, `it.todo`, `.each`, `describe.skip`…), in order. */
  skipped(): { name: string; reason: string }[];
  /** The globals: describe, it, test, expect, hooks, x/f variants. */
  globals: Record<string, any>;
  /** `Deno` with `test` replaced by a registering version (typed as `Deno`, so test contexts are typed). */
  deno: typeof globalThis.Deno;
}

/**
 * Create the runtime. Names are joined with " › "; a repeated full name gets
 * " (2)", " (3)"… in registration order, as the importer numbers them.
 *
 * @example
 * ```ts
 * import assert, { AssertionError } from "node:assert";
 * import { inspect, isDeepStrictEqual } from "node:util";
 * import { jestRuntime } from "./jest_runtime.ts";
 * const rt = jestRuntime({ AssertionError, isDeepStrictEqual, inspect });
 * const { describe, it, expect } = rt.globals;
 * describe("math", () => {
 *   it("adds", () => expect(1 + 1).toBe(2));
 *   it("fails", () => expect([1, { a: 2 }]).toEqual([1, { a: 3 }]));
 * });
 * assert.deepEqual(rt.names(), ["math › adds", "math › fails"]);
 * await rt.run("math › adds");
 * await assert.rejects(rt.run("math › fails"), AssertionError);
 * ```
 */
export function jestRuntime(deps: JestRuntimeDeps): JestRuntime {
  type Fn = (...args: any[]) => any;
  interface Block {
    name: string;
    parent: Block | null;
    beforeAll: Fn[];
    afterAll: Fn[];
    beforeEach: Fn[];
    afterEach: Fn[];
    pending: number;
    started: boolean;
  }
  interface Registered {
    fn: Fn;
    block: Block;
    style: "jest" | "deno";
  }
  const SEPARATOR = " › ";
  const newBlock = (name: string, parent: Block | null): Block => ({
    name,
    parent,
    beforeAll: [],
    afterAll: [],
    beforeEach: [],
    afterEach: [],
    pending: 0,
    started: false,
  });
  const root = newBlock("", null);
  let current = root;
  const tests = new Map<string, Registered>();
  const skippedTests: { name: string; reason: string }[] = [];
  /** While a skipped describe's body runs: why everything registered in it is skipped. */
  let skipping: string | null = null;
  /** jest names a describe/test given a function or class by its name. */
  const nameOf = (name: unknown) => typeof name === "function" ? (name as Fn).name : String(name);
  const fullName = (name: unknown) =>
    [...chain(current).slice(1).map((b) => b.name), nameOf(name)].join(SEPARATOR);
  const skipAs = (reason: string) => (name?: unknown, ..._rest: unknown[]) => {
    skippedTests.push({ name: fullName(name), reason });
  };

  const chain = (block: Block): Block[] => {
    const out: Block[] = [];
    for (let b: Block | null = block; b; b = b.parent) out.unshift(b);
    return out;
  };
  const register = (name: unknown, fn: Fn, style: "jest" | "deno") => {
    if (skipping !== null) return skipAs(skipping)(name);
    const base = fullName(name);
    let full = base;
    for (let n = 2; tests.has(full); n++) full = `${base} (${n})`;
    tests.set(full, { fn, block: current, style });
    for (const b of chain(current)) b.pending++;
  };
  const skip = (..._args: unknown[]) => {};

  /** `describe`, or (with a reason) a skipped describe whose tests are listed as skipped. */
  const describeAs = (reason: string | null) => (name: unknown, fn: Fn) => {
    const block = newBlock(nameOf(name), current);
    const saved = current;
    const savedSkipping = skipping;
    current = block;
    skipping ??= reason;
    try {
      if (typeof fn === "function") fn();
    } finally {
      current = saved;
      skipping = savedSkipping;
    }
  };
  const describe: any = describeAs(null);
  // jest runs a skipped describe's body too: its tests are listed as skipped.
  const describeSkip = describeAs("skip");
  // Parameterised tests are not expanded: listed as skipped ("each") under their template name.
  const each = (..._table: unknown[]) => skipAs("each");
  Object.assign(describe, {
    skip: describeSkip,
    only: describe,
    todo: skip,
    each: (..._table: unknown[]) => describeAs("each"),
  });
  const it: any = (name: unknown, fn?: Fn) => {
    if (typeof fn === "function") register(name, fn, "jest");
    else skipAs("todo")(name);
  };
  Object.assign(it, {
    skip: skipAs("skip"),
    only: it,
    todo: skipAs("todo"),
    each,
    concurrent: it,
    failing: skipAs("failing"),
  });
  const hook = (kind: "beforeAll" | "afterAll" | "beforeEach" | "afterEach") => (fn: Fn) => {
    current[kind].push(fn);
  };

  const denoTest: any = (a: any, b?: any, c?: any) => {
    let name: unknown;
    let fn: Fn | undefined;
    let ignore = false;
    if (typeof a === "string") {
      name = a;
      if (typeof b === "function") fn = b;
      else {
        fn = typeof c === "function" ? c : b?.fn;
        ignore = Boolean(b?.ignore);
      }
    } else if (typeof a === "function") {
      name = a.name;
      fn = a;
    } else if (a && typeof a === "object") {
      name = a.name ?? b?.name;
      fn = typeof b === "function" ? b : a.fn;
      ignore = Boolean(a.ignore);
    }
    if (ignore) skipAs("ignore")(name);
    else if (typeof fn === "function") register(name, fn, "deno");
  };
  Object.assign(denoTest, {
    ignore: (a: any, b?: any) =>
      skipAs("ignore")(
        typeof a === "string" || typeof a === "function" ? a : a?.name ?? b?.name,
      ),
    only: denoTest,
  });
  const realDeno = (globalThis as any).Deno;
  const deno = Object.create(realDeno ?? null, {
    test: { value: denoTest },
  }) as typeof globalThis.Deno;

  // ── calling tests ───────────────────────────────────────────────────────
  const callJest = (fn: Fn): Promise<unknown> | unknown => {
    if (fn.length === 0) return fn();
    return new Promise<void>((resolve, reject) => {
      const done: any = (error?: unknown) => (error ? reject(error) : resolve());
      done.fail = (error?: unknown) => reject(error ?? new Error("done.fail()"));
      try {
        fn(done);
      } catch (error) {
        reject(error);
      }
    });
  };
  const denoContext = (name: string): any => {
    const context: any = {
      name,
      origin: "",
      step: async (a: any, b?: Fn) => {
        const stepName = typeof a === "string" ? a : a?.name ?? a?.fn?.name ?? "step";
        const stepFn: Fn | undefined = typeof a === "function"
          ? a
          : typeof b === "function"
          ? b
          : a?.fn;
        if (typeof stepFn === "function") await stepFn(denoContext(stepName));
        return true;
      },
    };
    return context;
  };
  const run = async (name: string): Promise<void> => {
    const test = tests.get(name);
    if (!test) throw new Error(`test "${name}" was not registered when the tests file loaded`);
    const blocks = chain(test.block);
    let failure: unknown = undefined;
    let failed = false;
    const note = (error: unknown) => {
      if (!failed) {
        failed = true;
        failure = error;
      }
    };
    try {
      for (const b of blocks) {
        if (b.started) continue;
        b.started = true;
        for (const h of b.beforeAll) await callJest(h);
      }
      for (const b of blocks) for (const h of b.beforeEach) await callJest(h);
      if (test.style === "deno") await test.fn(denoContext(name));
      else await callJest(test.fn);
    } catch (error) {
      note(error);
    }
    for (const b of [...blocks].reverse()) {
      for (const h of b.afterEach) {
        try {
          await callJest(h);
        } catch (error) {
          note(error);
        }
      }
    }
    for (const b of [...blocks].reverse()) {
      if (--b.pending > 0) continue;
      for (const h of b.afterAll) {
        try {
          await callJest(h);
        } catch (error) {
          note(error);
        }
      }
    }
    if (failed) throw failure;
  };

  const expect = expectRuntime(deps);

  const globals: Record<string, any> = {
    describe,
    xdescribe: describeSkip,
    fdescribe: describe,
    it,
    test: it,
    xit: skipAs("skip"),
    xtest: skipAs("skip"),
    fit: it,
    expect,
    beforeAll: hook("beforeAll"),
    afterAll: hook("afterAll"),
    beforeEach: hook("beforeEach"),
    afterEach: hook("afterEach"),
  };
  return {
    separator: SEPARATOR,
    run,
    names: () => [...tests.keys()],
    skipped: () => skippedTests.map((t) => ({ ...t })),
    globals,
    deno,
  };
}
