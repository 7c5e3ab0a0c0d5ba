export interface Product {
  id: number;
  name: string;
}

export function makeStore(count: number): Product[] {
  return Array.from({ length: count }, (_, i) => ({ id: i + 1, name: `product ${i + 1}` }));
}
