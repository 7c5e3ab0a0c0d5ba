const UNITS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** "1h30m" → 5400000 ms; null when the text is not a duration. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  let total = 0;
  let consumed = 0;
  for (const match of trimmed.matchAll(/(\d+)(h|m|s|ms)/g)) {
    total += Number(match[1]) * UNITS[match[2]];
    consumed += match[0].length;
  }
  return consumed > 0 ? total : null;
}
