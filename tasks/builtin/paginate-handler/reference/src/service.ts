import type { Product } from "./store.ts";

export function listProducts(store: readonly Product[]): Product[] {
  return store.map((p) => ({ ...p }));
}

export interface Page {
  items: Product[];
  total: number;
}

export function listPage(store: readonly Product[], offset: number, limit: number): Page {
  return { items: store.slice(offset, offset + limit).map((p) => ({ ...p })), total: store.length };
}
