/**
 * The failure category a Python error message points to: the Python counterpart of
 * `read_error.ts`, with the same {@link ErrorReading}. The messages are CPython's as the sandbox
 * reports them for a Python sample: `<ExceptionType>: <message> (solution.py, line N)` for a case
 * that raised (the location is the innermost frame in solution.py, absent when there is none),
 * the same for a `load_error` (the exception raised while importing tests.py/solution.py), and
 * `PermissionError: assay sandbox: <what> is not allowed …` for what the sandbox blocked.
 *
 * - `SyntaxError`, `IndentationError`, `TabError` → `syntax` (the line of the answer quoted);
 * - `NameError` on a name declared nowhere, `AttributeError` on a module or a built-in type
 *   (`module 'math' has no attribute 'sum'`, `'str' object has no attribute 'reverse'`, `type
 *   object 'str' has no attribute …`), `ModuleNotFoundError`, an `ImportError` of another
 *   module → `hallucinated_api`;
 * - `ImportError: cannot import name 'add' from 'solution'`, a `TypeError` on the arity of the
 *   entry (or of a method the tests call) raised in the tests' call → `wrong_interface`;
 * - `RecursionError`, `MemoryError` → `resource`;
 * - the sandbox's `PermissionError` → `crash`, naming what was blocked (as Deno's `NotCapable` /
 *   `PermissionDenied` read in `read_error.ts`);
 * - CPython's own messages (`ZeroDivisionError`, `IndexError: list index out of range`,
 *   `KeyError`, `'NoneType' object has no attribute …`, `unsupported operand type(s)`…) →
 *   `crash`; an `AssertionError` or an exception the program raised with its own message
 *   (`ValueError: size must be positive`) → `behaviour` (`crash` while loading).
 *
 * @module
 */
import type { ErrorContext, ErrorReading } from "./read_error.ts";
import { type PythonNames, pythonNames } from "./python_names.ts";
import { readUndefinedName } from "./read_undefined.ts";

/** Types whose missing attributes are hallucinations, not local bugs (never `NoneType`). */
const BUILTIN_TYPES = new Set(
  ("str list dict set frozenset tuple int float complex bool bytes bytearray range memoryview " +
    "object type slice deque Counter defaultdict OrderedDict dict_keys dict_values dict_items " +
    "generator map filter zip enumerate reversed list_iterator str_iterator Decimal Fraction " +
    "datetime date time timedelta Match Pattern re.Match re.Pattern").split(" "),
);

/** Fence language tags that extraction sometimes leaves as the first line of the code. */
const LANGUAGE_TAGS = new Set(["python", "python3", "py", "py3", "pycon"]);

/** Exceptions CPython raises on its own (a program rarely raises them on purpose). */
const NATIVE_TYPES = new Set(
  ("ZeroDivisionError KeyError UnboundLocalError OverflowError StopIteration StopAsyncIteration " +
    "UnicodeError UnicodeDecodeError UnicodeEncodeError FileNotFoundError IsADirectoryError " +
    "NotADirectoryError FileExistsError PermissionError ConnectionError ConnectionRefusedError " +
    "BrokenPipeError ProcessLookupError ChildProcessError BlockingIOError OSError IOError EOFError FloatingPointError SystemError BufferError " +
    "JSONDecodeError SystemExit KeyboardInterrupt GeneratorExit InvalidOperation").split(" "),
);

/** CPython's own messages for exception types a program also raises on purpose. */
const NATIVE_MESSAGES: Readonly<Record<string, RegExp>> = {
  IndexError: /index out of range|pop from (?:an )?empty|^index \d+ is out of bounds/,
  TypeError: new RegExp(
    [
      "unsupported operand type",
      "not supported between instances",
      "object is not (?:subscriptable|iterable|callable|reversible|an iterator)",
      "can only concatenate",
      "must be (?:str|int|an? \\w+|real number|integer|bytes|a sequence|a string)\\b.*, not",
      "object of type '[^']+' has no len",
      "unhashable type",
      "cannot unpack non-iterable",
      "indices must be integers",
      "can't multiply sequence",
      "argument of type '[^']+' is not iterable",
      "object does not support item (?:assignment|deletion)",
      "object cannot be interpreted as an integer",
      "bad operand type",
      "takes (?:exactly|at most|at least|no) (?:one )?arguments?",
      "expected (?:at least|at most|\\d+) arguments?",
      "expected str instance",
      "not all arguments converted",
      "unsupported format string",
      "can't convert|cannot convert",
      "object is not a mapping|is not a sequence",
      "^\\S+\\(\\) (?:takes|missing|got)",
    ].join("|"),
  ),
  ValueError: new RegExp(
    [
      "invalid literal for",
      "could not convert",
      "arg is an empty sequence|iterable argument is empty",
      "(?:not enough|too many) values to unpack",
      "not in list|substring not found|is not in",
      "math domain error",
      "empty separator",
      "must not be zero|cannot be zero",
      "Unknown format code|Invalid format specifier",
      "dictionary update sequence",
      "attempt to assign sequence",
      "out of range",
      "does not match format",
      "Exceeds the limit",
    ].join("|"),
  ),
  RuntimeError: /changed size during iteration|mutated during iteration|raised StopIteration/,
  AttributeError: /./,
  NameError: /./,
};

