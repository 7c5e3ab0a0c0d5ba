export function longestUniqueRun(text: string): string {
  const chars = Array.from(text);
  const lastSeen = new Map<string, number>();
  let start = 0;
  let bestStart = 0;
  let bestLength = 0;
  for (let i = 0; i < chars.length; i++) {
    const previous = lastSeen.get(chars[i]);
    if (previous !== undefined && previous >= start) start = previous + 1;
    lastSeen.set(chars[i], i);
    if (i - start + 1 > bestLength) {
      bestLength = i - start + 1;
      bestStart = start;
    }
  }
  return chars.slice(bestStart, bestStart + bestLength).join("");
}
