import assert from "node:assert/strict";
import {
  applicableMutations,
  type Mutant,
  mutate,
  type MutationName,
  MUTATIONS,
} from "../../lib/model/mutate.ts";

// A loop-based function with guards; its comment, strings, template, arrow and generic must survive.
const LOOP =
  `// Sliding-window scores. Comments like \`if (x) return y;\` or a <= b - 1 are never mutated.
export function windowScores(readings: number[], size: number, weight = 1): number[] {
  if (!Number.isInteger(size)) throw new TypeError("size must be an integer => got " + size);
  if (weight < 0) throw new RangeError(\`weight must be >= 0 (a <= b - 1), got \${weight * 1}\`);
  if (readings.length === 0) return [];
  if (size < 1 || size > readings.length) throw new RangeError(\`size must be in 1..\${readings.length}\`);
  const scores: Array<number> = [];
  const count = readings.length - size + 1;
  for (let start = 0; start < count; start++) {
    let total = 0;
    for (let i = start; i < start + size; i++) {
      if (Number.isNaN(readings[i])) continue;
      total += Math.max(readings[i], 0) * weight;
    }
    scores.push(total);
  }
  return scores.map((s) => s / size);
}
`;

// A class with a constructor, methods, a getter, private fields and generics.
const CLASS = `/** A least-recently-used cache with a fixed capacity. */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(private readonly capacity: number) {
    if (capacity < 1) throw new RangeError("capacity must be >= 1, got " + capacity);
  }

  get(key: K): V | undefined {
    if (!this.#entries.has(key)) {
      return undefined;
    }
    const value = this.#entries.get(key) as V;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  set(key: K, value: V): this {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value as K;
      this.#entries.delete(oldest);
    }
    return this;
  }

  get size(): number {
    return this.#entries.size;
  }
}
`;

// An async function with a multi-line signature, a function-typed parameter and an inner arrow.
const ASYNC =
  `/** Loads every URL with at most \`limit\` requests in flight; bodies come back in order. */
export async function loadAll(
  urls: string[],
  load: (url: string) => Promise<string>,
  limit = 4,
): Promise<string[]> {
  if (limit <= 0) throw new RangeError(\`limit must be > 0, got \${limit}\`);
  const bodies: string[] = new Array(urls.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < urls.length) {
      const index = next++;
      bodies[index] = (await load(urls[index])).trim();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, urls.length) }, () => worker()));
  return bodies;
}
`;

const SAMPLES = [
  { label: "loop", source: LOOP, entry: "windowScores" },
  { label: "class", source: CLASS, entry: "LruCache" },
  { label: "async", source: ASYNC, entry: "loadAll" },
] as const;

/** Text that no mutation may change (comments, strings, templates, arrows, generics). */
const PROTECTED: Record<string, string[]> = {
  loop: [
    "// Sliding-window scores. Comments like `if (x) return y;` or a <= b - 1 are never mutated.",
    '"size must be an integer => got "',
    "`weight must be >= 0 (a <= b - 1), got ${weight * 1}`",
    "`size must be in 1..${readings.length}`",
    "Array<number>",
    "(s) => s",
  ],
  class: ["LruCache<K, V>", "new Map<K, V>()", '"capacity must be >= 1, got "', "V | undefined"],
  async: [
    "(url: string) => Promise<string>",
    "Promise<string[]>",
    "async (): Promise<void> => {",
    "`limit must be > 0, got ${limit}`",
    "() => worker()",
  ],
};

const CODE_MUTATIONS = [
  "off_by_one",
  "dropped_guard",
  "swapped_operator",
  "hallucinated_api",
] as const;

/** Every distinct mutant of one kind: seeds 0, 1, … until the site choice wraps around. */
function allMutants(source: string, entry: string, name: MutationName): Mutant[] {
  const first = mutate(source, entry, name, 0);
  if (!first) return [];
  const mutants = [first];
  for (let seed = 1; seed < 500; seed++) {
    const mutant = mutate(source, entry, name, seed)!;
    if (mutant.source === first.source) return mutants;
    mutants.push(mutant);
  }
  throw new Error(`more than 500 sites for ${name}`);
}

