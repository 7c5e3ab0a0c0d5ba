export function isValidIPv4(address: string): boolean {
  const parts = address.split(".");
  if (parts.length !== 4) return false;
  for (const part of parts) {
    if (!/^[0-9]+$/.test(part)) return false;
    if (part.length > 1 && part[0] === "0") return false;
    if (Number(part) > 255) return false;
  }
  return true;
}
