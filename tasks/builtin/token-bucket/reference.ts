export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly now: () => number,
  ) {
    if (!Number.isFinite(capacity) || capacity <= 0) throw new RangeError("invalid capacity");
    if (!Number.isFinite(refillPerSecond) || refillPerSecond < 0) {
      throw new RangeError("invalid refill rate");
    }
    this.tokens = capacity;
    this.last = now();
  }

  available(): number {
    this.refill();
    return this.tokens;
  }

  tryTake(count = 1): boolean {
    if (!(count > 0)) throw new RangeError("count must be positive");
    this.refill();
    if (count > this.tokens) return false;
    this.tokens -= count;
    return true;
  }

  private refill(): void {
    const time = Math.max(this.now(), this.last);
    const earned = ((time - this.last) * this.refillPerSecond) / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + earned);
    this.last = time;
  }
}
