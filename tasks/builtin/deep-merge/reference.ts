type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function copy(value: unknown): unknown {
  if (Array.isArray(value)) return [...value];
  if (isPlainObject(value)) return deepMerge(value, {});
  return value;
}

export function deepMerge(target: Plain, source: Plain): Plain {
  const result: Plain = {};
  for (const key of Object.keys(target)) result[key] = copy(target[key]);
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === undefined) continue;
    const current = result[key];
    result[key] = isPlainObject(current) && isPlainObject(value)
      ? deepMerge(current, value)
      : copy(value);
  }
  return result;
}
