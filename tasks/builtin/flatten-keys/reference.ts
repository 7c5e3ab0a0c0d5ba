function isContainer(value: unknown): value is Record<string, unknown> {
  if (Array.isArray(value)) return true;
  return typeof value === "object" && value !== null &&
    Object.getPrototypeOf(value) === Object.prototype;
}

export function flattenKeys(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (value: unknown, path: string): void => {
    const keys = isContainer(value) ? Object.keys(value) : [];
    if (keys.length === 0) out[path] = value;
    for (const key of keys) walk((value as Record<string, unknown>)[key], `${path}.${key}`);
  };
  for (const key of Object.keys(input)) walk(input[key], key);
  return out;
}