/**
 * Read one Python error message (a failed load, a case that raised, or stderr whose last
 * exception line counts) in the context of the program. `where` is "load" for a module that
 * failed to import (an exception of the program's own then breaks the load: `crash`), or "case".
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readPythonError } from "./read_python_error.ts";
 * const code = "import math\n\ndef add(a, b):\n    return math.sum([a, b])\n";
 * const context = { code, entry: "add" };
 * assert.deepEqual(readPythonError("AttributeError: module 'math' has no attribute 'sum' (solution.py, line 4)", context), {
 *   category: "hallucinated_api",
 *   reason: 'the module "math" has no "sum"',
 * });
 * assert.equal(readPythonError("TypeError: add() takes 2 positional arguments but 3 were given", context).category, "wrong_interface");
 * assert.equal(readPythonError("ValueError: size must be positive (solution.py, line 2)", context).category, "behaviour");
 * assert.equal(readPythonError("ZeroDivisionError: division by zero (solution.py, line 4)", context).category, "crash");
 * assert.equal(readPythonError("AttributeError: 'dict' object has no attribute 'entries' (shop/cart.py, line 9)", context).category, "hallucinated_api");
 * const files = { code: "# file: shop/cart.py\ndef total(lines):\n    return 0\n", entry: "checkout" };
 * assert.equal(readPythonError("ImportError: cannot import name 'checkout' from 'shop.cart' (/job/shop/cart.py)", files, "load").category, "wrong_interface");
 * const fatal = "Pyodide has suffered a fatal error.\nThe cause of the fatal error was:\nRangeError: Maximum call stack size exceeded";
 * assert.equal(readPythonError(fatal, context, "load").category, "resource");
 * ```
 */
export function readPythonError(
  message: string,
  context: ErrorContext,
  where: "load" | "case" = "case",
): ErrorReading {
  // Pyodide's WebAssembly stack overflowed (deep recursion in C code): a resource, as CPython's
  // RecursionError would be.
  if (/Pyodide has suffered a fatal error[\s\S]*Maximum call stack size exceeded/.test(message)) {
    return {
      category: "resource",
      reason: "Pyodide's WebAssembly stack overflowed (deep recursion)",
    };
  }
  const { type, text, line, file } = parse(message);
  const names = pythonNames(context.code);
  const own = where === "load"
    ? { category: "crash" as const, reason: "the module raised while loading" }
    : { category: "behaviour" as const, reason: "the program raised an exception of its own" };
  if (/^(?:SyntaxError|IndentationError|TabError)$/.test(type)) {
    if (line === null && where === "case" && / \((?!solution\.py)[^()]*, line \d+\)$/.test(text)) {
      return { category: "crash", reason: "a runtime parse (compile, literal_eval) failed" };
    }
    // (A line of a files task's module is not a line of the recorded bundle: not quoted.)
    const shown = line === null || file !== "solution.py" ? "" : quoteLine(context.code, line);
    return { category: "syntax", reason: `the parser rejected the code${shown}` };
  }
  const blocked = /^assay sandbox: (.+?) is not allowed/.exec(text);
  if (type === "PermissionError" && blocked) {
    return { category: "crash", reason: `the sandbox blocked ${blocked[1]}` };
  }
  if (type === "RecursionError" || type === "MemoryError") {
    return { category: "resource", reason: `a resource limit was hit (${type})` };
  }
  if (type === "ModuleNotFoundError") {
    const module = /No module named '([^']+)'/.exec(text)?.[1] ?? "?";
    return {
      category: "hallucinated_api",
      reason: `imports "${module}", a module that is not available`,
    };
  }
  if (type === "ImportError") {
    const named = /cannot import name '([^']+)' from (partially initialized module )?'([^']+)'/
      .exec(text);
    if (named?.[2]) return { category: "crash", reason: `a circular import of "${named[3]}"` };
    if (named && named[3] === "solution") {
      return { category: "wrong_interface", reason: `the solution does not define "${named[1]}"` };
    }
    // A files answer's own module (a `# file: inventory/restock.py` section of its code).
    if (named && bundleModules(context.code).has(named[3])) {
      return {
        category: "wrong_interface",
        reason: `the answer's module "${named[3]}" does not define "${named[1]}"`,
      };
    }
    return named
      ? { category: "hallucinated_api", reason: `no "${named[1]}" in the module "${named[3]}"` }
      : { category: "hallucinated_api", reason: "imports a module that is not available" };
  }
  if (type === "NameError") {
    const name = /name '([^']+)' is not defined/.exec(text)?.[1];
    if (name) {
      return readUndefinedName(name, context, {
        languageTags: LANGUAGE_TAGS,
        names,
        verb: "defined",
      });
    }
  }
  if (type === "AttributeError") {
    const reading = readAttribute(text, context, names);
    if (reading) return reading;
  }
  if (type === "TypeError") {
    const reading = readArity(text, line, context, names);
    if (reading) return reading;
  }
  if (type === "AssertionError") {
    return { category: where === "load" ? "crash" : "behaviour", reason: "an assertion failed" };
  }
  if (NATIVE_TYPES.has(type.split(".").pop()!) || NATIVE_MESSAGES[type]?.test(text)) {
    return { category: "crash", reason: `an uncaught runtime error (${type})` };
  }
  return own;
}

