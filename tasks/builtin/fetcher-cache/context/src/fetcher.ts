export type Loader<T> = (key: string) => Promise<T>;

export interface Fetcher<T> {
  get(key: string): Promise<T>;
}

export function createFetcher<T>(load: Loader<T>): Fetcher<T> {
  return {
    get: (key) => load(key),
  };
}