/** The single changed window between `before` and `after`. */
function diff(before: string, after: string): { at: number; removed: string; added: string } {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let q = 0;
  while (
    q < before.length - p && q < after.length - p &&
    before[before.length - 1 - q] === after[after.length - 1 - q]
  ) q++;
  return {
    at: p,
    removed: before.slice(p, before.length - q),
    added: after.slice(p, after.length - q),
  };
}

/** The single changed block of lines between `before` and `after`. */
function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split("\n"), b = after.split("\n");
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  return { removed: a.slice(p, a.length - q), added: b.slice(p, b.length - q) };
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

Deno.test("mutate() gives the same mutant for the same source, entry, mutation and seed", () => {
  for (const { source, entry } of SAMPLES) {
    for (const name of MUTATIONS) {
      for (const seed of [0, 1, 2, 7, 12345, -3]) {
        assert.deepEqual(mutate(source, entry, name, seed), mutate(source, entry, name, seed));
      }
    }
  }
});

Deno.test("mutate() picks different sites for different seeds when several exist", () => {
  for (const name of [...CODE_MUTATIONS, "syntax_error", "runtime_crash", "wrong_name"] as const) {
    const mutants = allMutants(LOOP, "windowScores", name);
    assert.ok(mutants.length > 1, name);
    assert.equal(new Set(mutants.map((m) => m.source)).size, mutants.length, name);
    assert.equal(mutate(LOOP, "windowScores", name, mutants.length)?.source, mutants[0].source);
    assert.equal(mutate(LOOP, "windowScores", name, -1)?.source, mutants.at(-1)?.source);
  }
});

Deno.test("mutate() off_by_one changes exactly one comparison or drops one + 1 / - 1", () => {
  const seen: string[] = [];
  for (const { source, entry } of SAMPLES) {
    for (const mutant of allMutants(source, entry, "off_by_one")) {
      const { at, removed, added } = diff(source, mutant.source);
      const boundary = (removed === "" && added === "=") || (removed === "=" && added === "");
      assert.ok(
        (boundary && "<>".includes(source[at - 1])) || (added === "" && /^ [+-] 1$/.test(removed)),
        `${mutant.description}: -${JSON.stringify(removed)} +${JSON.stringify(added)}`,
      );
      seen.push(boundary ? `${source[at - 1]}${removed}` : removed.trim());
    }
  }
  assert.deepEqual([...new Set(seen)].sort(), ["+ 1", "<", "<=", ">"]);
  assert.equal(allMutants(LOOP, "windowScores", "off_by_one").length, 6);
});

Deno.test("mutate() dropped_guard deletes exactly one guard statement with its line", () => {
  const expected = { loop: 5, class: 2, async: 1 };
  for (const { label, source, entry } of SAMPLES) {
    const mutants = allMutants(source, entry, "dropped_guard");
    assert.equal(mutants.length, expected[label], label);
    for (const mutant of mutants) {
      const { removed, added } = lineDiff(source, mutant.source);
      assert.deepEqual(added, []);
      const guard = removed.map((line) => line.trim()).join(" ");
      assert.match(guard, /^if \(.*\) (\{ )?(return|throw|continue)\b[^;]*;( \})?$/, guard);
      assert.equal(mutant.description.includes(guard.slice(0, 40)), true, mutant.description);
    }
  }
  const braced = allMutants(CLASS, "LruCache", "dropped_guard")[1];
  assert.ok(!braced.source.includes("has(key)") && braced.source.includes("delete(key)"));
});