/**
 * The exception type, its message without the sandbox's location, and that location's line: in
 * `solution.py`, or for a files task in a module of its tree (`inventory/restock.py`).
 */
function parse(
  message: string,
): { type: string; text: string; line: number | null; file: string | null } {
  const lines = message.trim().split("\n").map((l) => l.trim());
  const head =
    /^((?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception|Exit|Interrupt|Iteration|Warning|Operation))(?::\s?(.*))?$/;
  const found = [...lines].reverse().find((l) => head.test(l)) ?? lines[0] ?? "";
  const [, type = "", rest = found] = head.exec(found) ?? [];
  const at = / \(((?:[\w.-]+\/)*[\w.-]+\.py), line (\d+)\)$/.exec(rest);
  return {
    type: type.split(".").pop()!,
    text: at ? rest.slice(0, at.index) : rest,
    line: at ? Number(at[2]) : null,
    file: at ? at[1] : null,
  };
}

/** The modules of a files answer's `# file: <path>.py` sections (`pkg/__init__.py` is `pkg`). */
function bundleModules(code: string): Set<string> {
  return new Set(
    [...code.matchAll(/^# file: ((?:[\w-]+\/)*[\w-]+)\.py$/gm)].map((m) =>
      m[1].replace(/\/__init__$/, "").replaceAll("/", ".")
    ),
  );
}

function quoteLine(code: string, line: number): string {
  const text = code.split("\n")[line - 1]?.trim();
  if (!text) return ` at line ${line}`;
  return ` at line ${line}: "${text.length > 80 ? `${text.slice(0, 77)}...` : text}"`;
}

function readAttribute(
  text: string,
  context: ErrorContext,
  names: PythonNames,
): ErrorReading | null {
  const onModule = /^(partially initialized )?module '([^']+)' has no attribute '([^']+)'/.exec(
    text,
  );
  if (onModule) {
    const [, partial, module, attribute] = onModule;
    if (partial) return { category: "crash", reason: `a circular import of "${module}"` };
    return module === "solution"
      ? { category: "wrong_interface", reason: `the solution does not define "${attribute}"` }
      : { category: "hallucinated_api", reason: `the module "${module}" has no "${attribute}"` };
  }
  const match = /^(?:type object '([^']+)'|'([^']+)' object) has no attribute '([^']+)'/.exec(text);
  if (!match) return null;
  const [, typeName, instanceOf, attribute] = match;
  const owner = typeName ?? instanceOf;
  const what = typeName ? `the type "${owner}"` : `a "${owner}"`;
  if (names.classes.has(owner)) {
    const testsUse = context.testsSource !== undefined &&
      new RegExp(`\\.\\s*${attribute}\\b`).test(context.testsSource);
    return testsUse && !names.members.has(attribute)
      ? { category: "wrong_interface", reason: `the tests use ".${attribute}", never defined` }
      : { category: "crash", reason: `${what} has no "${attribute}" at run time` };
  }
  if (BUILTIN_TYPES.has(owner) && !names.members.has(attribute)) {
    return { category: "hallucinated_api", reason: `${what} has no "${attribute}" in Python` };
  }
  return { category: "crash", reason: `${what} has no "${attribute}" at run time` };
}

/** A call with the wrong arguments: the tests' call of the entry (or a method) is an interface. */
function readArity(
  text: string,
  line: number | null,
  context: ErrorContext,
  names: PythonNames,
): ErrorReading | null {
  const arity =
    /^([\w.]+)\(\) (?:takes (?:from \d+ to )?\d+ positional arguments? but \d+ (?:was|were) given|missing \d+ required (?:positional |keyword-only )?arguments?|got an unexpected keyword argument|got multiple values for argument|takes no arguments)/
      .exec(text);
  if (!arity) return null;
  const called = arity[1];
  const parts = called.split(".");
  const last = parts[parts.length - 1];
  const ours = parts[0] === context.entry || names.values.has(last) || names.members.has(last);
  // Raised in the tests' own call (no frame in solution.py) on a function the program defines.
  if (line === null && ours) {
    return {
      category: "wrong_interface",
      reason: `the tests call "${called}" with other arguments`,
    };
  }
  return ours
    ? { category: "crash", reason: `the program calls "${called}" with wrong arguments` }
    : null;
}
