import assert from "node:assert/strict";
import { trackLogins } from "./src/audit.ts";
import { EventBus } from "./src/bus.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "emit calls handlers in subscription order": () => {
    const bus = new EventBus();
    const seen: string[] = [];
    bus.on("e", (p) => seen.push(`a${p}`));
    bus.on("e", (p) => seen.push(`b${p}`));
    assert.equal(bus.emit("e", 1), 2);
    assert.deepEqual(seen, ["a1", "b1"]);
    assert.equal(bus.emit("none"), 0);
  },
  "on returns a function that unsubscribes": () => {
    const bus = new EventBus();
    const seen: unknown[] = [];
    const stop = bus.on("e", (p) => seen.push(p));
    bus.emit("e", 1);
    assert.equal(stop(), true);
    assert.equal(bus.emit("e", 2), 0);
    assert.deepEqual(seen, [1]);
  },
  "unsubscribing twice is a no-op": () => {
    const bus = new EventBus();
    const stop = bus.on("e", () => {});
    assert.equal(stop(), true);
    assert.equal(stop(), false);
    const h = () => {};
    const again = bus.on("e", h);
    again();
    bus.on("e", h);
    assert.equal(again(), false, "a spent unsubscribe does not remove a later registration");
    assert.equal(bus.emit("e"), 1);
    const other = bus.on("f", h);
    bus.on("f", () => {});
    bus.off("f", h);
    assert.equal(other(), false, "already removed by off");
    assert.equal(bus.emit("f"), 1);
  },
  "off removes one registration of a handler": () => {
    const bus = new EventBus();
    let n = 0;
    const h = () => n++;
    bus.on("e", h);
    bus.on("e", h);
    assert.equal(bus.off("e", h), true);
    assert.equal(bus.emit("e"), 1);
    assert.equal(n, 1);
    assert.equal(bus.off("e", h), true);
    assert.equal(bus.off("e", h), false);
    assert.equal(bus.off("other", h), false);
  },
  "unsubscribing during emit does not skip the other handlers": () => {
    const bus = new EventBus();
    const seen: string[] = [];
    const stopA = bus.on("e", () => {
      seen.push("a");
      stopA();
    });
    bus.on("e", () => seen.push("b"));
    bus.on("e", () => seen.push("c"));
    bus.emit("e");
    bus.emit("e");
    assert.deepEqual(seen, ["a", "b", "c", "b", "c"]);
  },
  "a handler subscribed during emit runs from the next emit": () => {
    const bus = new EventBus();
    const seen: string[] = [];
    bus.on("e", () => {
      seen.push("a");
      if (seen.length === 1) bus.on("e", () => seen.push("late"));
    });
    assert.equal(bus.emit("e"), 1);
    bus.emit("e");
    assert.deepEqual(seen, ["a", "a", "late"]);
  },
  "each unsubscribe removes its own registration": () => {
    const bus = new EventBus();
    const seen: string[] = [];
    const h = () => seen.push("h");
    const first = bus.on("e", h);
    bus.on("e", () => seen.push("x"));
    bus.on("e", h);
    first();
    bus.emit("e");
    assert.deepEqual(seen, ["x", "h"]);
  },
  "trackLogins returns a stop function": () => {
    const bus = new EventBus();
    const log: string[] = [];
    const stop = trackLogins(bus, log);
    bus.emit("login", "ada");
    bus.emit("logout", "ada");
    stop();
    bus.emit("login", "lin");
    assert.deepEqual(log, ["login ada", "logout ada"]);
    assert.equal(bus.emit("logout", "x"), 0);
  },
};
