export function truncateWords(text: string, maxLength: number): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new RangeError("maxLength must be a positive integer");
  }
  const chars = Array.from(text);
  if (chars.length <= maxLength) return text;
  const limit = maxLength - 1;
  let cut = 0;
  for (let i = 1; i <= limit; i++) {
    if (/\s/.test(chars[i]) && !/\s/.test(chars[i - 1])) cut = i;
  }
  if (cut === 0) cut = limit;
  return chars.slice(0, cut).join("") + "…";
}
