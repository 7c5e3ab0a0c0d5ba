/**
 * The file tree of a task that changes an existing codebase: the context files (paths relative to
 * the task's `context/` folder), overlaid with the changed files of an answer, become the job
 * folder the tests run in (`tests.ts` at its root imports e.g. `./src/cart.ts`).
 *
 * @module
 */

/** Names at the root of a job folder that belong to the harness: a tree may not use them. */
export const RESERVED_TREE_PATHS: readonly string[] = [
  "tests.ts",
  "runner.ts",
  "builtin_watch.ts",
  "runner.js",
  "builtin_watch.js",
  "solution.ts",
  ".deno",
  "tests.py",
  "solution.py",
  "harness.py",
  "pyodide",
  "pyodide.snapshot",
];

/**
 * Why `path` cannot be a file of a tree, or null when it can: it must be relative, use `/`, have
 * no empty, `.` or `..` segment, and not be one of {@link RESERVED_TREE_PATHS}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { treePathProblem } from "./tree.ts";
 * assert.equal(treePathProblem("src/cart.ts"), null);
 * assert.match(treePathProblem("../etc/passwd")!, /escapes the tree/);
 * assert.match(treePathProblem("/etc/passwd")!, /absolute/);
 * ```
 */
export function treePathProblem(path: string): string | null {
  if (path === "") return "the path is empty";
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) {
    return `"${path}" is absolute: use a path relative to the codebase root, e.g. "src/main.ts"`;
  }
  if (path.includes("\\")) return `"${path}" contains a backslash: separate folders with "/"`;
  // deno-lint-ignore no-control-regex
  if (/[\u0000-\u001f]/.test(path)) return `"${path}" contains a control character`;
  const segments = path.split("/");
  if (segments.includes("..")) {
    return `"${path}" escapes the tree (".."): use a path inside the codebase, e.g. "src/main.ts"`;
  }
  if (segments.some((s) => s === "" || s === ".")) {
    return `"${path}" has an empty or "." segment: write it as "${
      segments.filter((s) => s && s !== ".").join("/")
    }"`;
  }
  if (
    RESERVED_TREE_PATHS.includes(segments[0]) && (segments.length === 1 || segments[0] === ".deno")
  ) {
    return `"${path}" is reserved for the harness (${RESERVED_TREE_PATHS.join(", ")})`;
  }
  return null;
}

/**
 * The tree an answer produces: the context with the changed files written over it (a new copy;
 * neither argument is modified).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { overlayTree } from "./tree.ts";
 * const tree = overlayTree({ "a.ts": "old", "b.ts": "b" }, { "a.ts": "new" });
 * assert.deepEqual(tree, { "a.ts": "new", "b.ts": "b" });
 * ```
 */
export function overlayTree(
  context: Readonly<Record<string, string>>,
  changed: Readonly<Record<string, string>>,
): Record<string, string> {
  return { ...context, ...changed };
}

const BUNDLE_MARKS = { slash: /^\/\/ file: (\S.*)$/, hash: /^# file: (\S.*)$/ };

/**
 * Several files as one text: each file's path on a line `// file: <path>` (for a Python task,
 * `language` "py": `# file: <path>`, a Python comment), then its source (ending with a newline),
 * in path order. It is how a files answer is stored as a sample's `code` and a files task's
 * `referenceSource`; {@link parseFileBundle} reads either form back.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatFileBundle } from "./tree.ts";
 * const text = formatFileBundle({ "src/b.ts": "export const b = 2;", "src/a.ts": "export const a = 1;\n" });
 * assert.equal(text, "// file: src/a.ts\nexport const a = 1;\n// file: src/b.ts\nexport const b = 2;\n");
 * assert.equal(formatFileBundle({ "cart.py": "X = 1\n" }, "py"), "# file: cart.py\nX = 1\n");
 * ```
 */
export function formatFileBundle(
  files: Readonly<Record<string, string>>,
  language?: string,
): string {
  const mark = language === "py" ? "#" : "//";
  return Object.keys(files).sort().map((path) => {
    const source = files[path];
    return `${mark} file: ${path}\n${
      source.endsWith("\n") || source === "" ? source : `${source}\n`
    }`;
  }).join("");
}

/**
 * Read a text written by {@link formatFileBundle} back into files. Its first line decides the
 * marker (`// file:` or `# file:`); the other form is then file content. Throws
 * `Cannot parse file bundle: …` when the text does not start with a `// file:` or `# file:` line.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatFileBundle, parseFileBundle } from "./tree.ts";
 * const files = { "src/a.ts": "export const a = 1;\n", "main.ts": "import './src/a.ts';\n" };
 * assert.deepEqual(parseFileBundle(formatFileBundle(files)), files);
 * const py = { "pkg/__init__.py": "", "pkg/stock.py": "X = 1\n" };
 * assert.deepEqual(parseFileBundle(formatFileBundle(py, "py")), py);
 * ```
 */
export function parseFileBundle(text: string): Record<string, string> {
  const files: Record<string, string> = {};
  let path: string | null = null;
  let lines: string[] = [];
  const flush = () => {
    if (path !== null) files[path] = lines.length ? `${lines.join("\n")}\n` : "";
  };
  const all = text.endsWith("\n") ? text.slice(0, -1).split("\n") : text.split("\n");
  const mark = BUNDLE_MARKS.hash.test(all[0] ?? "") ? BUNDLE_MARKS.hash : BUNDLE_MARKS.slash;
  for (const line of text === "" ? [] : all) {
    const m = mark.exec(line);
    if (m) {
      flush();
      path = m[1].trim();
      lines = [];
    } else if (path === null) {
      throw new SyntaxError(
        `Cannot parse file bundle: it must start with a "// file: <path>" or "# file: <path>" line, got "${
          line.slice(0, 60)
        }"`,
      );
    } else lines.push(line);
  }
  flush();
  return files;
}
