export interface Cache<V> {
  lookup(key: string): { value: V } | undefined;
  store(key: string, value: V): void;
}

export function memoizeAsync<A extends unknown[], V>(
  fn: (...args: A) => Promise<V>,
  cache: Cache<V>,
  keyOf: (...args: A) => string,
): (...args: A) => Promise<V> {
  const inFlight = new Map<string, Promise<V>>();
  return (...args: A): Promise<V> => {
    const key = keyOf(...args);
    const hit = cache.lookup(key);
    if (hit !== undefined) return Promise.resolve(hit.value);
    const pending = inFlight.get(key);
    if (pending !== undefined) return pending;
    const promise = fn(...args).then(
      (value) => {
        inFlight.delete(key);
        cache.store(key, value);
        return value;
      },
      (error) => {
        inFlight.delete(key);
        throw error;
      },
    );
    inFlight.set(key, promise);
    return promise;
  };
}
