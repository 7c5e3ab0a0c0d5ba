export interface InvoiceLine {
  sku: string;
  quantity: number;
  unitPriceCents: number;
  discountPercent?: number;
}

function divideHalfEven(numerator: number, divisor: number): number {
  const quotient = Math.floor(numerator / divisor);
  const twice = (numerator - quotient * divisor) * 2;
  if (twice < divisor) return quotient;
  if (twice > divisor) return quotient + 1;
  return quotient % 2 === 0 ? quotient : quotient + 1;
}

const isCount = (n: number, min: number, max = Infinity) =>
  Number.isInteger(n) && n >= min && n <= max;

export function invoiceTotals(
  lines: readonly InvoiceLine[],
  taxRateBasisPoints: number,
): { lines: number[]; subtotal: number; tax: number; total: number } {
  if (!isCount(taxRateBasisPoints, 0)) throw new RangeError("invalid tax rate");
  const amounts: number[] = [];
  for (const { sku, quantity, unitPriceCents, discountPercent = 0 } of lines) {
    if (!isCount(quantity, 1) || !isCount(unitPriceCents, 0) || !isCount(discountPercent, 0, 100)) {
      throw new RangeError(`invalid line ${sku}`);
    }
    amounts.push(divideHalfEven(quantity * unitPriceCents * (100 - discountPercent), 100));
  }
  const subtotal = amounts.reduce((sum, amount) => sum + amount, 0);
  const tax = divideHalfEven(subtotal * taxRateBasisPoints, 10_000);
  return { lines: amounts, subtotal, tax, total: subtotal + tax };
}
