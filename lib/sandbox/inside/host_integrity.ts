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
  const current = snapshot();
  const n = Math.max(current.length, pristine.length);
  for (let i = 0; i < n; i++) {
    if (!ObjectIs(current[i], pristine[i])) {
      return StringCtor(current[i - (i % 6)] ?? pristine[i - (i % 6)]);
    }
  }
  return null;
}
