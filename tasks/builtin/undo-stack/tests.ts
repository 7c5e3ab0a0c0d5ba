import assert from "node:assert/strict";
import { UndoStack } from "./solution.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "pops in last-in first-out order": () => {
    const stack = new UndoStack<number>();
    stack.push(1);
    stack.push(2);
    stack.push(3);
    assert.equal(stack.pop(), 3);
    assert.equal(stack.pop(), 2);
    assert.equal(stack.size, 1);
  },
  "peek returns the top without removing it": () => {
    const stack = new UndoStack<string>();
    stack.push("a");
    stack.push("b");
    assert.equal(stack.peek(), "b");
    assert.equal(stack.size, 2);
    assert.deepEqual(stack.toArray(), ["a", "b"]);
  },
  "undo reverts a push": () => {
    const stack = new UndoStack<number>();
    stack.push(1);
    stack.push(2);
    assert.equal(stack.undo(), true);
    assert.deepEqual(stack.toArray(), [1]);
    assert.equal(stack.peek(), 1);
  },
  "undo restores a popped item": () => {
    const stack = new UndoStack<number>();
    stack.push(1);
    stack.push(2);
    stack.pop();
    assert.equal(stack.undo(), true);
    assert.deepEqual(stack.toArray(), [1, 2]);
    assert.equal(stack.size, 2);
  },
  "undoes several operations in reverse order": () => {
    const stack = new UndoStack<string>();
    stack.push("a");
    stack.push("b");
    stack.pop();
    stack.push("c");
    stack.pop();
    stack.pop();
    assert.deepEqual(stack.toArray(), []);
    const states: string[][] = [];
    while (stack.undo()) states.push(stack.toArray());
    assert.deepEqual(states, [["a"], ["a", "c"], ["a"], ["a", "b"], ["a"], []]);
  },
  "undo on a fresh stack returns false": () => {
    const stack = new UndoStack<number>();
    assert.equal(stack.undo(), false);
    assert.equal(stack.size, 0);
  },
  "undo returns false once history is exhausted": () => {
    const stack = new UndoStack<number>();
    stack.push(1);
    assert.equal(stack.undo(), true);
    assert.equal(stack.undo(), false);
    assert.deepEqual(stack.toArray(), []);
  },
  "pop on an empty stack is not recorded": () => {
    const stack = new UndoStack<number>();
    stack.push(7);
    stack.pop();
    assert.equal(stack.pop(), undefined);
    assert.equal(stack.pop(), undefined);
    assert.equal(stack.undo(), true);
    assert.deepEqual(stack.toArray(), [7]);
    assert.equal(stack.undo(), true);
    assert.deepEqual(stack.toArray(), []);
    assert.equal(stack.undo(), false);
  },
  "peek on an empty stack returns undefined": () => {
    const stack = new UndoStack<number>();
    assert.equal(stack.peek(), undefined);
    stack.push(0);
    assert.equal(stack.peek(), 0);
  },
  "toArray returns a bottom-to-top copy": () => {
    const stack = new UndoStack<number>();
    stack.push(1);
    stack.push(2);
    const snapshot = stack.toArray();
    assert.deepEqual(snapshot, [1, 2]);
    snapshot.push(99);
    snapshot.reverse();
    assert.deepEqual(stack.toArray(), [1, 2]);
    assert.equal(stack.size, 2);
  },
  "undo restores the identical popped object": () => {
    const stack = new UndoStack<{ id: number }>();
    const item = { id: 1 };
    stack.push(item);
    stack.pop();
    stack.undo();
    assert.equal(stack.peek(), item);
  },
};
