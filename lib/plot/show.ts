/**
 * `show()`: how a notebook cell displays its results. A cell that ends with a bare expression
 * gets an `execute_result`, which the Deno kernel (2.9.x) may send after it has reported the cell
 * finished; the front end then shows it under the next cell. `show()` sends `display_data`
 * messages while the cell runs instead, which arrive in order.
 *
 * @module
 */
import { JUPYTER_DISPLAY } from "./chart.ts";

/** A value's MIME bundle, as the kernel would display it. */
function mimeBundle(item: unknown): Record<string, unknown> {
  const hook = (item as { [JUPYTER_DISPLAY]?: unknown } | null)?.[JUPYTER_DISPLAY];
  if (typeof hook === "function") return hook.call(item);
  const html = (item as { outerHTML?: unknown } | null)?.outerHTML;
  if (typeof html === "string") return { "text/html": html };
  if (typeof item === "string") return { "text/plain": item };
  return { "text/plain": Deno.inspect(item, { colors: false }) };
}

/** The Deno kernel's display function, or null outside `deno jupyter`. */
function kernelDisplay(): typeof Deno.jupyter.display | null {
  try {
    return Deno.jupyter.display; // throws outside the kernel
  } catch {
    return null;
  }
}

/**
 * Display each item in the running cell, in order, and wait until the kernel has sent it: a chart,
 * a `Deno.jupyter.html` value, a DOM element, anything else as text (`undefined` and `null` are
 * skipped). End a notebook cell with `await show(x)` rather than a bare `x`. Outside a kernel it
 * prints each item's text or HTML.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { show } from "./show.ts";
 * import { chart } from "./chart.ts";
 * const shown: unknown[] = [];
 * await show([chart({ marks: [] }), "plain", undefined], { display: (b) => void shown.push(b) });
 * assert.equal(shown.length, 2);
 * assert.match((shown[0] as { "text/html": string })["text/html"], /<svg/);
 * assert.deepEqual(shown[1], { "text/plain": "plain" });
 * ```
 *
 * @param items What to display, in order (one value or a list).
 * @param options `display`: where bundles go. @default the kernel's display, else stdout
 */
export async function show(
  items: unknown,
  options: { display?: (bundle: Record<string, unknown>) => Promise<void> | void } = {},
): Promise<void> {
  const kernel = options.display ? null : kernelDisplay();
  const display = options.display ??
    (kernel
      ? (bundle: Record<string, unknown>) => kernel(bundle, { raw: true })
      : (bundle: Record<string, unknown>) =>
        console.log(String(bundle["text/plain"] ?? bundle["text/html"] ?? "")));
  for (const item of Array.isArray(items) ? items : [items]) {
    if (item === undefined || item === null) continue;
    await display(mimeBundle(item));
  }
}
