import type { Product } from "./store.ts";

export function listProducts(store: readonly Product[]): Product[] {
  return store.map((p) => ({ ...p }));
}
