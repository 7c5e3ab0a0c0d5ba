export interface KVStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  keys(): string[];
  remove(key: string): void;
}

export function renamePrefix(store: KVStore, from: string, to: string): number {
  const moving = store.keys().filter((key) => key.startsWith(from));
  const values = moving.map((key) => store.get(key) as string);
  for (const key of moving) store.remove(key);
  moving.forEach((key, i) => store.set(to + key.slice(from.length), values[i]));
  return moving.length;
}
