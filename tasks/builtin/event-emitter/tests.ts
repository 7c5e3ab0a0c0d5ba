import assert from "node:assert/strict";
import { Emitter } from "./solution.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "calls listeners with the emitted arguments": () => {
    const emitter = new Emitter();
    const seen: unknown[][] = [];
    emitter.on("data", (...args: unknown[]) => seen.push(args));
    emitter.emit("data", 1, "two", { three: 3 });
    emitter.emit("data");
    assert.deepEqual(seen, [[1, "two", { three: 3 }], []]);
  },
  "calls listeners in registration order": () => {
    const emitter = new Emitter();
    const order: string[] = [];
    emitter.on("e", () => order.push("a"));
    emitter.once("e", () => order.push("b"));
    emitter.on("e", () => order.push("c"));
    emitter.emit("e");
    assert.deepEqual(order, ["a", "b", "c"]);
  },
  "emit returns the number of listeners called": () => {
    const emitter = new Emitter();
    assert.equal(emitter.emit("nobody"), 0);
    emitter.on("x", () => {});
    emitter.on("x", () => {});
    emitter.on("y", () => {});
    assert.equal(emitter.emit("x"), 2);
    assert.equal(emitter.listenerCount("x"), 2);
    assert.equal(emitter.listenerCount("z"), 0);
  },
  "once listeners run a single time": () => {
    const emitter = new Emitter();
    let count = 0;
    emitter.once("tick", () => count++);
    assert.equal(emitter.emit("tick"), 1);
    assert.equal(emitter.emit("tick"), 0);
    assert.equal(count, 1);
    assert.equal(emitter.listenerCount("tick"), 0);
  },
  "off removes the earliest registration only": () => {
    const emitter = new Emitter();
    const calls: string[] = [];
    const a = () => calls.push("a");
    const b = () => calls.push("b");
    emitter.on("e", a);
    emitter.on("e", b);
    emitter.on("e", a);
    assert.equal(emitter.off("e", a), true);
    emitter.emit("e");
    assert.deepEqual(calls, ["b", "a"]);
    assert.equal(emitter.off("e", a), true);
    assert.equal(emitter.off("e", a), false);
    assert.equal(emitter.off("other", b), false);
    assert.equal(emitter.listenerCount("e"), 1);
  },
  "off also removes once listeners": () => {
    const emitter = new Emitter();
    let called = false;
    const fn = () => (called = true);
    emitter.once("e", fn);
    assert.equal(emitter.off("e", fn), true);
    assert.equal(emitter.emit("e"), 0);
    assert.equal(called, false);
    assert.equal(emitter.off("e", fn), false);
  },
  "the unsubscribe function removes its own registration once": () => {
    const emitter = new Emitter();
    const calls: number[] = [];
    const fn = (n: number) => calls.push(n);
    const first = emitter.on("n", fn);
    emitter.on("n", fn);
    first();
    first();
    emitter.emit("n", 1);
    assert.deepEqual(calls, [1]);
    assert.equal(emitter.listenerCount("n"), 1);
  },
  "listeners added during an emit wait for the next emit": () => {
    const emitter = new Emitter();
    const calls: string[] = [];
    emitter.on("e", () => {
      calls.push("outer");
      emitter.on("e", () => calls.push("inner"));
    });
    assert.equal(emitter.emit("e"), 1);
    assert.deepEqual(calls, ["outer"]);
    assert.equal(emitter.emit("e"), 2);
  },
  "listeners removed during an emit are not called": () => {
    const emitter = new Emitter();
    const calls: string[] = [];
    const late = () => calls.push("late");
    emitter.on("e", () => {
      calls.push("first");
      emitter.off("e", late);
    });
    emitter.on("e", late);
    assert.equal(emitter.emit("e"), 1);
    assert.deepEqual(calls, ["first"]);
  },
  "a once listener that re-emits is not called again": () => {
    const emitter = new Emitter();
    let calls = 0;
    emitter.once("e", () => {
      calls++;
      emitter.emit("e");
    });
    emitter.emit("e");
    assert.equal(calls, 1);
  },
  "events are independent": () => {
    const emitter = new Emitter();
    const calls: string[] = [];
    const fn = (name: string) => calls.push(name);
    emitter.on("a", fn);
    emitter.on("b", fn);
    emitter.off("a", fn);
    emitter.emit("a", "a");
    emitter.emit("b", "b");
    assert.deepEqual(calls, ["b"]);
  },
  "a throwing listener stops the emit and propagates": () => {
    const emitter = new Emitter();
    const calls: string[] = [];
    emitter.once("e", () => {
      throw new Error("boom");
    });
    emitter.on("e", () => calls.push("after"));
    assert.throws(() => emitter.emit("e"), /boom/);
    assert.deepEqual(calls, []);
    assert.equal(emitter.emit("e"), 1);
  },
};
