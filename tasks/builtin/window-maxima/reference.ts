export function windowMaxima(values: readonly number[], k: number): number[] {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`window size must be a positive integer, got ${k}`);
  const out: number[] = [];
  const deque = new Int32Array(values.length);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < values.length; i++) {
    while (tail > head && values[deque[tail - 1]] <= values[i]) tail--;
    deque[tail++] = i;
    if (deque[head] <= i - k) head++;
    if (i >= k - 1) out.push(values[deque[head]]);
  }
  return out;
}
