export function groupBy<T, K>(
  items: readonly T[],
  keyFn: (item: T, index: number) => K,
): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (let i = 0; i < items.length; i++) {
    const key = keyFn(items[i], i);
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, [items[i]]);
    } else {
      group.push(items[i]);
    }
  }
  return groups;
}
