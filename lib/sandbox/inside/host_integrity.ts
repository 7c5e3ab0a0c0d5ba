/**
 * The pool host's own integrity: the intrinsics this host and node:assert rely on, snapshot
 * when the host starts and compared after every job. A job that changed one reached the host's
 * realm: its verdict is void and the host stops (pool_host.ts).
 *
 * Not frozen: node's errors assign `name` on instances, which a frozen Error.prototype forbids
 * (the "override mistake"). A change is detected after the job instead, and the host replaced.
 *
 * @module
 */

const StringCtor = String;
const ReflectOwnKeys = Reflect.ownKeys;
const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const ObjectIs = Object.is;

const WATCHED: object[] = [
  globalThis,
  Deno,
  Object,
  Object.prototype,
  Function.prototype,
  Array,
  Array.prototype,
  String.prototype,
  Number.prototype,
  Promise,
  Promise.prototype,
  JSON,
  Reflect,
  Math,
  Map.prototype,
  Set.prototype,
  WeakMap.prototype,
  RegExp.prototype,
  Error,
  Error.prototype,
  Symbol,
  Date.prototype,
];

function snapshot(): unknown[] {
  const out: unknown[] = [];
  for (const target of WATCHED) {
    for (const key of ReflectOwnKeys(target)) {
      const d = ObjectGetOwnPropertyDescriptor(target, key)!;
      out.push(key, d.value, d.get, d.set, d.writable, d.configurable);
    }
  }
  return out;
}

const pristine = snapshot();

/**
 * The first intrinsic found changed since the host started (its key), or null when all are
 * intact.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { changedIntrinsic } from "./host_integrity.ts";
 * assert.equal(changedIntrinsic(), null);
 * ```
 */
export function changedIntrinsic(): string | null {
  // snapshot()'s walk, compared as it goes (no copy: this runs after every job).
  let i = 0;
  for (let t = 0; t < WATCHED.length; t++) {
    const target = WATCHED[t];
    const keys = ReflectOwnKeys(target);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      const d = ObjectGetOwnPropertyDescriptor(target, key)!;
      if (
        i + 6 > pristine.length ||
        !ObjectIs(key, pristine[i]) ||
        !ObjectIs(d.value, pristine[i + 1]) ||
        !ObjectIs(d.get, pristine[i + 2]) ||
        !ObjectIs(d.set, pristine[i + 3]) ||
        !ObjectIs(d.writable, pristine[i + 4]) ||
        !ObjectIs(d.configurable, pristine[i + 5])
      ) return StringCtor(key);
      i += 6;
    }
  }
  return i < pristine.length ? StringCtor(pristine[i]) : null;
}
