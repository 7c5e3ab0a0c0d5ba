export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface PageSource<T> {
  fetchPage(cursor: string | null): Promise<Page<T>>;
}

export async function collectPages<T>(source: PageSource<T>, limit: number): Promise<T[]> {
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError("invalid limit");
  const out: T[] = [];
  const fetched = new Set<string | null>();
  let cursor: string | null = null;
  while (out.length < limit) {
    if (fetched.has(cursor)) throw new Error(`cursor cycle at "${cursor}"`);
    fetched.add(cursor);
    const page: Page<T> = await source.fetchPage(cursor);
    out.push(...page.items.slice(0, limit - out.length));
    if (page.next === null) return out;
    cursor = page.next;
  }
  return out;
}
