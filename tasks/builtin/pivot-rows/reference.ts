export function pivot(
  rows: readonly Record<string, unknown>[],
  rowKey: string,
  columnKey: string,
  valueKey: string,
): Record<string, unknown>[] {
  const columns: string[] = [];
  const groups = new Map<unknown, Map<string, number>>();
  for (const row of rows) {
    const value = row[valueKey];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new TypeError(`"${valueKey}" must be a finite number`);
    }
    const column = String(row[columnKey]);
    if (!columns.includes(column)) columns.push(column);
    const cells = groups.get(row[rowKey]) ?? new Map<string, number>();
    cells.set(column, (cells.get(column) ?? 0) + value);
    groups.set(row[rowKey], cells);
  }
  return [...groups].map(([key, cells]) => {
    const out: Record<string, unknown> = { [rowKey]: key };
    for (const column of columns) out[column] = cells.has(column) ? cells.get(column) : null;
    return out;
  });
}
