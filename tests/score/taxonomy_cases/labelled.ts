/**
 * Hand-written wrong programs for the fixture tasks (tasks/builtin, data/fixtures/suite-tiny),
 * each labelled with the failure category a person assigns after reading the code and the task.
 * The labels were written before running the classifier; a few cases are hard on purpose
 * (wrong argument order is interface drift no runtime signal reveals).
 *
 * @module
 */
import type { FailureCategory } from "../../../lib/record/failure.ts";

/** One labelled wrong program. */
export interface LabelledCase {
  /** Task id (a folder of tasks/builtin or data/fixtures/suite-tiny). */
  task: string;
  /** The category a person assigns. */
  label: FailureCategory;
  /** What is wrong, in a few words. */
  note: string;
  /** The candidate code; null when nothing was extracted. */
  code: string | null;
}

/** The labelled cases (at least 50). */
export const LABELLED: LabelledCase[] = [
  // ── no_code ──────────────────────────────────────────────────────────────
  {
    task: "chunk",
    label: "no_code",
    note: "refusal in prose",
    code: "I'm sorry, but I can't help with writing that function.",
  },
  { task: "clamp", label: "no_code", note: "nothing extracted", code: null },
  {
    task: "sum-evens",
    label: "no_code",
    note: "an explanation instead of code",
    code:
      "As an AI language model, I cannot run code, but you can sum the even numbers by filtering the array and adding them up.",
  },
  { task: "is-palindrome", label: "no_code", note: "empty answer", code: "\n\n" },
  // ── syntax ───────────────────────────────────────────────────────────────
  {
    task: "chunk",
    label: "syntax",
    note: "answer cut off mid-loop",
    code: `export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError("size");
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size`,
  },
  {
    task: "merge-intervals",
    label: "syntax",
    note: "answered in Python",
    code: `def mergeIntervals(intervals):
    intervals.sort(key=lambda x: x[0])
    merged = []
    for start, end in intervals:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
`,
  },
  {
    task: "clamp",
    label: "syntax",
    note: "missing closing parenthesis",
    code: `export function clamp(x: number, lo: number, hi: number): number {
  if (lo > hi) throw new RangeError("lo > hi");
  if (x < lo return lo;
  if (x > hi) return hi;
  return x;
}
`,
  },
  {
    task: "is-palindrome",
    label: "syntax",
    note: "unterminated string literal",
    code: `export function isPalindrome(text: string): boolean {
  const s = text.toLowerCase().replace(/[^\\p{L}\\p{N}]/gu, "");
  return s === [...s].reverse().join(');
}
`,
  },
  {
    task: "search-insert",
    label: "syntax",
    note: "markdown fence left in the code",
    code:
      "```typescript\nexport function searchInsert(sorted: number[], target: number): number {\n" +
      "  let lo = 0, hi = sorted.length;\n  while (lo < hi) {\n    const mid = (lo + hi) >> 1;\n" +
      "    if (sorted[mid] < target) lo = mid + 1; else hi = mid;\n  }\n  return lo;\n}\n",
  },
  {
    task: "top-k-frequent",
    label: "syntax",
    note: "the same let declared twice",
    code: `export function topKFrequent(words: readonly string[], k: number): string[] {
  let counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  let counts = [...counts.entries()];
  return counts.sort((a, b) => b[1] - a[1]).slice(0, k).map(([w]) => w);
}
`,
  },
  // ── wrong_interface ──────────────────────────────────────────────────────
  {
    task: "chunk",
    label: "wrong_interface",
    note: "entry renamed chunkArray",
    code: `export function chunkArray<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError("bad size");
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
`,
  },
  {
    task: "sum-evens",
    label: "wrong_interface",
    note: "default export instead of the named one",
    code: `export default function sumEvens(xs: number[]): number {
  return xs.filter((x) => x % 2 === 0).reduce((a, b) => a + b, 0);
}
`,
  },
  {
    task: "lru-cache",
    label: "wrong_interface",
    note: "class named LruCache",
    code: `export class LruCache<K, V> {
  private map = new Map<K, V>();
  constructor(private capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError("capacity");
  }
  get size() { return this.map.size; }
  has(key: K) { return this.map.has(key); }
  get(key: K): V | undefined {
    if (!this.map.has(key)) return undefined;
    const v = this.map.get(key)!;
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }
  put(key: K, value: V) {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
  }
}
`,
  },
  {
    task: "undo-stack",
    label: "wrong_interface",
    note: "methods named undoLast/top instead of undo/peek",
    code: `export class UndoStack<T> {
  private items: T[] = [];
  private log: Array<() => void> = [];
  get size() { return this.items.length; }
  push(item: T) { this.items.push(item); this.log.push(() => this.items.pop()); }
  pop(): T | undefined {
    if (this.items.length === 0) return undefined;
    const item = this.items.pop() as T;
    this.log.push(() => this.items.push(item));
    return item;
  }
  top(): T | undefined { return this.items[this.items.length - 1]; }
  toArray(): T[] { return [...this.items]; }
  undoLast(): boolean {
    const revert = this.log.pop();
    if (!revert) return false;
    revert();
    return true;
  }
}
`,
  },
  {
    task: "clamp",
    label: "wrong_interface",
    note: "parameters in another order (lo, hi, x)",
    code: `export function clamp(lo: number, hi: number, x: number): number {
  if (lo > hi) throw new RangeError("lo must not exceed hi");
  return Math.min(Math.max(x, lo), hi);
}
`,
  },
  {
    task: "group-by",
    label: "wrong_interface",
    note: "takes one options object instead of two arguments",
    code:
      `export function groupBy<T, K>({ items, keyFn }: { items: readonly T[]; keyFn: (item: T, index: number) => K }): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  items.forEach((item, index) => {
    const key = keyFn(item, index);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  });
  return groups;
}
`,
  },
  {
    task: "compare-semver",
    label: "wrong_interface",
    note: "takes a tuple of two versions",
    code: `export function compareSemver(pair: [string, string]): -1 | 0 | 1 {
  const [a, b] = pair;
  const x = a.split(/[.+-]/).slice(0, 3).map(Number);
  const y = b.split(/[.+-]/).slice(0, 3).map(Number);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return 0;
}
`,
  },
  // ── hallucinated_api ─────────────────────────────────────────────────────
  {
    task: "chunk",
    label: "hallucinated_api",
    note: "Array.prototype.append",
    code: `export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError("size must be positive");
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.append(items.slice(i, i + size));
  }
  return result;
}
`,
  },
  {
    task: "is-palindrome",
    label: "hallucinated_api",
    note: "String.prototype.reverseString",
    code: `export function isPalindrome(text: string): boolean {
  const cleaned = text.toLowerCase().replace(/[^\\p{L}\\p{N}]/gu, "");
  return cleaned === cleaned.reverseString();
}
`,
  },
  {
    task: "top-k-frequent",
    label: "hallucinated_api",
    note: "Array.prototype.sortBy",
    code: `export function topKFrequent(words: readonly string[], k: number): string[] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError("k");
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return Array.from(counts).sortBy(([, count]) => -count).slice(0, k).map(([word]) => word);
}
`,
  },
  {
    task: "sum-evens",
    label: "hallucinated_api",
    note: "Array.prototype.sum",
    code: `const isEven = (n: number) => n % 2 === 0;
export function sumEvens(xs: number[]): number {
  return xs.filter(isEven).sum();
}
`,
  },
  {
    task: "clamp",
    label: "hallucinated_api",
    note: "Math.constrain (from Processing)",
    code: `export function clamp(x: number, lo: number, hi: number): number {
  if (lo > hi) throw new RangeError("lo must not exceed hi");
  return Math.constrain(x, lo, hi);
}
`,
  },
  {
    task: "merge-intervals",
    label: "hallucinated_api",
    note: "imports lodash",
    code: `import { sortBy } from "lodash";
export function mergeIntervals(intervals: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const [s, e] of sortBy(intervals, (i: readonly [number, number]) => i[0])) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}
`,
  },
  {
    task: "lru-cache",
    label: "hallucinated_api",
    note: "Map.prototype.remove",
    code: `export class LRUCache<K, V> {
  private entries = new Map<K, V>();
  constructor(private capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError("capacity");
  }
  get size() { return this.entries.size; }
  has(key: K) { return this.entries.has(key); }
  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key)!;
    this.entries.remove(key);
    this.entries.set(key, value);
    return value;
  }
  put(key: K, value: V): void {
    if (this.entries.has(key)) this.entries.remove(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.remove(this.entries.keys().next().value!);
  }
}
`,
  },
  {
    task: "parse-duration",
    label: "hallucinated_api",
    note: "Number.parseInteger",
    code: `const SECONDS: Record<string, number> = { d: 86400, h: 3600, m: 60, s: 1 };
export function parseDuration(input: string): number {
  if (!/^(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?$/.test(input) || input === "") throw new SyntaxError(input);
  let total = 0;
  for (const [, n, unit] of input.matchAll(/(\\d+)([dhms])/g)) total += Number.parseInteger(n) * SECONDS[unit];
  return total;
}
`,
  },
  {
    task: "truncate-words",
    label: "hallucinated_api",
    note: "String.prototype.lastIndexOfAny (C#)",
    code: `export function truncateWords(text: string, maxLength: number): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new RangeError("maxLength");
  const chars = Array.from(text);
  if (chars.length <= maxLength) return text;
  const head = chars.slice(0, maxLength).join("");
  const cut = head.lastIndexOfAny([" ", "\\t", "\\n"]);
  return (cut > 0 ? head.slice(0, cut) : chars.slice(0, maxLength - 1).join("")).trimEnd() + "…";
}
`,
  },
  {
    task: "group-by",
    label: "hallucinated_api",
    note: "Array.prototype.groupBy (a withdrawn proposal)",
    code:
      `export function groupBy<T, K>(items: readonly T[], keyFn: (item: T, index: number) => K): Map<K, T[]> {
  const grouped = items.groupBy(keyFn);
  return new Map(Object.entries(grouped)) as unknown as Map<K, T[]>;
}
`,
  },
  {
    task: "is-palindrome",
    label: "hallucinated_api",
    note: "calls a helper it never defines",
    code: `export function isPalindrome(text: string): boolean {
  const chars = [...text.toLowerCase()].filter((ch) => isAlphaNumeric(ch));
  for (let i = 0, j = chars.length - 1; i < j; i++, j--) {
    if (chars[i] !== chars[j]) return false;
  }
  return true;
}
`,
  },
  {
    task: "sum-evens",
    label: "hallucinated_api",
    note: "CommonJS module.exports in an ES module",
    code: `function sumEvens(xs: number[]): number {
  let total = 0;
  for (const x of xs) if (x % 2 === 0) total += x;
  return total;
}
module.exports = { sumEvens };
`,
  },
  {
    task: "search-insert",
    label: "hallucinated_api",
    note: "Array.prototype.binarySearch",
    code: `export function searchInsert(sorted: readonly number[], target: number): number {
  const found = sorted.binarySearch(target);
  return found >= 0 ? found : -(found + 1);
}
`,
  },
  // ── timeout ──────────────────────────────────────────────────────────────
  {
    task: "search-insert",
    label: "timeout",
    note: "low = mid never advances",
    code: `export function searchInsert(sorted: readonly number[], target: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (sorted[mid] < target) low = mid;
    else high = mid;
  }
  return low;
}
`,
  },
  {
    task: "chunk",
    label: "timeout",
    note: "loop step i + size instead of i += size",
    code: `export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError("size");
  const result: T[][] = [];
  for (let i = 0; i < items.length; i + size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}
`,
  },
  {
    task: "map-limit",
    label: "timeout",
    note: "worker never advances the shared index",
    code:
      `export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError("limit");
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
`,
  },
  {
    task: "parse-duration",
    label: "timeout",
    note: "skips an unmatched position without advancing",
    code: `const SECONDS: Record<string, number> = { d: 86400, h: 3600, m: 60, s: 1 };
export function parseDuration(input: string): number {
  if (input === "") throw new SyntaxError("empty");
  const re = /(\\d+)([dhms])/y;
  let pos = 0;
  let total = 0;
  while (pos < input.length) {
    re.lastIndex = pos;
    const m = re.exec(input);
    if (!m) continue;
    total += Number(m[1]) * SECONDS[m[2]];
    pos += m[0].length;
  }
  return total;
}
`,
  },
  // ── resource ─────────────────────────────────────────────────────────────
  {
    task: "sum-evens",
    label: "resource",
    note: "recursion on the same array: stack overflow",
    code: `export function sumEvens(xs: number[]): number {
  if (xs.length === 0) return 0;
  const [head] = xs;
  return (head % 2 === 0 ? head : 0) + sumEvens(xs);
}
`,
  },
  {
    task: "top-k-frequent",
    label: "resource",
    note: "debug logging in a loop that never ends",
    code: `export function topKFrequent(words: readonly string[], k: number): string[] {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const result: string[] = [];
  let i = 0;
  while (result.length < k) {
    console.log("picking", i, sorted[i]);
    if (sorted[i]) result.push(sorted[i][0]);
    i++;
  }
  return result;
}
`,
  },
  {
    task: "search-insert",
    label: "resource",
    note: "a lookup table sized by the target",
    code: `export function searchInsert(sorted: readonly number[], target: number): number {
  const table = new Float64Array(Math.max(Math.ceil(Math.abs(target)), sorted.length) + 1);
  let count = 0;
  for (const x of sorted) if (x < target) count++;
  table[0] = count;
  return table[0];
}
`,
  },
  // ── crash ────────────────────────────────────────────────────────────────
  {
    task: "group-by",
    label: "crash",
    note: "monkey-patches Map.prototype.get (shared with the tests): its passes are voided",
    code: `const originalGet = Map.prototype.get;
Map.prototype.get = function (this: Map<unknown, unknown>, key: unknown) {
  return originalGet.call(this, key) ?? [];
};
export function groupBy<T, K>(items: readonly T[], keyFn: (item: T, index: number) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  items.forEach((item, index) => {
    const key = keyFn(item, index);
    groups.set(key, [...(groups.get(key) as T[]), item]);
  });
  return groups;
}
`,
  },
  {
    task: "merge-intervals",
    label: "crash",
    note: "reads last[1] before anything was merged",
    code:
      `export function mergeIntervals(intervals: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = [...intervals].map(([a, b]) => [a, b] as [number, number]).sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
`,
  },
  {
    task: "group-by",
    label: "crash",
    note: "pushes into a group that was never created",
    code:
      `export function groupBy<T, K>(items: readonly T[], keyFn: (item: T, index: number) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  items.forEach((item, index) => {
    groups.get(keyFn(item, index))!.push(item);
  });
  return groups;
}
`,
  },
  {
    task: "undo-stack",
    label: "crash",
    note: "undo on an empty history dereferences undefined",
    code: `type Op<T> = { kind: "push" | "pop"; item: T };
export class UndoStack<T> {
  private items: T[] = [];
  private history: Op<T>[] = [];
  get size() { return this.items.length; }
  push(item: T) { this.items.push(item); this.history.push({ kind: "push", item }); }
  pop(): T | undefined {
    if (this.items.length === 0) return undefined;
    const item = this.items.pop()!;
    this.history.push({ kind: "pop", item });
    return item;
  }
  peek() { return this.items[this.items.length - 1]; }
  toArray() { return this.items.slice(); }
  undo(): boolean {
    const op = this.history.pop()!;
    if (op.kind === "push") this.items.pop();
    else this.items.push(op.item);
    return this.history.length >= 0;
  }
}
`,
  },
  {
    task: "parse-duration",
    label: "crash",
    note: "destructures a failed match",
    code: `const SECONDS: Record<string, number> = { d: 86400, h: 3600, m: 60, s: 1 };
export function parseDuration(input: string): number {
  let total = 0;
  let rest = input;
  do {
    const [whole, n, unit] = rest.match(/^(\\d+)([dhms])/)!;
    total += Number(n) * SECONDS[unit];
    rest = rest.slice(whole.length);
  } while (rest.length > 0);
  return total;
}
`,
  },
  {
    task: "clamp",
    label: "crash",
    note: "exits the process on bad input",
    code: `export function clamp(x: number, lo: number, hi: number): number {
  if (lo > hi) {
    console.error("invalid range");
    Deno.exit(1);
  }
  return Math.min(Math.max(x, lo), hi);
}
`,
  },
  {
    task: "compare-semver",
    label: "crash",
    note: "assumes every version has a pre-release part",
    code: `export function compareSemver(a: string, b: string): -1 | 0 | 1 {
  const [coreA, preA] = [a.split("-")[0], a.split("-")[1].split(".")];
  const [coreB, preB] = [b.split("-")[0], b.split("-")[1].split(".")];
  const x = coreA.split(".").map(Number);
  const y = coreB.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return preA.join(".") < preB.join(".") ? -1 : preA.join(".") > preB.join(".") ? 1 : 0;
}
`,
  },
  {
    task: "lru-cache",
    label: "crash",
    note: "linked-list node lookup without a miss check",
    code: `type Node<K, V> = { key: K; value: V };
export class LRUCache<K, V> {
  private nodes = new Map<K, Node<K, V>>();
  constructor(private capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError("capacity");
  }
  get size() { return this.nodes.size; }
  has(key: K) { return this.nodes.has(key); }
  get(key: K): V | undefined {
    const node = this.nodes.get(key)!;
    this.nodes.delete(key);
    this.nodes.set(key, node);
    return node.value;
  }
  put(key: K, value: V): void {
    this.nodes.delete(key);
    this.nodes.set(key, { key, value });
    if (this.nodes.size > this.capacity) this.nodes.delete(this.nodes.keys().next().value!);
  }
}
`,
  },
  // ── boundary ─────────────────────────────────────────────────────────────
  {
    task: "chunk",
    label: "boundary",
    note: "throws Error instead of RangeError",
    code: `export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size <= 0) throw new Error("invalid chunk size");
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
`,
  },
  {
    task: "search-insert",
    label: "boundary",
    note: "returns -1 for an empty array",
    code: `export function searchInsert(sorted: readonly number[], target: number): number {
  if (sorted.length === 0) return -1;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
`,
  },
  {
    task: "is-palindrome",
    label: "boundary",
    note: "ASCII-only letter test",
    code: `export function isPalindrome(text: string): boolean {
  const s = text.toLowerCase().replace(/[^a-z0-9]/g, "");
  return s === s.split("").reverse().join("");
}
`,
  },
  {
    task: "clamp",
    label: "boundary",
    note: "returns NaN instead of throwing when lo > hi",
    code: `export function clamp(x: number, lo: number, hi: number): number {
  if (lo > hi) return NaN;
  return Math.min(hi, Math.max(lo, x));
}
`,
  },
  {
    task: "merge-intervals",
    label: "boundary",
    note: "touching intervals are not merged (< instead of <=)",
    code:
      `export function mergeIntervals(intervals: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  for (const [s, e] of intervals) if (s > e) throw new RangeError("reversed");
  const sorted = intervals.map(([s, e]) => [s, e] as [number, number]).sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}
`,
  },
  {
    task: "top-k-frequent",
    label: "boundary",
    note: "ties broken alphabetically, not by first appearance",
    code: `export function topKFrequent(words: readonly string[], k: number): string[] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError("k");
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, k)
    .map(([w]) => w);
}
`,
  },
  // ── misunderstanding ─────────────────────────────────────────────────────
  {
    task: "top-k-frequent",
    label: "misunderstanding",
    note: "returns the least frequent words",
    code: `export function topKFrequent(words: readonly string[], k: number): string[] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError("k");
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => a[1] - b[1]).slice(0, k).map(([w]) => w);
}
`,
  },
  {
    task: "chunk",
    label: "misunderstanding",
    note: "splits into size groups instead of groups of size",
    code: `export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError("size");
  if (items.length === 0) return [];
  const per = Math.ceil(items.length / size);
  const result: T[][] = [];
  for (let g = 0; g < size && g * per < items.length; g++) result.push(items.slice(g * per, (g + 1) * per));
  return result;
}
`,
  },
  {
    task: "sum-evens",
    label: "misunderstanding",
    note: "sums the values at even indices",
    code: `export function sumEvens(xs: number[]): number {
  return xs.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0);
}
`,
  },
  {
    task: "parse-duration",
    label: "misunderstanding",
    note: "returns milliseconds",
    code: `const MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };
export function parseDuration(input: string): number {
  const m = /^(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?$/.exec(input);
  if (!m || input === "") throw new SyntaxError("invalid duration");
  return ["d", "h", "m", "s"].reduce((sum, unit, i) => sum + Number(m[i + 1] ?? 0) * MS[unit], 0);
}
`,
  },
  {
    task: "clamp",
    label: "misunderstanding",
    note: "wraps around the range instead of clamping",
    code: `export function clamp(x: number, lo: number, hi: number): number {
  if (lo > hi) throw new RangeError("lo > hi");
  const span = hi - lo + 1;
  return (((x - lo) % span) + span) % span + lo;
}
`,
  },
  // ── partial ──────────────────────────────────────────────────────────────
  {
    task: "merge-intervals",
    label: "partial",
    note: "never sorts the input",
    code:
      `export function mergeIntervals(intervals: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  for (const [s, e] of intervals) if (s > e) throw new RangeError("reversed");
  const out: Array<[number, number]> = [];
  for (const [s, e] of intervals) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}
`,
  },
  {
    task: "top-k-frequent",
    label: "partial",
    note: "forgets to keep only k words",
    code: `export function topKFrequent(words: readonly string[], k: number): string[] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError("k");
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
}
`,
  },
  {
    task: "undo-stack",
    label: "partial",
    note: "undo only reverts pushes",
    code: `export class UndoStack<T> {
  private items: T[] = [];
  private pushes = 0;
  get size() { return this.items.length; }
  push(item: T) { this.items.push(item); this.pushes++; }
  pop(): T | undefined { return this.items.pop(); }
  peek(): T | undefined { return this.items[this.items.length - 1]; }
  toArray(): T[] { return [...this.items]; }
  undo(): boolean {
    if (this.pushes === 0) return false;
    this.pushes--;
    this.items.pop();
    return true;
  }
}
`,
  },
  {
    task: "parse-duration",
    label: "partial",
    note: "no day unit",
    code: `const SECONDS: Record<string, number> = { h: 3600, m: 60, s: 1 };
export function parseDuration(input: string): number {
  const m = /^(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?$/.exec(input);
  if (!m || input === "") throw new SyntaxError("invalid duration");
  return Number(m[1] ?? 0) * SECONDS.h + Number(m[2] ?? 0) * SECONDS.m + Number(m[3] ?? 0);
}
`,
  },
  {
    task: "group-by",
    label: "partial",
    note: "ignores the index argument",
    code: `export function groupBy<T, K>(items: readonly T[], keyFn: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyFn(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
`,
  },
  // ── written after the first run, labelled before running them (a blind check) ─────
  {
    task: "map-limit",
    label: "hallucinated_api",
    note: "Promise.map from bluebird",
    code:
      `export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError("limit must be a positive integer");
  return await Promise.map(items, fn, { concurrency: limit });
}
`,
  },
  {
    task: "map-limit",
    label: "timeout",
    note: "busy-waits for a free slot",
    code:
      `export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError("limit");
  let active = 0;
  const tasks: Promise<R>[] = [];
  for (let i = 0; i < items.length; i++) {
    while (active >= limit) { /* wait for a slot */ }
    active++;
    tasks.push(fn(items[i], i).finally(() => active--));
  }
  return await Promise.all(tasks);
}
`,
  },
  {
    task: "undo-stack",
    label: "hallucinated_api",
    note: "Array.prototype.last",
    code: `type Op<T> = { kind: "push" | "pop"; item: T };
export class UndoStack<T> {
  private items: T[] = [];
  private history: Op<T>[] = [];
  get size() { return this.items.length; }
  push(item: T) { this.items.push(item); this.history.push({ kind: "push", item }); }
  pop(): T | undefined {
    if (this.items.length === 0) return undefined;
    const item = this.items.pop()!;
    this.history.push({ kind: "pop", item });
    return item;
  }
  peek(): T | undefined { return this.items.last(); }
  toArray(): T[] { return [...this.items]; }
  undo(): boolean {
    const op = this.history.pop();
    if (!op) return false;
    if (op.kind === "push") this.items.pop();
    else this.items.push(op.item);
    return true;
  }
}
`,
  },
  {
    task: "compare-semver",
    label: "crash",
    note: "BigInt() on alphanumeric identifiers",
    code: `export function compareSemver(a: string, b: string): -1 | 0 | 1 {
  const parse = (v: string) => {
    const [core, pre] = v.split("+")[0].split(/-(.*)/s);
    return { core: core.split(".").map((n) => BigInt(n)), pre: pre ? pre.split(".").map((p) => BigInt(p)) : [] };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if (x.core[i] !== y.core[i]) return x.core[i] < y.core[i] ? -1 : 1;
  if (x.pre.length === 0 || y.pre.length === 0) return x.pre.length === y.pre.length ? 0 : x.pre.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.min(x.pre.length, y.pre.length); i++) {
    if (x.pre[i] !== y.pre[i]) return x.pre[i] < y.pre[i] ? -1 : 1;
  }
  return x.pre.length === y.pre.length ? 0 : x.pre.length < y.pre.length ? -1 : 1;
}
`,
  },
  {
    task: "truncate-words",
    label: "boundary",
    note: "counts UTF-16 code units",
    code: `export function truncateWords(text: string, maxLength: number): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new RangeError("maxLength");
  if (text.length <= maxLength) return text;
  const limit = maxLength - 1;
  let cut = 0;
  for (let i = 1; i <= limit; i++) if (/\\s/.test(text[i]) && !/\\s/.test(text[i - 1])) cut = i;
  if (cut === 0) cut = limit;
  return text.slice(0, cut) + "…";
}
`,
  },
  {
    task: "is-palindrome",
    label: "misunderstanding",
    note: "checks word order, not letters",
    code: `export function isPalindrome(text: string): boolean {
  const words = text.toLowerCase().split(/\\s+/).filter(Boolean);
  return words.join(" ") === [...words].reverse().join(" ");
}
`,
  },
  {
    task: "search-insert",
    label: "partial",
    note: "linear scan: right answers, too many reads",
    code: `export function searchInsert(sorted: readonly number[], target: number): number {
  let i = 0;
  while (i < sorted.length && sorted[i] < target) i++;
  return i;
}
`,
  },
  {
    task: "lru-cache",
    label: "boundary",
    note: "get does not refresh recency",
    code: `export class LRUCache<K, V> {
  private entries = new Map<K, V>();
  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError("capacity");
  }
  get size(): number { return this.entries.size; }
  has(key: K): boolean { return this.entries.has(key); }
  get(key: K): V | undefined { return this.entries.get(key); }
  put(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
`,
  },
];
