/**
 * Two versions of a program as one line diff (npm `diff`), rendered as static
 * HTML: no script, inline styles (it survives nbconvert and e-mail).
 *
 * @module
 */
import { diffLines } from "diff";

/** Options for {@link codeDiffHTML}. */
export interface CodeDiffOptions {
  /** What the two sides are called in the header. @default ["A", "B"] */
  names?: readonly [string, string];
  /** The most rows shown; a note says how many were left out. @default 300 */
  maxLines?: number;
  /** Unchanged lines shown around each change; farther ones fold into one row. @default 20 */
  context?: number;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const STYLE = {
  same: "",
  removed: "background: #fde2e2;",
  added: "background: #dcfce7;",
} as const;

/**
 * A unified line diff of `before` and `after` as an HTML table: each line with
 * its line number in each side, `−` on a red ground for lines only in
 * `before`, `+` on a green ground for lines only in `after`; unchanged lines
 * farther than `context` from a change fold into one `⋯ n unchanged lines`
 * row. Identical code says so instead of a diff.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { codeDiffHTML } from "./code_diff.ts";
 * const html = codeDiffHTML("const a = 1;\nreturn a < 2;\n", "const a = 1;\nreturn a <= 2;\n", { names: ["A", "B"] });
 * assert.match(html, /−<\/td><td[^>]*>return a &lt; 2;/);
 * assert.match(html, /\+<\/td><td[^>]*>return a &lt;= 2;/);
 * assert.match(codeDiffHTML("x", "x"), /identical/);
 * ```
 *
 * @param before The first run's code.
 * @param after The second run's code.
 * @param options Names, row cap, context.
 * @returns The HTML.
 */
export function codeDiffHTML(before: string, after: string, options: CodeDiffOptions = {}): string {
  const [A, B] = options.names ?? ["A", "B"];
  const maxLines = options.maxLines ?? 300;
  const context = options.context ?? 20;
  const font = "font: 12px ui-monospace, SFMono-Regular, Menlo, monospace;";
  if (before === after) {
    return `<div style="font: 13px system-ui, sans-serif; color: #374151;">The code of ${
      esc(A)
    } and ${
      esc(B)
    } is identical: the verdicts differ for another reason (time limit, flakiness).</div><pre style="${font} background: #f9fafb; padding: 6px; overflow-x: auto;">${
      esc(before)
    }</pre>`;
  }
  type Line = { kind: keyof typeof STYLE; text: string; la: number; lb: number };
  const lines: Line[] = [];
  let [la, lb] = [0, 0];
  for (const change of diffLines(before, after)) {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    for (const text of change.value.replace(/\n$/, "").split("\n")) {
      if (kind !== "added") la++;
      if (kind !== "removed") lb++;
      lines.push({ kind, text, la, lb });
    }
  }
  // Unchanged lines farther than `context` from a change fold into one row.
  const near = lines.map((_, i) =>
    lines.slice(Math.max(0, i - context), i + context + 1).some((l) => l.kind !== "same")
  );
  const num = "color: #9ca3af; text-align: right; padding: 0 6px; user-select: none; width: 1%;";
  const rows: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!near[i]) {
      let j = i;
      while (j < lines.length && !near[j]) j++;
      rows.push(
        `<tr><td style="${num}"></td><td style="${num}"></td><td></td><td style="color: #6b7280; padding: 0 6px; text-align: left; font-style: italic;">⋯ ${
          j - i
        } unchanged line${j - i === 1 ? "" : "s"}</td></tr>`,
      );
      i = j - 1;
      continue;
    }
    const { kind, text, la, lb } = lines[i];
    const mark = kind === "added" ? "+" : kind === "removed" ? "−" : "";
    rows.push(
      `<tr style="${STYLE[kind]}"><td style="${num}">${
        kind === "added" ? "" : la
      }</td><td style="${num}">${
        kind === "removed" ? "" : lb
      }</td><td style="padding: 0 4px; color: #6b7280; text-align: left; width: 1%;">${mark}</td><td style="white-space: pre; padding: 0 6px; text-align: left;">${
        esc(text)
      }</td></tr>`,
    );
  }
  const hidden = rows.length - maxLines;
  const more = hidden > 0
    ? `<div style="font: 12px system-ui, sans-serif; color: #6b7280;">… ${hidden} more row${
      hidden === 1 ? "" : "s"
    } not shown</div>`
    : "";
  return `<div style="font: 12px system-ui, sans-serif; color: #374151; margin: 4px 0;"><span style="${STYLE.removed} padding: 0 4px;">− only in ${
    esc(A)
  }</span> <span style="${STYLE.added} padding: 0 4px;">+ only in ${
    esc(B)
  }</span></div><div style="overflow-x: auto; border: 1px solid #e5e7eb;"><table style="border-collapse: collapse; ${font} line-height: 1.4; margin: 0; width: 100%;">${
    rows.slice(0, maxLines).join("")
  }</table></div>${more}`;
}
