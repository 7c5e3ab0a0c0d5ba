export interface Scheduler {
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  cancel(): void;
  flush(): void;
  pending(): boolean;
}

export function debounce<A extends unknown[]>(
  fn: (...args: A) => void,
  waitMs: number,
  scheduler: Scheduler,
): Debounced<A> {
  if (!Number.isFinite(waitMs) || waitMs < 0) throw new RangeError("invalid waitMs");
  let timer: number | undefined;
  let lastArgs: A | undefined;
  const run = () => {
    const args = lastArgs as A;
    timer = undefined;
    lastArgs = undefined;
    fn(...args);
  };
  const cancel = () => {
    if (timer !== undefined) scheduler.clearTimeout(timer);
    timer = undefined;
    lastArgs = undefined;
  };
  const debounced = (...args: A) => {
    if (timer !== undefined) scheduler.clearTimeout(timer);
    lastArgs = args;
    timer = scheduler.setTimeout(run, waitMs);
  };
  const flush = () => {
    if (timer === undefined) return;
    scheduler.clearTimeout(timer);
    run();
  };
  return Object.assign(debounced, { cancel, flush, pending: () => timer !== undefined });
}