Deno.test("mutate() swapped_operator swaps exactly one binary operator", () => {
  const pairs = new Set(["+ -", "- +", "* /", "/ *", "&& ||", "|| &&", "< >", "> <", "= !", "! ="]);
  for (const { source, entry } of SAMPLES) {
    for (const mutant of allMutants(source, entry, "swapped_operator")) {
      const { removed, added } = diff(source, mutant.source);
      assert.ok(pairs.has(`${removed} ${added}`), `${mutant.description}: ${removed} -> ${added}`);
    }
  }
  const ops = allMutants(LOOP, "windowScores", "swapped_operator").map((m) =>
    m.description.slice(0, 18)
  );
  assert.equal(ops.length, 13);
  assert.ok(
    !LOOP.includes("++ ") &&
      allMutants(LOOP, "windowScores", "swapped_operator").every((m) =>
        count(m.source, "++") === count(LOOP, "++") && count(m.source, "+=") === count(LOOP, "+=")
      ),
  );
});

Deno.test("mutate() hallucinated_api renames one call to a plausible method that does not exist", () => {
  const real = [Array.prototype, String.prototype, Map.prototype, Math, Number, Object, Promise];
  for (const { source, entry } of SAMPLES) {
    const mutants = allMutants(source, entry, "hallucinated_api");
    assert.ok(mutants.length >= 1);
    for (const mutant of mutants) {
      const { at } = diff(source, mutant.source);
      const start = mutant.source.lastIndexOf(".", at) + 1;
      const name = /^[\w$]+/.exec(mutant.source.slice(start))![0];
      assert.notEqual(name, /^[\w$]+/.exec(source.slice(start))![0]);
      if (name !== "size") assert.ok(real.every((o) => !(name in o)), `${name} exists`);
      assert.equal(
        mutant.source.length - source.length,
        name.length - /^[\w$]+/.exec(source.slice(start))![0].length,
      );
    }
  }
  const names = allMutants(CLASS, "LruCache", "hallucinated_api").map((m) =>
    m.description.split('"')[3]
  );
  assert.deepEqual(names, [".contains", ".fetch", ".put", ".put"]);
});

