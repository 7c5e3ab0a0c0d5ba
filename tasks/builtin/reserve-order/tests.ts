import assert from "node:assert/strict";
import { reserveOrder } from "./solution.ts";

/**
 * An inventory with exactly the three declared methods: reading any other member throws,
 * so a call to a method that does not exist fails with a message naming it.
 */
function fakeInventory(stock: Record<string, number>, options: { failRelease?: string[] } = {}) {
  const calls: string[] = [];
  const held = new Map<string, { sku: string; quantity: number }>();
  let inFlight = 0;
  let peak = 0;
  let next = 1;
  const track = async <T>(f: () => T): Promise<T> => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    inFlight--;
    return f();
  };
  const methods = {
    available: (sku: string) => {
      calls.push(`available ${sku}`);
      return track(() => stock[sku] ?? 0);
    },
    reserve: (sku: string, quantity: number) => {
      calls.push(`reserve ${sku} ${quantity}`);
      return track(() => {
        if ((stock[sku] ?? 0) < quantity) throw new Error(`not enough ${sku}`);
        stock[sku] -= quantity;
        const id = `r${next++}`;
        held.set(id, { sku, quantity });
        return id;
      });
    },
    release: (id: string) => {
      calls.push(`release ${id}`);
      return track(() => {
        const h = held.get(id);
        if (!h) throw new Error(`unknown reservation ${id}`);
        if (options.failRelease?.includes(id)) throw new Error(`release ${id} failed`);
        held.delete(id);
        stock[h.sku] += h.quantity;
      });
    },
  };
  const inventory = new Proxy(Object.freeze(methods), {
    get(target, key) {
      if (typeof key === "string" && !(key in target)) {
        if (key === "then") return undefined;
        throw new TypeError(`Inventory has no member "${key}" (it has available, reserve, release)`);
      }
      return Reflect.get(target, key);
    },
  });
  return { inventory, calls, stock, held, peak: () => peak };
}

export const cases: Record<string, () => void | Promise<void>> = {
  "reserves every line and returns the ids in order": async () => {
    const f = fakeInventory({ pen: 10, ink: 5 });
    const ids = await reserveOrder(f.inventory, [{ sku: "pen", quantity: 2 }, { sku: "ink", quantity: 5 }]);
    assert.deepEqual(ids, ["r1", "r2"]);
    assert.deepEqual(f.stock, { pen: 8, ink: 0 });
  },
  "reserves lines one at a time in order": async () => {
    const f = fakeInventory({ a: 1, b: 1, c: 1 });
    await reserveOrder(f.inventory, [{ sku: "c", quantity: 1 }, { sku: "a", quantity: 1 }, { sku: "b", quantity: 1 }]);
    assert.deepEqual(f.calls.filter((c) => c.startsWith("reserve")), ["reserve c 1", "reserve a 1", "reserve b 1"]);
    assert.equal(f.peak(), 1);
  },
  "releases earlier reservations when one fails": async () => {
    const f = fakeInventory({ pen: 10, ink: 1, pad: 3 });
    await assert.rejects(
      reserveOrder(f.inventory, [{ sku: "pen", quantity: 2 }, { sku: "pad", quantity: 3 }, { sku: "ink", quantity: 4 }]),
      /not enough ink/,
    );
    assert.deepEqual(f.stock, { pen: 10, ink: 1, pad: 3 });
    assert.equal(f.held.size, 0);
  },
  "rejects with the reservation's own error": async () => {
    const f = fakeInventory({ pen: 1 });
    let caught: unknown;
    try {
      await reserveOrder(f.inventory, [{ sku: "pen", quantity: 1 }, { sku: "gum", quantity: 1 }]);
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof Error && caught.message === "not enough gum", String(caught));
  },
  "does not check availability first": async () => {
    const f = fakeInventory({ pen: 3 });
    await reserveOrder(f.inventory, [{ sku: "pen", quantity: 3 }]);
    await assert.rejects(reserveOrder(f.inventory, [{ sku: "pen", quantity: 1 }]), /not enough pen/);
    assert.deepEqual(f.calls, ["reserve pen 3", "reserve pen 1"]);
  },
  "releases in reverse order and nothing more": async () => {
    const f = fakeInventory({ a: 1, b: 1, c: 1 });
    await assert.rejects(reserveOrder(f.inventory, [
      { sku: "a", quantity: 1 },
      { sku: "b", quantity: 1 },
      { sku: "c", quantity: 1 },
      { sku: "d", quantity: 1 },
    ]));
    assert.deepEqual(f.calls.slice(4), ["release r3", "release r2", "release r1"]);
  },
  "keeps releasing when a release fails": async () => {
    const f = fakeInventory({ a: 1, b: 1, c: 1 }, { failRelease: ["r2"] });
    await assert.rejects(
      reserveOrder(f.inventory, [{ sku: "a", quantity: 1 }, { sku: "b", quantity: 1 }, { sku: "c", quantity: 1 }, { sku: "x", quantity: 1 }]),
      /not enough x/,
    );
    assert.deepEqual(f.calls.slice(4), ["release r3", "release r2", "release r1"]);
    assert.deepEqual([...f.held.keys()], ["r2"]);
  },
  "a failure on the first line releases nothing": async () => {
    const f = fakeInventory({});
    await assert.rejects(reserveOrder(f.inventory, [{ sku: "a", quantity: 1 }]), /not enough a/);
    assert.deepEqual(f.calls, ["reserve a 1"]);
  },
  "skips lines with quantity 0 and accepts an empty order": async () => {
    const f = fakeInventory({ a: 1 });
    assert.deepEqual(await reserveOrder(f.inventory, []), []);
    assert.deepEqual(await reserveOrder(f.inventory, [{ sku: "a", quantity: 0 }, { sku: "a", quantity: 1 }]), ["r1"]);
    assert.deepEqual(f.calls, ["reserve a 1"]);
  },
  "rejects an invalid quantity before reserving anything": async () => {
    const f = fakeInventory({ a: 5, b: 5 });
    for (const quantity of [-1, 1.5, NaN]) {
      await assert.rejects(reserveOrder(f.inventory, [{ sku: "a", quantity: 1 }, { sku: "b", quantity }]), RangeError);
    }
    assert.deepEqual(f.calls, []);
  },
};
