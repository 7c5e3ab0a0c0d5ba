/**
 * Reading the sandbox's protocol lines: on stdout, each line `<nonce> <json>` where the nonce is
 * known only to the parent and the runner (or host), so the code under test cannot write one.
 *
 * @module
 */

/**
 * A stdout scanner that hands every `<nonce> <json>` line to `onLine` as it arrives (the code
 * under test cannot write one: it does not know the nonce). Lines that are not JSON are skipped.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { nonceLines } from "./nonce_lines.ts";
 * const seen: unknown[] = [];
 * const scan = nonceLines("n0", (m) => seen.push(m));
 * const bytes = new TextEncoder().encode('noise\nn0 {"type":"start","name":"a"}\nn0 {"type":"ca');
 * scan(bytes);
 * scan(new TextEncoder().encode('se"}\nn1 {"type":"forged"}\n'));
 * assert.deepEqual(seen, [{ type: "start", name: "a" }, { type: "case" }]);
 * ```
 */
export function nonceLines(
  nonce: string,
  onLine: (message: { type?: unknown; name?: unknown }) => void,
): (chunk: Uint8Array) => void {
  const decoder = new TextDecoder();
  const prefix = `${nonce} `;
  let pending = "";
  return (chunk) => {
    pending += decoder.decode(chunk, { stream: true });
    let cut: number;
    while ((cut = pending.indexOf("\n")) >= 0) {
      const line = pending.slice(0, cut);
      pending = pending.slice(cut + 1);
      if (!line.startsWith(prefix)) continue;
      try {
        onLine(JSON.parse(line.slice(prefix.length)));
      } catch { /* not a protocol line */ }
    }
  };
}
