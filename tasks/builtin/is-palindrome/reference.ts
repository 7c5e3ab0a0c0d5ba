export function isPalindrome(text: string): boolean {
  const chars: string[] = [];
  for (const ch of text.toLowerCase()) {
    if (!/[\p{L}\p{N}]/u.test(ch)) continue;
    chars.push(ch);
  }
  let reversed = "";
  for (let i = chars.length - 1; i >= 0; i--) {
    reversed = reversed + chars[i];
  }
  return reversed === chars.join("");
}
