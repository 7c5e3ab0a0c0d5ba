export type Primitive = string | number | bigint | boolean | null | undefined;

export function dedupe<T extends Primitive>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  const out: T[] = [];
  for (const value of values) {
    if (seen.has(value)) continue;
    seen.add(value);
    out.push(value);
  }
  return out;
}
