export interface Order {
  id: string;
  customer: string;
  amountCents: number;
  status: "paid" | "pending" | "refunded";
}

export interface CustomerTotal {
  customer: string;
  orders: number;
  totalCents: number;
}

export function customerTotals(orders: readonly Order[]): CustomerTotal[] {
  for (const order of orders) {
    if (!Number.isInteger(order.amountCents) || order.amountCents < 0) {
      throw new RangeError(`order "${order.id}": amountCents must be a non-negative integer`);
    }
  }
  const seenIds = new Set<string>();
  const rows = new Map<string, CustomerTotal>();
  for (const order of orders) {
    if (seenIds.has(order.id)) continue;
    seenIds.add(order.id);
    if (order.status === "pending") continue;
    const row = rows.get(order.customer) ?? { customer: order.customer, orders: 0, totalCents: 0 };
    row.orders++;
    row.totalCents += order.status === "refunded" ? -order.amountCents : order.amountCents;
    rows.set(order.customer, row);
  }
  return [...rows.values()].sort((a, b) =>
    b.totalCents - a.totalCents || (a.customer < b.customer ? -1 : 1)
  );
}
