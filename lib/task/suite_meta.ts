/**
 * A suite's own metadata: an optional `suite.json` at the suite's root that
 * names and versions the suite as a whole (the content hash says whether two
 * copies are identical; the version says which release a run used).
 *
 * ```
 * tasks/builtin/
 *   suite.json     {"name": "builtin", "version": "1.0.0", "description": "…", "licence": "MIT",
 *                   "dependencies": {"mathjs": "^11.0.0"},   (optional: npm packages every task may import)
 *                   "pythonPackages": ["yaml"]}              (optional: Python modules every Python task may import)
 *   clamp/…
 * ```
 *
 * @module
 */
import { join } from "node:path";
import { z } from "zod";
import { Dependencies, PythonPackages } from "./schema.ts";

/** The file name of a suite's metadata, at the suite's root. */
export const SUITE_META_FILE = "suite.json";

/** Semantic Versioning 2.0.0: MAJOR.MINOR.PATCH, optional -prerelease and +build. */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** The contents of `suite.json`. */
export const SuiteMeta = z.object({
  /** The suite's name, e.g. "builtin". */
  name: z.string().min(1).describe("the suite's name"),
  /** The suite's release, a semantic version such as "1.0.0": bump it when tasks change. */
  version: z.string().regex(SEMVER, 'must be a semantic version such as "1.0.0"')
    .describe("the suite's release, a semantic version such as 1.0.0"),
  /** What the suite holds, in a sentence. @default "" */
  description: z.string().default("").describe("what the suite holds, in a sentence"),
  /** The licence of the tasks (an SPDX identifier such as "MIT", or prose). @default null */
  licence: z.string().nullable().default(null).describe(
    "the licence of the tasks, e.g. an SPDX identifier",
  ),
  /** npm packages every task of the suite may import (name → semver range); absent for none. */
  dependencies: Dependencies.optional(),
  /** Python modules beyond the standard library every Python task of the suite may import; absent for none. */
  pythonPackages: PythonPackages.optional(),
}).strict();
/** The contents of `suite.json`. */
export type SuiteMeta = z.infer<typeof SuiteMeta>;

/**
 * Read `suite.json` from a suite folder: null when the file does not exist.
 * Throws an Error naming the file and every bad field otherwise.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readSuiteMeta } from "./suite_meta.ts";
 * const dir = await Deno.makeTempDir();
 * assert.equal(await readSuiteMeta(dir), null);
 * await Deno.writeTextFile(`${dir}/suite.json`, '{"name": "demo", "version": "1.2.0"}');
 * assert.equal((await readSuiteMeta(dir))?.version, "1.2.0");
 * await Deno.writeTextFile(`${dir}/suite.json`, '{"name": "demo", "version": "1.2"}');
 * await assert.rejects(readSuiteMeta(dir), /suite\.json": version: must be a semantic version/);
 * ```
 */
export async function readSuiteMeta(dir: string): Promise<SuiteMeta | null> {
  const file = join(dir, SUITE_META_FILE);
  let raw: string;
  try {
    raw = await Deno.readTextFile(file);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return null;
    throw new Error(`Cannot read "${file}": ${(error as Error).message}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new SyntaxError(`Cannot parse "${file}": not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const parsed = SuiteMeta.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const field = issue.path.length ? issue.path.join(".") : "(root)";
      const missing = issue.code === "invalid_type" && issue.message.includes("undefined");
      return missing ? `${field} is required` : `${field}: ${issue.message}`;
    });
    throw new Error(
      `Cannot parse "${file}": ${problems.join("; ")} ` +
        `(expected {"name": "…", "version": "1.0.0", "description": "…", "licence": "…"})`,
    );
  }
  return parsed.data;
}
