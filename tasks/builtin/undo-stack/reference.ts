type Operation<T> = { kind: "push" | "pop"; item: T };

export class UndoStack<T> {
  private items: T[] = [];
  private history: Operation<T>[] = [];

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    this.items.push(item);
    this.history.push({ kind: "push", item });
  }

  pop(): T | undefined {
    if (this.items.length === 0) return undefined;
    const item = this.items.pop() as T;
    this.history.push({ kind: "pop", item });
    return item;
  }

  peek(): T | undefined {
    return this.items[this.items.length - 1];
  }

  toArray(): T[] {
    return this.items.slice();
  }

  undo(): boolean {
    const op = this.history.pop();
    if (op === undefined) return false;
    if (op.kind === "push") this.items.pop();
    else this.items.push(op.item);
    return true;
  }
}
