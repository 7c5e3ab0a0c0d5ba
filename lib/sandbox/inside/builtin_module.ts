/**
 * A module of a job's context that exports values the host hands it (the built-ins node:assert
 * and node:util, a package realm's loader), made before any job code runs.
 *
 * @module
 */
import vm from "node:vm";
import { Fallback } from "./host_errors.ts";

/** The context-global binding a built-in module takes its namespace from, during its one run. */
const HANDOFF = "__assayBuiltinHandoff";
const ObjectKeys = Object.keys;
const defineProperty = Object.defineProperty;

/**
 * A built-in module (`node:assert`…) of `context` exporting `ns`'s properties, linked and
 * evaluated. A source text module, not a vm.SyntheticModule: Deno keeps every synthetic module's
 * context alive (about 190 KiB a job, the host's heap growing until it is replaced). Its one run
 * takes `ns` from a context-global binding it deletes; no job code has run in the context yet
 * (linking runs none), so nothing else sees the binding.
 */
export async function builtinModule(
  context: vm.Context,
  specifier: string,
  ns: Record<string, unknown>,
): Promise<vm.Module> {
  const names = ObjectKeys(ns);
  const source = `const ns = globalThis.${HANDOFF}; delete globalThis.${HANDOFF};\n` +
    names.map((n, i) => `const v${i} = ns[${JSON.stringify(n)}];`).join("\n") +
    `\nexport { ${names.map((n, i) => `v${i} as ${JSON.stringify(n)}`).join(", ")} };`;
  const m = new vm.SourceTextModule(source, { context, identifier: specifier });
  await m.link(() => {
    throw new Fallback(`"${specifier}" has an import`);
  });
  defineProperty(context, HANDOFF, { value: ns, configurable: true, writable: true });
  // Settles within the call (no await in its source): its promise, the context's, is not used.
  m.evaluate();
  if (m.status !== "evaluated") throw new Fallback(`"${specifier}" did not evaluate`);
  return m;
}
