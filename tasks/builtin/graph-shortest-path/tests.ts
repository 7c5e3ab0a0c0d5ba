import assert from "node:assert/strict";
import { shortestPath } from "./solution.ts";

/** A graph with exactly the one declared method; each node may be expanded only once. */
function strictGraph(edges: Record<string, string[]>) {
  const calls: string[] = [];
  const graph = Object.freeze({
    neighbors(node: string): readonly string[] {
      if (calls.includes(node)) throw new Error(`neighbors("${node}") called twice`);
      calls.push(node);
      return Object.freeze([...(edges[node] ?? [])]);
    },
  });
  return { graph, calls };
}

const city: Record<string, string[]> = {
  home: ["park", "shop"],
  park: ["home", "lake"],
  shop: ["home", "station"],
  lake: ["park", "station"],
  station: ["shop", "lake", "airport"],
  airport: ["station"],
};

export const cases: Record<string, () => void | Promise<void>> = {
  "finds a shortest path": () => {
    const { graph } = strictGraph(city);
    assert.deepEqual(shortestPath(graph, "home", "airport"), [
      "home",
      "shop",
      "station",
      "airport",
    ]);
  },
  "returns null when the goal is unreachable": () => {
    const { graph } = strictGraph({ a: ["b"], b: ["a"], c: ["a"] });
    assert.equal(shortestPath(graph, "a", "c"), null);
  },
  "prefers fewer edges over earlier neighbors": () => {
    const { graph } = strictGraph({ s: ["a", "g2"], a: ["b"], b: ["g"], g2: ["g"] });
    assert.deepEqual(shortestPath(graph, "s", "g"), ["s", "g2", "g"]);
  },
  "breaks ties by neighbor order": () => {
    const one = strictGraph({ a: ["b", "c"], b: ["d"], c: ["d"] });
    assert.deepEqual(shortestPath(one.graph, "a", "d"), ["a", "b", "d"]);
    const two = strictGraph({ a: ["c", "b"], b: ["d"], c: ["d"] });
    assert.deepEqual(shortestPath(two.graph, "a", "d"), ["a", "c", "d"]);
  },
  "expands each node at most once in a cyclic graph": () => {
    const { graph, calls } = strictGraph({
      a: ["b", "c", "a"],
      b: ["a", "c", "b"],
      c: ["a", "b", "d"],
      d: ["c", "e"],
    });
    assert.deepEqual(shortestPath(graph, "a", "e"), ["a", "c", "d", "e"]);
    assert.deepEqual(calls, ["a", "b", "c", "d"]);
  },
  "the start is also the goal": () => {
    const { graph, calls } = strictGraph({ a: ["b"] });
    assert.deepEqual(shortestPath(graph, "a", "a"), ["a"]);
    assert.deepEqual(shortestPath(graph, "a", "a", 0), ["a"]);
    assert.deepEqual(calls, []);
  },
  "maxDepth limits the number of edges": () => {
    const chain = { a: ["b"], b: ["c"], c: ["d"], d: [] };
    assert.deepEqual(shortestPath(strictGraph(chain).graph, "a", "d", 3), ["a", "b", "c", "d"]);
    assert.equal(shortestPath(strictGraph(chain).graph, "a", "d", 2), null);
    assert.deepEqual(shortestPath(strictGraph(chain).graph, "a", "b", 1), ["a", "b"]);
    const zero = strictGraph(chain);
    assert.equal(shortestPath(zero.graph, "a", "b", 0), null);
    assert.deepEqual(zero.calls, []);
  },
  "nodes without neighbors are dead ends": () => {
    const { graph } = strictGraph({ a: ["x", "b"], b: ["c"] });
    assert.deepEqual(shortestPath(graph, "a", "c"), ["a", "b", "c"]);
    assert.equal(shortestPath(strictGraph({}).graph, "lonely", "other"), null);
  },
  "rejects an invalid maxDepth": () => {
    const { graph, calls } = strictGraph(city);
    for (const bad of [-1, 1.5, Number.NaN, -Infinity]) {
      assert.throws(() => shortestPath(graph, "home", "airport", bad), RangeError);
    }
    assert.throws(() => shortestPath(graph, "home", "home", -1), RangeError);
    assert.deepEqual(calls, []);
  },
};
