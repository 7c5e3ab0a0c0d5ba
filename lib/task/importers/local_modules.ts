/**
 * Carrying a test file's local module graph into a task: the sibling modules the test file and
 * the reference import (`./lib.js`, `./helpers`), followed transitively, become the task's
 * context files at their paths relative to the test file's folder, with every relative
 * specifier rewritten to the exact file name (the sandbox's Deno resolves no extensions) and
 * every import of the module under test pointed at `solution.ts`. In the job the tests file and
 * `solution.ts` sit at the root of that tree.
 *
 * @module
 */
import { dirname, isAbsolute, posix, relative, sep } from "node:path";
import { treePathProblem } from "../tree.ts";
import { findModule } from "./find_module.ts";
import { localSpecifiers, rewriteSpecifiers } from "./local_specifiers.ts";

/** Options for {@link localModules}. */
export interface LocalModulesOptions {
  /** The folder every carried module must be inside: the test file's folder. */
  root: string;
  /** The module under test (its imports become imports of `solution.ts`); null when none. */
  modulePath: string | null;
}

/** What {@link localModules} returns: the walk, and what it found. */
export interface LocalModules {
  /**
   * The job specifier of `specifier` imported by `from` (a file on disk) that sits at
   * `location` in the job ("tests.ts", "solution.ts" or a tree path), carrying the target and
   * its own imports; null (with a problem recorded) when it cannot be carried.
   */
  resolve(from: string, location: string, specifier: string, line: number): Promise<string | null>;
  /** `source` (of `from`, at `location`) with its relative specifiers rewritten, its targets carried. */
  carry(from: string, location: string, source: string): Promise<string>;
  /** The carried modules: tree path (relative to the root) → rewritten source. */
  files: Record<string, string>;
  /** Problems, each `"<file>": line N: imports: …`. */
  problems: string[];
}

/**
 * Start a walk of the local module graph under `options.root`. A module outside the root, one
 * that cannot be found, or one whose path the job reserves is a problem naming the importing
 * file, the line and the specifier.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { localModules } from "./local_modules.ts";
 * const root = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${root}/thing.ts`, 'import { twice } from "./lib";\nexport const thing = () => twice(2);\n');
 * await Deno.writeTextFile(`${root}/lib.ts`, 'export { twice } from "./util/math.js";\n');
 * await Deno.mkdir(`${root}/util`);
 * await Deno.writeTextFile(`${root}/util/math.ts`, "export const twice = (n: number) => 2 * n;\n");
 * const graph = localModules({ root, modulePath: `${root}/thing.ts` });
 * const solution = await graph.carry(`${root}/thing.ts`, "solution.ts", await Deno.readTextFile(`${root}/thing.ts`));
 * assert.match(solution, /from "\.\/lib\.ts"/);
 * assert.deepEqual(Object.keys(graph.files).sort(), ["lib.ts", "util/math.ts"]);
 * assert.match(graph.files["lib.ts"], /from "\.\/util\/math\.ts"/);
 * assert.equal(await graph.resolve(`${root}/thing.ts`, "solution.ts", "../elsewhere", 3), null);
 * assert.match(graph.problems[0], /line 3: imports: cannot find "\.\.\/elsewhere"/);
 * await Deno.remove(root, { recursive: true });
 * ```
 */
export function localModules(options: LocalModulesOptions): LocalModules {
  const files: Record<string, string> = {};
  const problems: string[] = [];
  const started = new Set<string>();
  const graph: LocalModules = {
    files,
    problems,
    async resolve(from, location, specifier, line) {
      const at = `"${from}": line ${line}: imports`;
      const target = await findModule(dirname(from), specifier);
      if (target === null) {
        problems.push(
          `${at}: cannot find "${specifier}" (tried it as written, with .ts, .js…, and /index.ts): add the file or remove the import`,
        );
        return null;
      }
      let path: string;
      if (target === options.modulePath) path = "solution.ts";
      else {
        const inside = relative(options.root, target);
        if (inside.startsWith("..") || isAbsolute(inside)) {
          problems.push(
            `${at}: "${specifier}" resolves to "${target}", outside the test file's folder "${options.root}": only modules inside it are carried into the task; move it there or import it differently`,
          );
          return null;
        }
        path = inside.split(sep).join("/");
        const problem = treePathProblem(path);
        if (problem) {
          problems.push(`${at}: cannot carry "${specifier}": ${problem}: rename the file`);
          return null;
        }
        if (!started.has(path)) {
          started.add(path);
          files[path] = await graph.carry(target, path, await Deno.readTextFile(target));
        }
      }
      const spec = posix.relative(posix.dirname(location), path);
      return spec.startsWith("../") ? spec : `./${spec}`;
    },
    async carry(from, location, source) {
      let specifiers;
      try {
        specifiers = localSpecifiers(source);
      } catch (error) {
        problems.push(`"${from}": ${(error as Error).message}`);
        return source;
      }
      const to = new Map<string, string | null>();
      for (const s of specifiers) {
        if (to.has(s.specifier)) continue;
        // A type-only import is erased at run time: carried when found, never a problem.
        if (s.typeOnly && (await findModule(dirname(from), s.specifier)) === null) {
          to.set(s.specifier, null);
          continue;
        }
        to.set(s.specifier, await graph.resolve(from, location, s.specifier, s.line));
      }
      return rewriteSpecifiers(source, (specifier) => to.get(specifier) ?? null);
    },
  };
  return graph;
}
