const DIGITS: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
const SYMBOLS: [string, number][] = [
  ["M", 1000],
  ["CM", 900],
  ["D", 500],
  ["CD", 400],
  ["C", 100],
  ["XC", 90],
  ["L", 50],
  ["XL", 40],
  ["X", 10],
  ["IX", 9],
  ["V", 5],
  ["IV", 4],
  ["I", 1],
];

function toRoman(n: number): string {
  let out = "";
  for (const [symbol, value] of SYMBOLS) {
    out += symbol.repeat(Math.floor(n / value));
    n %= value;
  }
  return out;
}

export function fromRoman(text: string): number {
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = DIGITS[text[i]];
    const next = DIGITS[text[i + 1]] ?? 0;
    total += value < next ? -value : value;
  }
  if (total < 1 || total > 3999 || toRoman(total) !== text) {
    throw new RangeError(`invalid Roman numeral: "${text}"`);
  }
  return total;
}
