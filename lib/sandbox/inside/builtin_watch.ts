/**
 * What the sandbox watches so that a pass cannot rest on a built-in the code under test replaced:
 * the tests and the code share one realm (a process for the strict runner, a context in the
 * warm pool). Freezing the built-ins would break ordinary code (the override mistake); the
 * runners instead snapshot them before the code loads and check them at every pass.
 *
 * This file has no imports: it is copied beside runner.ts into every job folder and beside
 * pool_host.ts into every host folder.
 *
 * @module
 */

/**
 * The standard built-ins a test may call, by name: the constructors and prototypes whose own
 * properties are watched (see watchBuiltins), JSON, Math and Reflect, and the global bindings
 * the tests reach them by. Self-contained: the warm pool also evaluates its source inside each
 * job's context, to name that context's own built-ins.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { builtinRoots } from "./builtin_watch.ts";
 * const names = builtinRoots().map(([name]) => name);
 * assert(names.includes("Array.prototype") && names.includes("globalThis"));
 * ```
 */
export function builtinRoots(): [string, object, string[]?][] {
  const getProto = Object.getPrototypeOf;
  const arrayIteratorProto = getProto([][Symbol.iterator]());
  return [
    ["Object", Object],
    ["Object.prototype", Object.prototype],
    ["Function.prototype", Function.prototype],
    ["Array", Array],
    ["Array.prototype", Array.prototype],
    ["ArrayIterator.prototype", arrayIteratorProto],
    ["Iterator.prototype", getProto(arrayIteratorProto)],
    ["String", String],
    ["String.prototype", String.prototype],
    ["Number", Number],
    ["Number.prototype", Number.prototype],
    ["Boolean.prototype", Boolean.prototype],
    ["BigInt.prototype", BigInt.prototype],
    ["Symbol", Symbol],
    ["Symbol.prototype", Symbol.prototype],
    ["Promise", Promise],
    ["Promise.prototype", Promise.prototype],
    ["Map.prototype", Map.prototype],
    ["Set.prototype", Set.prototype],
    ["WeakMap.prototype", WeakMap.prototype],
    ["WeakSet.prototype", WeakSet.prototype],
    ["RegExp.prototype", RegExp.prototype],
    ["Error.prototype", Error.prototype],
    ["Date", Date],
    ["Date.prototype", Date.prototype],
    ["TypedArray.prototype", getProto(Uint8Array.prototype)],
    ["JSON", JSON],
    ["Math", Math],
    ["Reflect", Reflect],
    // The global bindings the tests reach them by (`JSON = …` would not touch the object).
    [
      "globalThis",
      globalThis,
      [
        "Object",
        "Function",
        "Array",
        "String",
        "Number",
        "Boolean",
        "BigInt",
        "Symbol",
        "Promise",
        "Map",
        "Set",
        "WeakMap",
        "WeakSet",
        "RegExp",
        "Error",
        "TypeError",
        "RangeError",
        "Date",
        "JSON",
        "Math",
        "Reflect",
        "Uint8Array",
        "parseInt",
        "parseFloat",
        "isNaN",
        "isFinite",
      ],
    ],
  ];
}

/**
 * The message of a pass reported after the code under test changed the shared built-in `what`
 * (the case's status becomes `error`). One wording for the strict runner and the warm pool.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tamperedMessage } from "./builtin_watch.ts";
 * assert(tamperedMessage("JSON.parse").startsWith("the code under test changed the built-in JSON.parse,"));
 * ```
 */
export function tamperedMessage(what: string): string {
  return `the code under test changed the built-in ${what}, which the tests share: a pass cannot be trusted`;
}

/**
 * Watch the own properties and the prototypes of `roots` (builtinRoots(), taken before the code
 * under test runs): the returned check names the first property replaced or removed, or
 * prototype swapped, since then, or returns null. The code under test shares these built-ins
 * with the tests, so a pass reported after such a change cannot be trusted. The check calls
 * nothing the code under test can replace.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { watchBuiltins } from "./builtin_watch.ts";
 * const box = { map: () => 1, keep: 2 };
 * const changed = watchBuiltins([["box", box]]);
 * assert.equal(changed(), null);
 * (box as Record<string, unknown>).extra = 3; // a new property is no change
 * assert.equal(changed(), null);
 * box.map = () => 2;
 * assert.equal(changed(), "box.map");
 * ```
 */
export function watchBuiltins(roots: [string, object, string[]?][]): () => string | null {
  const getProto = Object.getPrototypeOf;
  const ownKeys = Reflect.ownKeys;
  const descriptor = Object.getOwnPropertyDescriptor;
  const hasOwn = Object.hasOwn;
  const is = Object.is;
  const text = String;
  const rootNames: string[] = [];
  const rootObjects: object[] = [];
  const protos: unknown[] = [];
  const owners: string[] = [];
  const objects: object[] = [];
  const keys: (string | symbol)[] = [];
  const parts: unknown[] = [];
  for (let r = 0; r < roots.length; r++) {
    const name = roots[r][0];
    const o = roots[r][1];
    rootNames.push(name);
    rootObjects.push(o);
    protos.push(getProto(o));
    // Every own property, or only the listed ones (those present).
    const own = roots[r][2] ?? ownKeys(o);
    for (let k = 0; k < own.length; k++) {
      const d = descriptor(o, own[k]);
      if (d === undefined) continue;
      owners.push(name);
      objects.push(o);
      keys.push(own[k]);
      parts.push(
        hasOwn(d, "value") ? d.value : undefined,
        hasOwn(d, "get") ? d.get : undefined,
        hasOwn(d, "set") ? d.set : undefined,
      );
    }
  }
  const label = (i: number) => {
    const key = keys[i];
    return typeof key === "symbol" ? `${owners[i]}[${text(key)}]` : `${owners[i]}.${key}`;
  };
  return () => {
    for (let i = 0; i < rootObjects.length; i++) {
      if (!is(getProto(rootObjects[i]), protos[i])) return `the prototype of ${rootNames[i]}`;
    }
    for (let i = 0; i < objects.length; i++) {
      const d = descriptor(objects[i], keys[i]);
      if (
        d === undefined ||
        !is(hasOwn(d, "value") ? d.value : undefined, parts[3 * i]) ||
        !is(hasOwn(d, "get") ? d.get : undefined, parts[3 * i + 1]) ||
        !is(hasOwn(d, "set") ? d.set : undefined, parts[3 * i + 2])
      ) return label(i);
    }
    return null;
  };
}
