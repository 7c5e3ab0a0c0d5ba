export interface Timer {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export function withTimeout<T>(promise: Promise<T>, ms: number, timer: Timer): Promise<T> {
  if (!Number.isFinite(ms) || ms < 0) {
    return Promise.reject(new RangeError("ms must be a finite number >= 0"));
  }
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const handle = timer.set(() => {
      done = true;
      const error = new Error(`timed out after ${ms} ms`);
      error.name = "TimeoutError";
      reject(error);
    }, ms);
    const settle = (finish: () => void) => {
      if (done) return;
      done = true;
      timer.clear(handle);
      finish();
    };
    promise.then(
      (value) => settle(() => resolve(value)),
      (error) => settle(() => reject(error)),
    );
  });
}
