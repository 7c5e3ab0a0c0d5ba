import { type Clock, systemClock } from "./clock.ts";

export type Loader<T> = (key: string) => Promise<T>;

export interface Fetcher<T> {
  get(key: string): Promise<T>;
}

export interface FetcherOptions {
  ttlMs?: number;
  clock?: Clock;
}

export function createFetcher<T>(load: Loader<T>, options: FetcherOptions = {}): Fetcher<T> {
  const ttlMs = options.ttlMs ?? 0;
  const clock = options.clock ?? systemClock;
  const cache = new Map<string, { value: T; expires: number }>();
  const inflight = new Map<string, Promise<T>>();
  return {
    get(key) {
      const hit = cache.get(key);
      if (hit && clock.now() < hit.expires) return Promise.resolve(hit.value);
      const pending = inflight.get(key);
      if (pending) return pending;
      const promise = load(key).then(
        (value) => {
          inflight.delete(key);
          if (ttlMs > 0) cache.set(key, { value, expires: clock.now() + ttlMs });
          return value;
        },
        (error) => {
          inflight.delete(key);
          throw error;
        },
      );
      inflight.set(key, promise);
      return promise;
    },
  };
}