Deno.test("mutate() wrong_name renames the exported function or class (recursive uses too)", () => {
  const cls = mutate(CLASS, "LruCache", "wrong_name", 0)!;
  assert.match(cls.source, /export class LruCacheImpl<K, V> \{/);
  assert.ok(!/\bLruCache\b/.test(cls.source.replace("LRU", "")));
  const fn = mutate(LOOP, "windowScores", "wrong_name", 1)!;
  assert.match(fn.source, /export function computeWindowScores\(/);
  assert.equal(diff(LOOP, fn.source).removed, "w");
  const recursive = `export function fib(n: number): number {
  const memo = { fib: "fib(n - 1)" };
  return n < 2 ? n : fib(n - 1) + fib(n - 2) + memo.fib.length * 0;
}
`;
  const renamed = mutate(recursive, "fib", "wrong_name", 0)!;
  assert.equal(count(renamed.source, "fibImpl"), 3);
  assert.ok(
    renamed.source.includes('{ fib: "fib(n - 1)" }') && renamed.source.includes("memo.fib."),
  );
  assert.match(renamed.description, /renamed "fib" to "fibImpl" in 3 place\(s\)/);
  const arrow = mutate(
    "export const add = (a: number, b: number) => a + b;\n",
    "add",
    "wrong_name",
    2,
  )!;
  assert.equal(arrow.source, "export const addFn = (a: number, b: number) => a + b;\n");
});

Deno.test("mutate() infinite_loop puts while (true) {} first in the function, constructor or async body", () => {
  const loop = mutate(LOOP, "windowScores", "infinite_loop", 0)!;
  assert.match(loop.source, /number\[\] \{\n {2}while \(true\) \{\}\n {2}if \(!Number/);
  const cls = mutate(CLASS, "LruCache", "infinite_loop", 0)!;
  assert.match(
    cls.source,
    /constructor\(private readonly capacity: number\) \{\n {4}while \(true\) \{\}\n/,
  );
  assert.match(cls.description, /LruCache\.constructor/);
  const asyncFn = mutate(ASYNC, "loadAll", "infinite_loop", 0)!;
  assert.match(
    asyncFn.source,
    /\): Promise<string\[\]> \{\n {2}while \(true\) \{\}\n {2}if \(limit/,
  );
  const noCtor =
    "export class Counter {\n  #n = 0;\n  static zero = 0;\n  inc(): number { return ++this.#n; }\n}\n";
  assert.match(
    mutate(noCtor, "Counter", "infinite_loop", 0)!.source,
    /inc\(\): number \{ while \(true\) \{\} return/,
  );
  const arrow =
    "export const sum = async (xs: number[]): Promise<number> => {\n  return xs.length;\n};\n";
  assert.match(
    mutate(arrow, "sum", "infinite_loop", 0)!.source,
    /=> \{\n {2}while \(true\) \{\}\n {2}return/,
  );
  const overloads =
    "export function f(a: string): string;\nexport function f(a: any): any {\n  return a;\n}\n";
  assert.match(
    mutate(overloads, "f", "infinite_loop", 0)!.source,
    /any \{\n {2}while \(true\) \{\}\n/,
  );
  const classExpr =
    "export const Box = class {\n  value = 0;\n  constructor() {\n    this.value = 1;\n  }\n};\n";
  const box = mutate(classExpr, "Box", "infinite_loop", 0)!;
  assert.match(box.source, /constructor\(\) \{\n {4}while \(true\) \{\}\n {4}this/);
  assert.match(box.description, /Box\.constructor$/);
});

Deno.test("mutate() runtime_crash inserts a plausible crashing statement first in the entry body", () => {
  const variants = allMutants(LOOP, "windowScores", "runtime_crash");
  assert.equal(variants.length, 3);
  for (const mutant of variants) {
    const { removed, added } = lineDiff(LOOP, mutant.source);
    assert.deepEqual(removed, []);
    assert.equal(added.length, 1);
    assert.match(added[0], /^ {2}const \w+ = JSON\.parse\("(null|\{\})"\); \w+\.\w+(\(\)|\+\+);$/);
    assert.equal(LOOP.split("\n").indexOf(lineDiff(LOOP, mutant.source).added[0]), -1);
    assert.ok(mutant.source.includes(`number[] {\n${added[0]}\n  if (!Number`));
  }
  // A name already used by the code gets an underscore instead of shadowing it.
  const clash = "export function f(cache: number[]): number {\n  return cache.length;\n}\n";
  assert.match(mutate(clash, "f", "runtime_crash", 0)!.source, /const cache_ = JSON/);
});

Deno.test("mutate() syntax_error drops the last brace or cuts the answer in its last third", () => {
  for (const { source, entry } of SAMPLES) {
    const mutants = allMutants(source, entry, "syntax_error");
    const last = source.lastIndexOf("}");
    assert.equal(mutants[0].source, source.slice(0, last) + source.slice(last + 1));
    assert.ok(mutants.length > 3);
    for (const mutant of mutants.slice(1)) {
      assert.ok(
        source.startsWith(mutant.source) && mutant.source.length >= (source.length * 2) / 3,
      );
    }
  }
  const flat = mutate("export const one = 1;\n", "one", "syntax_error", 0)!;
  assert.equal(flat.source, "export const one = 1;\n}\n");
});

Deno.test("mutate() refusal returns prose instead of code", () => {
  const refusal = mutate(LOOP, "windowScores", "refusal", 0)!;
  assert.equal(refusal.source, "I'm sorry, but I can't help with that request.");
  assert.notEqual(mutate(LOOP, "windowScores", "refusal", 1)!.source, refusal.source);
  assert.ok(!/[{};]/.test(mutate("", "x", "refusal", 2)!.source));
});

Deno.test("mutate() never touches strings, comments, templates, arrow functions or generics", () => {
  for (const { label, source, entry } of SAMPLES) {
    for (const name of CODE_MUTATIONS) {
      for (const mutant of allMutants(source, entry, name)) {
        const deleted = name === "dropped_guard"
          ? lineDiff(source, mutant.source).removed.join("\n")
          : "";
        for (const part of PROTECTED[label].filter((part) => !deleted.includes(part))) {
          assert.equal(
            count(mutant.source, part),
            count(source, part),
            `${name} ${mutant.description}: ${part}`,
          );
        }
        assert.equal(count(mutant.source, "=>") + count(deleted, "=>"), count(source, "=>"));
      }
    }
  }
  const tricky = `const f = <T,>(x: T): Array<T> => [x]; // a < b + 1
const s = "i <= n - 1" + 'x > 0 && y';
export function g<T extends object>(xs: Map<string, Array<T>>, n: number): number {
  const re = /a+b<c-1/g;
  const shifted = (n >> 1) << 2 >>> 1;
  return xs.size > n ? 1 : \`\${n - 1}\`.length + re.lastIndex + shifted + f(1).length + s.length;
}
`;
  assert.deepEqual(allMutants(tricky, "g", "off_by_one").map((m) => m.description), [
    'changed ">" to ">=" at line 6, column 18',
  ]);
  const swaps = allMutants(tricky, "g", "swapped_operator").map((m) =>
    m.description.split(" at ")[0]
  );
  const plus = 'changed "+" to "-"'; // the string concatenation on line 2, then the sum on line 6
  assert.deepEqual(swaps, [plus, 'changed ">" to "<"', plus, plus, plus, plus]);
});

Deno.test("mutate() returns null when the mutation has no site", () => {
  const id = "export const id = <T,>(x: T): T => x; // if (x < 1) return x + 1;\n";
  for (
    const name of ["off_by_one", "dropped_guard", "swapped_operator", "hallucinated_api"] as const
  ) {
    assert.equal(mutate(id, "id", name, 0), null, name);
  }
  assert.equal(mutate(id, "id", "infinite_loop", 3), null); // concise arrow: no body to enter
  assert.equal(mutate(id, "id", "runtime_crash", 3), null);
  assert.equal(mutate(id, "missing", "wrong_name", 0), null);
  assert.equal(mutate("  \n", "x", "syntax_error", 0), null);
  const elseGuard =
    "export function f(x: number): number {\n  if (x) return 1;\n  else return 2;\n}\n";
  assert.equal(mutate(elseGuard, "f", "dropped_guard", 0), null);
});

Deno.test("applicableMutations() lists every mutation with a site, in MUTATIONS order", () => {
  for (const { source, entry } of SAMPLES) {
    assert.deepEqual(applicableMutations(source, entry), [...MUTATIONS]);
  }
  const id = "export const id = <T,>(x: T): T => x;\n";
  assert.deepEqual(applicableMutations(id, "id"), ["wrong_name", "syntax_error", "refusal"]);
  assert.deepEqual(applicableMutations("", "id"), ["refusal"]);
  const small = "export function half(n: number): number {\n  return n / 2;\n}\n";
  const expected = MUTATIONS.filter((name) => mutate(small, "half", name, 0) !== null);
  assert.deepEqual(applicableMutations(small, "half"), expected);
  assert.ok(!expected.includes("off_by_one") && expected.includes("swapped_operator"));
});

Deno.test("mutate() rejects an unknown mutation, a non-integer seed and a non-identifier entry", () => {
  assert.throws(() => mutate(LOOP, "windowScores", "typo" as MutationName, 0), {
    message: /^Cannot mutate "windowScores": unknown mutation "typo"/,
  });
  assert.throws(() => mutate(LOOP, "windowScores", "off_by_one", 1.5), {
    message: 'Cannot mutate "windowScores": seed must be a safe integer, got 1.5',
  });
  assert.throws(() => applicableMutations(LOOP, "not an id"), {
    message: 'Cannot mutate "not an id": the entry must be a JavaScript identifier',
  });
});

// ---- Behaviour: run the mutants for real in a child Deno. ----

/** Inputs for windowScores: guards, NaN, negative readings, weights, fractional and zero sizes. */
const BATTERY = `[
  [[3, 1, 4, 1, 5], 2, 1], [[3, 1, 4, 1, 5], 2, 2], [[2, 7], 1, 1], [[2, 7, 1], 3, 1],
  [[2, 7], 3, 1], [[4, NaN, 6, -2], 2, 1], [[1, 2, 3], 1.5, 1], [[1, 2, 3], 0, 1],
  [[1, 2, 3], 2, 0], [[1, 2, 3], 2, -1], [[5, 6, 7, 8], 2, 3], [[], 2, 1],
]`;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

async function runDeno(dir: string, file: string, killAfterMs = 20_000): Promise<Run> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--no-config", "--no-npm", "--no-remote", file],
    cwd: dir,
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, killAfterMs);
  const out = await child.output();
  clearTimeout(timer);
  const text = new TextDecoder();
  return {
    code: out.code,
    stdout: text.decode(out.stdout),
    stderr: text.decode(out.stderr),
    timedOut,
  };
}

/** A driver calling `entry` of each module on the battery; prints `{ module: [outcome per input] }`. */
function batteryDriver(modules: { file: string; entry: string }[]): string {
  const runs = modules.map(({ file, entry }) =>
    `report[${JSON.stringify(`${file}:${entry}`)}] = await run(() => import("./${file}"), ${
      JSON.stringify(entry)
    });`
  );
  return `const battery = ${BATTERY};
const report: Record<string, string[]> = {};
async function run(load: () => Promise<Record<string, unknown>>, entry: string): Promise<string[]> {
  let mod: Record<string, unknown>;
  try { mod = await load(); } catch (e) { return ["import " + (e as Error).name + ": " + (e as Error).message]; }
  const fn = mod[entry] as ((...args: unknown[]) => unknown) | undefined;
  if (typeof fn !== "function") return ["missing: " + typeof fn];
  return battery.map((args) => {
    try { return Deno.inspect(fn(...args)); }
    catch (e) { return "throw " + (e as Error).name + ": " + (e as Error).message; }
  });
}
${runs.join("\n")}
console.log(JSON.stringify(report));
`;
}

Deno.test("mutate() mutants of windowScores fail the way their mutation simulates", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "assay_mutate_" });
  try {
    const modules: { file: string; entry: string }[] = [{
      file: "reference.ts",
      entry: "windowScores",
    }];
    await Deno.writeTextFile(`${dir}/reference.ts`, LOOP);
    const mutants: Record<string, { file: string; mutant: Mutant }[]> = {};
    for (const name of MUTATIONS) {
      if (name === "refusal" || name === "infinite_loop") continue;
      mutants[name] = [];
      for (const [k, mutant] of allMutants(LOOP, "windowScores", name).entries()) {
        const file = `${name}_${k}.ts`;
        await Deno.writeTextFile(`${dir}/${file}`, mutant.source);
        mutants[name].push({ file, mutant });
        modules.push({ file, entry: "windowScores" });
        if (name === "wrong_name") {
          modules.push({ file, entry: /to "(\w+)"/.exec(mutant.description)![1] });
        }
      }
    }
    await Deno.writeTextFile(`${dir}/driver.ts`, batteryDriver(modules));
    const run = await runDeno(dir, "driver.ts");
    assert.equal(run.code, 0, run.stderr);
    const report: Record<string, string[]> = JSON.parse(run.stdout);
    const reference = report["reference.ts:windowScores"];
    assert.equal(reference.length, 12);
    assert.ok(
      reference.every((outcome) => !outcome.startsWith("import") && !outcome.startsWith("missing")),
    );
    const outcomes = (name: string) =>
      mutants[name].map(({ file, mutant }) => ({ mutant, rows: report[`${file}:windowScores`] }));

    for (const name of ["off_by_one", "swapped_operator", "dropped_guard"]) {
      await t.step(`${name}: every site changes the output on some input`, () => {
        for (const { mutant, rows } of outcomes(name)) {
          assert.notDeepEqual(rows, reference, mutant.description);
          assert.ok(rows.some((row, k) => row !== reference[k] && !row.startsWith("import")));
        }
      });
    }
    await t.step(
      "hallucinated_api: throws TypeError is not a function, or .size gives wrong results",
      () => {
        for (const { mutant, rows } of outcomes("hallucinated_api")) {
          if (mutant.description.includes(".size")) {
            assert.notDeepEqual(rows, reference, mutant.description);
          } else {assert.ok(
              rows.some((row) => /^throw TypeError: .* is not a function/.test(row)),
              mutant.description,
            );}
        }
      },
    );
    await t.step("runtime_crash: every call throws a TypeError", () => {
      for (const { mutant, rows } of outcomes("runtime_crash")) {
        assert.ok(
          rows.every((row) => row.startsWith("throw TypeError: ")),
          `${mutant.description}: ${rows[0]}`,
        );
      }
    });
    await t.step(
      "wrong_name: the old name is undefined, the new one works like the reference",
      () => {
        for (const { file, mutant } of mutants.wrong_name) {
          assert.deepEqual(report[`${file}:windowScores`], ["missing: undefined"]);
          const renamed = /to "(\w+)"/.exec(mutant.description)![1];
          assert.deepEqual(report[`${file}:${renamed}`], reference);
        }
      },
    );
    await t.step("syntax_error: every mutant fails to parse", async () => {
      for (const { mutant, rows } of outcomes("syntax_error")) {
        assert.match(rows[0], /^import .*SyntaxError/, mutant.description);
      }
      const direct = await runDeno(dir, mutants.syntax_error[0].file);
      assert.notEqual(direct.code, 0);
      assert.match(direct.stderr, /SyntaxError/);
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("mutate() infinite_loop and runtime_crash mutants hang or throw when the entry is used", async () => {
  const dir = await Deno.makeTempDir({ prefix: "assay_mutate_" });
  try {
    const calls = {
      windowScores: "windowScores([1, 2, 3], 2)",
      LruCache: "new LruCache<string, number>(2).set('a', 1).get('a')",
      loadAll: "await loadAll(['a ', ' b'], async (url: string) => url)",
    };
    const sources = { windowScores: LOOP, LruCache: CLASS, loadAll: ASYNC };
    const drivers: { entry: keyof typeof calls; kind: MutationName | "reference"; file: string }[] =
      [];
    for (const entry of Object.keys(calls) as (keyof typeof calls)[]) {
      for (const kind of ["reference", "infinite_loop", "runtime_crash"] as const) {
        const source = kind === "reference"
          ? sources[entry]
          : mutate(sources[entry], entry, kind, 0)!.source;
        await Deno.writeTextFile(`${dir}/${entry}_${kind}.ts`, source);
        const file = `${entry}_${kind}_driver.ts`;
        await Deno.writeTextFile(
          `${dir}/${file}`,
          `import { ${entry} } from "./${entry}_${kind}.ts";\n` +
            `try { console.log("returned", JSON.stringify(${calls[entry]})); }\n` +
            `catch (e) { console.log("threw", (e as Error).name, (e as Error).message); }\n`,
        );
        drivers.push({ entry, kind, file });
      }
    }
    const runs = await Promise.all(
      drivers.map(({ kind, file }) =>
        runDeno(dir, file, kind === "infinite_loop" ? 2_000 : 20_000)
      ),
    );
    for (const [k, { entry, kind }] of drivers.entries()) {
      const run = runs[k];
      const label = `${entry} ${kind}: ${run.stdout}${run.stderr}`;
      if (kind === "infinite_loop") {
        assert.ok(run.timedOut && !run.stdout.includes("returned"), label);
      } else if (kind === "runtime_crash") assert.match(run.stdout, /^threw TypeError /, label);
      else assert.match(run.stdout, /^returned /, label);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
