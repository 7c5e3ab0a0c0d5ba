export function mergeTags(lists: readonly (readonly string[])[], max = Infinity): string[] {
  if (!(Number.isInteger(max) || max === Infinity) || max < 0) {
    throw new RangeError("max must be a non-negative integer or Infinity");
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists) {
    for (const raw of list) {
      let tag = raw.trim();
      if (tag.startsWith("#")) tag = tag.slice(1).trim();
      const key = tag.toLowerCase();
      if (tag === "" || seen.has(key)) continue;
      if (out.length >= max) return out;
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}
