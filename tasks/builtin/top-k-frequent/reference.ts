export function topKFrequent(words: readonly string[], k: number): string[] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError("k must be a non-negative integer");
  const counts = new Map<string, number>();
  for (const word of words) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const entries = Array.from(counts.entries());
  entries.sort((a, b) => b[1] - a[1]);
  return entries.slice(0, k).map(([word]) => word);
}
