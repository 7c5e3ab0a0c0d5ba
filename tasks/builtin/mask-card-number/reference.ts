export function maskCard(input: string): string {
  if (/[^0-9 -]/.test(input)) throw new RangeError(`invalid character in "${input}"`);
  const digits = input.replace(/[^0-9]/g, "").length;
  if (digits < 12 || digits > 19) throw new RangeError(`expected 12 to 19 digits, got ${digits}`);
  const keepFirst = digits >= 16 ? 6 : 0;
  let seen = 0;
  let out = "";
  for (const ch of input) {
    if (ch === " " || ch === "-") {
      out += ch;
      continue;
    }
    seen++;
    out += seen <= keepFirst || seen > digits - 4 ? ch : "*";
  }
  return out;
}
