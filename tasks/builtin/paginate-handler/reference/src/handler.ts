import { listPage } from "./service.ts";
import type { Product } from "./store.ts";

export interface Response {
  status: number;
  body: unknown;
}

function positive(raw: string | undefined, fallback: number): number | null {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 ? n : null;
}

export function handleList(store: readonly Product[], query: Record<string, string>): Response {
  const page = positive(query.page, 1);
  const pageSize = positive(query.pageSize, 20);
  if (page === null) return { status: 400, body: { error: "invalid page" } };
  if (pageSize === null || pageSize > 100) return { status: 400, body: { error: "invalid pageSize" } };
  const { items, total } = listPage(store, (page - 1) * pageSize, pageSize);
  return { status: 200, body: { items, page, pageSize, total, hasNext: page * pageSize < total } };
}
