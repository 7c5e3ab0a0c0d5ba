export interface BlobInfo {
  size: number;
  modifiedAt: number;
}

export interface BlobStore {
  list(prefix: string, options: { after?: string; limit: number }): Promise<string[]>;
  head(key: string): Promise<BlobInfo | null>;
  delete(key: string): Promise<boolean>;
}

export async function pruneBlobs(
  store: BlobStore,
  prefix: string,
  olderThan: number,
): Promise<{ deleted: string[]; freedBytes: number }> {
  const deleted: string[] = [];
  let freedBytes = 0;
  let after: string | undefined = undefined;
  for (;;) {
    const page: string[] = await store.list(prefix, after === undefined ? { limit: 100 } : { after, limit: 100 });
    for (const key of page) {
      const info = await store.head(key);
      if (info === null || info.modifiedAt >= olderThan) continue;
      if (await store.delete(key)) {
        deleted.push(key);
        freedBytes += info.size;
      }
    }
    if (page.length < 100) break;
    after = page[page.length - 1];
  }
  return { deleted, freedBytes };
}
