export interface Inventory {
  available(sku: string): Promise<number>;
  reserve(sku: string, quantity: number): Promise<string>;
  release(reservationId: string): Promise<void>;
}

export interface OrderLine {
  sku: string;
  quantity: number;
}

export async function reserveOrder(
  inventory: Inventory,
  lines: readonly OrderLine[],
): Promise<string[]> {
  for (const line of lines) {
    if (!Number.isInteger(line.quantity) || line.quantity < 0) {
      throw new RangeError(`line "${line.sku}": quantity must be a non-negative integer`);
    }
  }
  const ids: string[] = [];
  for (const line of lines) {
    if (line.quantity === 0) continue;
    try {
      ids.push(await inventory.reserve(line.sku, line.quantity));
    } catch (error) {
      for (const id of ids.reverse()) {
        try {
          await inventory.release(id);
        } catch {
          // keep releasing the others; the reservation error is what the caller needs
        }
      }
      throw error;
    }
  }
  return ids;
}
