/**
 * The error a suite that cannot be loaded (or imported) throws: every problem found, at once.
 *
 * @module
 */

/** Thrown when a suite cannot be loaded; `problems` lists every problem found. */
export class SuiteError extends Error {
  /** One line per problem: `"<file>": <field>: <message>`. */
  readonly problems: string[];
  /** @param dir the suite folder; @param problems one line per problem */
  constructor(dir: string, problems: string[]) {
    super(`Cannot load suite "${dir}": ${problems.length} problem(s):\n  ${problems.join("\n  ")}`);
    this.name = "SuiteError";
    this.problems = problems;
  }
}
