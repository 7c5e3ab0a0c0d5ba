/**
 * What one read-only dependency store holds, as recorded in a run's manifest (the store itself:
 * lib/sandbox/dep_store.ts).
 *
 * @module
 */
import { z } from "zod";

/** What one store holds: recorded in the run's manifest. */
export const StoreRecord = z.object({
  /** SHA-256 (hex) over the store's tree: every path, file content and link target. */
  hash: z.string().describe("SHA-256 over the store's tree (paths, contents, link targets)"),
  /** The declared packages and the exact version installed for each. */
  packages: z.record(z.string(), z.string()).describe("declared package to exact version"),
  /** Every package in the tree (path under node_modules → version), dependencies included. */
  installed: z.record(z.string(), z.string()).describe(
    "every package in the tree, path under node_modules to version",
  ),
  /** Where it came from: the project's node_modules or the npm registry (through npm's cache). */
  source: z.enum(["project", "registry"]).describe("project node_modules or the npm registry"),
  /** The declared ranges it was resolved for. */
  request: z.record(z.string(), z.string()).describe("the declared ranges, name to range"),
});
/** What one store holds. */
export type StoreRecord = z.infer<typeof StoreRecord>;
