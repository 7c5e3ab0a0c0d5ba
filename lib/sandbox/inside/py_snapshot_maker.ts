/**
 * Makes the Pyodide memory snapshot that Python jobs start from (lib/sandbox/pyodide_snapshot.ts
 * runs it once per machine, outside any job: no candidate code has run in the interpreter it
 * saves). Arguments: the Pyodide package folder and the file to write. It loads Pyodide, imports
 * the modules the harness uses, and writes the snapshot.
 *
 * @module
 */
// @ts-ignore: a plain ES module of the npm package, loaded by path.
const { loadPyodide } = await import(new URL(`file://${Deno.args[0]}/pyodide.mjs`).href);

const pyodide = await loadPyodide({ indexURL: `${Deno.args[0]}/`, _makeSnapshot: true });
pyodide.runPython(
  "import ast, json, time, types, builtins, traceback, collections, typing, enum, logging, os, sys",
);
Deno.writeFileSync(Deno.args[1], pyodide.makeMemorySnapshot());
