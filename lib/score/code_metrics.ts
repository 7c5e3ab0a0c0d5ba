/**
 * Static size and shape metrics of one program, read from the TypeScript compiler's syntax tree
 * (parse only: nothing is type-checked or executed). The definitions, exactly:
 *
 * - **lines**: lines that hold at least one token; blank lines and lines holding only comments do
 *   not count. A token spanning lines (a template literal) counts every line it spans.
 * - **functions**: function-like nodes with a body: function declarations and expressions, arrow
 *   functions, methods, constructors, getters and setters.
 * - **cyclomatic complexity** of a function: 1 + its decision points, where a decision point is one
 *   of `if`, `?:`, `case` (not `default`), `for`, `for…in`, `for…of`, `while`, `do…while`, `catch`,
 *   and the binary operators `&&`, `||`, `??` (not `?.`, not `&&=`/`||=`/`??=`). Decision points
 *   inside a nested function belong to the nested function only. Code outside every function
 *   (module top level) is one more unit when it has at least one decision point.
 *   `complexity` is the sum over units, `maxComplexity` the largest unit (0 without units).
 * - **maxNesting**: the deepest nesting of control statements (`if`, the loops, `switch`, `try`),
 *   as ESLint's `max-depth` counts it: an `else if` stays at its `if`'s level, and each function
 *   starts again from 0. A function whose body has an `if` has depth 1.
 * - **anyCount**: explicit `any` type annotations (`x: any`, `as any`, `any[]`, `Array<any>`…).
 * - **syntaxErrors**: parse errors; the other metrics are still read from the tree the parser
 *   recovered, so they are approximate when this is not 0.
 *
 * @module
 */
import ts from "typescript";

/** The metrics of one program; see the module documentation for the exact definitions. */
export interface CodeMetrics {
  /** Lines holding at least one token (not blank, not comment-only). */
  lines: number;
  /** Function-like nodes with a body. */
  functions: number;
  /** Sum of the cyclomatic complexity of every unit (function, or busy module top level). */
  complexity: number;
  /** The largest cyclomatic complexity of one unit; 0 when there is none. */
  maxComplexity: number;
  /** Deepest nesting of control statements inside one function (ESLint `max-depth`). */
  maxNesting: number;
  /** Explicit `any` types. */
  anyCount: number;
  /** Parse errors (0 for a program that parses). */
  syntaxErrors: number;
  /** Top-level declarations that are not exported (functions, classes, variables). */
  unexported: string[];
}

/** Options for {@link codeMetrics}. */
export interface CodeMetricsOptions {
  /** Parse as TypeScript or JavaScript. @default "ts" */
  language?: "ts" | "js";
}

const DECISIONS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.IfStatement,
  ts.SyntaxKind.ConditionalExpression,
  ts.SyntaxKind.CaseClause,
  ts.SyntaxKind.ForStatement,
  ts.SyntaxKind.ForInStatement,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.WhileStatement,
  ts.SyntaxKind.DoStatement,
  ts.SyntaxKind.CatchClause,
]);

const LOGICAL = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
]);

const NESTING = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.IfStatement,
  ts.SyntaxKind.ForStatement,
  ts.SyntaxKind.ForInStatement,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.WhileStatement,
  ts.SyntaxKind.DoStatement,
  ts.SyntaxKind.SwitchStatement,
  ts.SyntaxKind.TryStatement,
]);

function isFunctionWithBody(node: ts.Node): boolean {
  return (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) || ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) &&
    (node as ts.FunctionLikeDeclaration).body !== undefined;
}

/**
 * Measure one program: lines, functions, cyclomatic complexity (sum and max), nesting depth,
 * explicit `any` count and parse errors (definitions in the module documentation).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { codeMetrics } from "./code_metrics.ts";
 * const m = codeMetrics([
 *   "// clamp a number",
 *   "export function clamp(x: any, lo: number, hi: number) {",
 *   "  if (x < lo) return lo;",
 *   "",
 *   "  return x > hi ? hi : x;",
 *   "}",
 * ].join("\n"));
 * assert.deepEqual([m.lines, m.complexity, m.maxNesting, m.anyCount], [4, 3, 1, 1]);
 * ```
 *
 * @param code The program's source.
 * @param options The language.
 * @returns The metrics.
 */
