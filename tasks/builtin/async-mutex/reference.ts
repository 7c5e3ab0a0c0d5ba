export class Mutex {
  private locked = false;
  private readonly waiters: (() => void)[] = [];

  get isLocked(): boolean {
    return this.locked;
  }

  lock(): Promise<() => void> {
    return new Promise((resolve) => {
      const grant = () => resolve(this.releaser());
      if (this.locked) this.waiters.push(grant);
      else {
        this.locked = true;
        grant();
      }
    });
  }

  tryLock(): (() => void) | null {
    if (this.locked) return null;
    this.locked = true;
    return this.releaser();
  }

  async runExclusive<T>(fn: () => T | Promise<T>): Promise<T> {
    const release = await this.lock();
    try {
      return await fn();
    } finally {
      release();
    }
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next === undefined) this.locked = false;
      else next();
    };
  }
}
