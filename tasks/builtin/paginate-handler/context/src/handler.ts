import { listProducts } from "./service.ts";
import type { Product } from "./store.ts";

export interface Response {
  status: number;
  body: unknown;
}

export function handleList(store: readonly Product[], _query: Record<string, string>): Response {
  return { status: 200, body: { items: listProducts(store) } };
}
