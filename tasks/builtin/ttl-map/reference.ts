function checkTtl(ttlMs: number): number {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new RangeError(`invalid TTL: ${ttlMs}`);
  return ttlMs;
}

export class TTLMap<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();
  private readonly defaultTtlMs: number;

  constructor(defaultTtlMs: number, private readonly now: () => number) {
    this.defaultTtlMs = checkTtl(defaultTtlMs);
  }

  set(key: K, value: V, ttlMs: number = this.defaultTtlMs): this {
    this.entries.set(key, { value, expiresAt: this.now() + checkTtl(ttlMs) });
    return this;
  }

  get(key: K): V | undefined {
    return this.live(key)?.value;
  }

  has(key: K): boolean {
    return this.live(key) !== undefined;
  }

  delete(key: K): boolean {
    const existed = this.has(key);
    this.entries.delete(key);
    return existed;
  }

  get size(): number {
    return [...this.entries.keys()].filter((key) => this.has(key)).length;
  }

  private live(key: K): { value: V; expiresAt: number } | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (this.now() < entry.expiresAt) return entry;
    this.entries.delete(key);
    return undefined;
  }
}
