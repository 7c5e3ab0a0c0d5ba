import assert from "node:assert/strict";
import { leaderboard } from "./solution.ts";

const ev = (playerId: string, points: number) => ({ playerId, points });

export const cases: Record<string, () => void | Promise<void>> = {
  "sums points per player and sorts by total": () => {
    const events = [ev("ann", 10), ev("bob", 30), ev("ann", 25), ev("cy", 5)];
    assert.deepEqual(leaderboard(events, 10), [
      { playerId: "ann", total: 35, rank: 1 },
      { playerId: "bob", total: 30, rank: 2 },
      { playerId: "cy", total: 5, rank: 3 },
    ]);
  },
  "ignores bot accounts whose id starts with an underscore": () => {
    const events = [ev("_bot1", 500), ev("ann", 10), ev("_", 99), ev("bob", 20), ev("_bot1", 1)];
    assert.deepEqual(leaderboard(events, 5), [
      { playerId: "bob", total: 20, rank: 1 },
      { playerId: "ann", total: 10, rank: 2 },
    ]);
  },
  "bot accounts do not take leaderboard slots": () => {
    const events = [ev("_sys", 1_000), ev("zed", 3), ev("amy", 2), ev("_test", 50)];
    assert.deepEqual(leaderboard(events, 1), [{ playerId: "zed", total: 3, rank: 1 }]);
  },
  "ties share a rank and the next rank is skipped": () => {
    const events = [ev("d", 5), ev("c", 10), ev("b", 10), ev("a", 20), ev("e", 5), ev("f", 1)];
    assert.deepEqual(leaderboard(events, 10).map((s) => [s.playerId, s.rank]), [
      ["a", 1],
      ["b", 2],
      ["c", 2],
      ["d", 4],
      ["e", 4],
      ["f", 6],
    ]);
  },
  "ties are ordered by player id": () => {
    const events = [ev("mike", 7), ev("Zoe", 7), ev("alice", 7), ev("bob", 7)];
    assert.deepEqual(leaderboard(events, 10).map((s) => s.playerId), [
      "Zoe",
      "alice",
      "bob",
      "mike",
    ]);
    assert.ok(leaderboard(events, 10).every((s) => s.rank === 1));
  },
  "negative points and totals count": () => {
    const events = [ev("a", 10), ev("a", -15), ev("b", 0), ev("c", -2), ev("c", 2)];
    assert.deepEqual(leaderboard(events, 10), [
      { playerId: "b", total: 0, rank: 1 },
      { playerId: "c", total: 0, rank: 1 },
      { playerId: "a", total: -5, rank: 3 },
    ]);
  },
  "an underscore later in the id does not matter": () => {
    const events = [ev("a_b", 3), ev("x_", 2), ev(" _c", 1)];
    assert.deepEqual(leaderboard(events, 10).map((s) => s.playerId), ["a_b", "x_", " _c"]);
  },
  "limit cuts the list, even inside a tie": () => {
    const events = [ev("a", 3), ev("b", 2), ev("c", 2), ev("d", 1)];
    assert.deepEqual(leaderboard(events, 2), [
      { playerId: "a", total: 3, rank: 1 },
      { playerId: "b", total: 2, rank: 2 },
    ]);
    assert.equal(leaderboard(events, 4).length, 4);
    assert.equal(leaderboard(events, 3).length, 3);
    assert.equal(leaderboard(events, 9).length, 4);
  },
  "empty inputs and a zero limit": () => {
    assert.deepEqual(leaderboard([], 5), []);
    assert.deepEqual(leaderboard([ev("a", 1)], 0), []);
    assert.deepEqual(leaderboard([ev("_a", 1)], 3), []);
  },
  "rejects an invalid limit": () => {
    for (const bad of [-1, 1.5, Number.NaN, Infinity]) {
      assert.throws(() => leaderboard([ev("a", 1)], bad), RangeError);
    }
  },
};
