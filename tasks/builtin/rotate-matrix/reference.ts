export function rotateMatrix<T>(matrix: readonly (readonly T[])[], turns: number): T[][] {
  if (!Number.isInteger(turns)) throw new RangeError("turns must be an integer");
  let result = matrix.map((row) => [...row]);
  const quarters = ((turns % 4) + 4) % 4;
  for (let k = 0; k < quarters; k++) {
    const rows = result.length;
    const cols = rows === 0 ? 0 : result[0].length;
    const next: T[][] = [];
    for (let c = 0; c < cols; c++) {
      const line: T[] = [];
      for (let r = 0; r < rows; r++) line.push(result[rows - 1 - r][c]);
      next.push(line);
    }
    result = next;
  }
  return result;
}
