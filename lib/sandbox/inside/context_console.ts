/**
 * The `console` of a warm-pool job's vm context (part of the prelude, prelude.ts): it formats
 * like a plain `String`/JSON and only counts bytes, for the output cap.
 *
 * Self-contained: the pool host compiles its source text inside each job's context.
 *
 * @module
 */

/**
 * Define `console` on the context's global object; every method counts the bytes it would print
 * and calls `overflow` (the host exits at once, even inside a busy loop: the strict runner redoes
 * the job) once they pass `outputCap`. Returns the count so far.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import vm from "node:vm";
 * import { contextConsole } from "./context_console.ts";
 * const context = vm.createContext();
 * const install = vm.runInContext(`(${contextConsole.toString()})`, context);
 * let over = false;
 * const bytes = install(() => { over = true; }, 10);
 * vm.runInContext('console.log("hello", { a: 1 })', context);
 * assert.equal(bytes(), 1 + 6 + 8);
 * assert.equal(over, true);
 * ```
 */
export function contextConsole(overflow: () => void, outputCap: number): () => number {
  "use strict";
  const G = globalThis;
  const ObjectCreate = Object.create;
  const ObjectDefineProperty = Object.defineProperty;
  const StringCtor = String;
  const stringify = JSON.stringify;
  let outBytes = 0;
  const format = (v: unknown): string => {
    try {
      if (typeof v === "string") return v;
      if (v === null || (typeof v !== "object" && typeof v !== "function")) return StringCtor(v);
      const json = stringify(v);
      return json === undefined ? "[object]" : json;
    } catch {
      return "[object]";
    }
  };
  const write = function (...args: unknown[]) {
    let n = 1;
    for (let i = 0; i < args.length; i++) n += format(args[i]).length + 1;
    outBytes += n;
    // Past the cap the host exits at once (even inside a busy loop): the strict runner redoes it.
    if (outBytes > outputCap) overflow();
  };
  const consoleObject = ObjectCreate(null);
  const methods = [
    "log",
    "info",
    "warn",
    "error",
    "debug",
    "trace",
    "dir",
    "dirxml",
    "table",
    "time",
    "timeEnd",
    "timeLog",
    "group",
    "groupCollapsed",
    "groupEnd",
    "count",
    "countReset",
    "assert",
    "clear",
  ];
  for (let i = 0; i < methods.length; i++) consoleObject[methods[i]] = write;
  ObjectDefineProperty(G, "console", { value: consoleObject, writable: true, configurable: true });
  return () => outBytes;
}
