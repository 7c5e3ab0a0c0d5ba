export function isPalindrome(text: string): boolean {
  const chars: string[] = [];
  for (const ch of text.toLowerCase()) {
    if (/[\p{L}\p{N}]/u.test(ch)) chars.push(ch);
  }
  let left = 0;
  let right = chars.length - 1;
  while (left < right) {
    if (chars[left] !== chars[right]) return false;
    left = left + 1;
    right = right - 1;
  }
  return true;
}