export function codeMetrics(code: string, options: CodeMetricsOptions = {}): CodeMetrics {
  const kind = options.language === "js" ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const file = ts.createSourceFile(
    options.language === "js" ? "solution.js" : "solution.ts",
    code,
    ts.ScriptTarget.Latest,
    true,
    kind,
  );
  const parseErrors =
    (file as unknown as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics ?? [];

  // Lines: mark every line a token touches (leaves of the full tree, comments excluded).
  const lines = new Set<number>();
  const markToken = (node: ts.Node) => {
    // JSDoc comments appear in the full tree as nodes: they are comments, not code.
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) {
      return;
    }
    const children = node.getChildren(file);
    if (children.length === 0) {
      if (node.kind === ts.SyntaxKind.EndOfFileToken) return;
      const start = node.getStart(file);
      const end = node.getEnd();
      if (end <= start) return;
      const first = file.getLineAndCharacterOfPosition(start).line;
      const last = file.getLineAndCharacterOfPosition(end - 1).line;
      for (let l = first; l <= last; l++) lines.add(l);
      return;
    }
    for (const child of children) markToken(child);
  };
  markToken(file);

  let functions = 0;
  let anyCount = 0;
  let maxNesting = 0;
  const units: number[] = [];
  // Walk with the current unit's decision counter and the current nesting depth.
  const walk = (node: ts.Node, unit: { decisions: number }, depth: number) => {
    if (node.kind === ts.SyntaxKind.AnyKeyword) anyCount++;
    if (DECISIONS.has(node.kind)) unit.decisions++;
    if (ts.isBinaryExpression(node) && LOGICAL.has(node.operatorToken.kind)) unit.decisions++;
    if (isFunctionWithBody(node)) {
      functions++;
      const inner = { decisions: 0 };
      ts.forEachChild(node, (child) => walk(child, inner, 0));
      units.push(1 + inner.decisions);
      return;
    }
    let childDepth = depth;
    if (NESTING.has(node.kind)) {
      childDepth = depth + 1;
      maxNesting = Math.max(maxNesting, childDepth);
    }
    ts.forEachChild(node, (child) => {
      // The `else if` chain: the nested `if` keeps the depth of the `if` it continues.
      const continuesChain = ts.isIfStatement(node) && child === node.elseStatement &&
        ts.isIfStatement(child);
      walk(child, unit, continuesChain ? depth : childDepth);
    });
  };
  const top = { decisions: 0 };
  ts.forEachChild(file, (child) => walk(child, top, 0));
  if (top.decisions > 0) units.push(1 + top.decisions);

  return {
    lines: lines.size,
    functions,
    complexity: units.reduce((a, b) => a + b, 0),
    maxComplexity: units.length ? Math.max(...units) : 0,
    maxNesting,
    anyCount,
    syntaxErrors: parseErrors.length,
    unexported: unexportedNames(file),
  };
}

/** Names of top-level function, class and variable declarations without `export`. */
function unexportedNames(file: ts.SourceFile): string[] {
  const exported = new Set<string>();
  const declared: string[] = [];
  const hasExport = (node: ts.Node) =>
    (ts.canHaveModifiers(node) ? ts.getModifiers(node) ?? [] : []).some((m) =>
      m.kind === ts.SyntaxKind.ExportKeyword
    );
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && !statement.moduleSpecifier) {
      if (ts.isNamedExports(statement.exportClause)) {
        for (const e of statement.exportClause.elements) {
          exported.add((e.propertyName ?? e.name).getText(file));
        }
      }
      continue;
    }
    if (ts.isExportAssignment(statement) && ts.isIdentifier(statement.expression)) {
      exported.add(statement.expression.text);
      continue;
    }
    if (hasExport(statement)) continue;
    if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name
    ) {
      declared.push(statement.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name)) declared.push(d.name.text);
      }
    }
  }
  return [...new Set(declared)].filter((name) => !exported.has(name));
}
