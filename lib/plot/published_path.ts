/**
 * Paths as a published page shows them: relative to the checkout, never the
 * absolute path of the machine that made the run.
 *
 * @module
 */
import { basename, isAbsolute, relative } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The checkout holding this file (two folders above it), with no trailing slash.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { CHECKOUT } from "./published_path.ts";
 * assert.ok(!CHECKOUT.endsWith("/"));
 * ```
 */
export const CHECKOUT: string = fileURLToPath(new URL("../../", import.meta.url)).replace(
  /\/+$/,
  "",
);

/**
 * A path for a published page: relative to `root` when inside it (`tasks/builtin`),
 * else its last folder's name (`builtin`); a relative path stays as it is.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { publishedPath } from "./published_path.ts";
 * assert.equal(publishedPath("/home/me/assay/tasks/builtin", "/home/me/assay"), "tasks/builtin");
 * assert.equal(publishedPath("/other/checkout/tasks", "/home/me/assay"), "tasks");
 * assert.equal(publishedPath("/home/me/assay", "/home/me/assay"), ".");
 * assert.equal(publishedPath("tasks/x", "/home/me/assay"), "tasks/x");
 * ```
 *
 * @param path The path.
 * @param root The checkout. @default this checkout ({@link CHECKOUT})
 * @returns The path to show.
 */
export function publishedPath(path: string, root: string = CHECKOUT): string {
  if (!isAbsolute(path)) return path;
  const inside = relative(root, path);
  if (inside === "") return ".";
  if (!inside.startsWith("..") && !isAbsolute(inside)) return inside;
  return basename(path) || path;
}

/**
 * Text with every absolute path that starts with `root` written relative to
 * it (a command line, an error message), for a published page.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { publishedText } from "./published_path.ts";
 * assert.equal(publishedText("./assay eval --suite /home/me/assay/tasks/x", "/home/me/assay"), "./assay eval --suite tasks/x");
 * assert.equal(publishedText("cd /home/me/assay", "/home/me/assay"), "cd .");
 * ```
 *
 * @param text The text.
 * @param root The checkout. @default this checkout ({@link CHECKOUT})
 * @returns The text without the checkout's absolute path.
 */
export function publishedText(text: string, root: string = CHECKOUT): string {
  const escaped = root.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(
    new RegExp(`${escaped}(?:/|(?![\\w.-]))`, "g"),
    (m) => (m.endsWith("/") ? "" : "."),
  );
}
