import { findRule } from "./discounts.ts";
import { percentOf } from "./money.ts";

export interface Line {
  sku: string;
  unitCents: number;
  qty: number;
}

export function subtotal(lines: Line[]): number {
  let total = 0;
  for (const line of lines) total += line.unitCents * line.qty;
  return total;
}

export function discountFor(lines: Line[], code?: string): number {
  if (code === undefined) return 0;
  const rule = findRule(code);
  if (!rule) return 0;
  const sub = subtotal(lines);
  if (sub < rule.minSubtotal) return 0;
  const discount = percentOf(sub, rule.percent);
  if (rule.maxCents !== undefined && discount > rule.maxCents) return rule.maxCents;
  return discount;
}

export function checkoutTotal(lines: Line[], code?: string): number {
  return subtotal(lines) - discountFor(lines, code);
}
