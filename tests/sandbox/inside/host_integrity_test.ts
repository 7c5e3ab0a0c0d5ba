import assert from "node:assert/strict";
import { changedIntrinsic } from "../../../lib/sandbox/inside/host_integrity.ts";

Deno.test("changedIntrinsic() names a replaced intrinsic, and nothing once it is restored", () => {
  const original = Map.prototype.has;
  try {
    Map.prototype.has = function () {
      return true;
    };
    assert.equal(changedIntrinsic(), "has");
  } finally {
    Map.prototype.has = original;
  }
  assert.equal(changedIntrinsic(), null);
});

Deno.test("changedIntrinsic() names a property added to or removed from a watched object", () => {
  const g = globalThis as Record<string, unknown>;
  g.__assayIntegrityProbe = 1;
  try {
    assert.equal(changedIntrinsic(), "__assayIntegrityProbe");
  } finally {
    delete g.__assayIntegrityProbe;
  }
  assert.equal(changedIntrinsic(), null);
  const descriptor = Object.getOwnPropertyDescriptor(JSON, Symbol.toStringTag)!;
  delete (JSON as unknown as Record<symbol, unknown>)[Symbol.toStringTag];
  try {
    // The first key out of place: the next watched object's first (Reflect's), as before.
    assert.equal(changedIntrinsic(), "defineProperty");
  } finally {
    Object.defineProperty(JSON, Symbol.toStringTag, descriptor);
  }
  assert.equal(changedIntrinsic(), null);
});

Deno.test("changedIntrinsic() sees a property made read-only", () => {
  const descriptor = Object.getOwnPropertyDescriptor(Array.prototype, "at")!;
  Object.defineProperty(Array.prototype, "at", { ...descriptor, writable: false });
  try {
    assert.equal(changedIntrinsic(), "at");
  } finally {
    Object.defineProperty(Array.prototype, "at", descriptor);
  }
  assert.equal(changedIntrinsic(), null);
});
