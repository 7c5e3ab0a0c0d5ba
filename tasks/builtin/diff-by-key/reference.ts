type Item = Record<string, unknown>;
type Diff<T> = { added: T[]; removed: T[]; changed: { key: unknown; before: T; after: T }[] };

function sameFields(a: Item, b: Item): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

export function diffByKey<T extends Item>(
  before: readonly T[],
  after: readonly T[],
  key: string,
): Diff<T> {
  const index = (items: readonly T[]): Map<unknown, T> => {
    const map = new Map<unknown, T>();
    for (const item of items) {
      if (map.has(item[key])) throw new Error(`duplicate key: ${String(item[key])}`);
      map.set(item[key], item);
    }
    return map;
  };
  const old = index(before);
  const now = index(after);
  return {
    added: after.filter((item) => !old.has(item[key])),
    removed: before.filter((item) => !now.has(item[key])),
    changed: after
      .filter((item) => old.has(item[key]) && !sameFields(old.get(item[key]) as T, item))
      .map((item) => ({ key: item[key], before: old.get(item[key]) as T, after: item })),
  };
}
