const decode = (text: string): string => decodeURIComponent(text.split("+").join(" "));

export function parseQuery(query: string): Record<string, string | string[]> {
  const values = new Map<string, string[]>();
  const text = query.startsWith("?") ? query.slice(1) : query;
  for (const part of text.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? "" : decode(part.slice(eq + 1));
    const list = values.get(key) ?? [];
    list.push(value);
    values.set(key, list);
  }
  return Object.fromEntries(
    [...values].map(([key, list]) => [key, list.length === 1 ? list[0] : list]),
  );
}
