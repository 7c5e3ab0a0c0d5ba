/**
 * What several test files share: where the shared datasets are (never an absolute path of one
 * machine: `../shared/datasets` beside the repository root, or `ASSAY_SHARED/datasets`), and a
 * printed reason when a test that needs them is skipped.
 */
import { join } from "node:path";

/** The repository root. */
export const ROOT = new URL("..", import.meta.url).pathname;

/** The shared datasets folder: `$ASSAY_SHARED/datasets`, else `../shared/datasets` beside the root. */
export const DATASETS = join(
  Deno.env.get("ASSAY_SHARED") ?? join(ROOT, "..", "shared"),
  "datasets",
);

/**
 * The absolute paths of `relatives` under {@link DATASETS} when every one exists; otherwise null,
 * after printing which is missing and what is skipped (`who` names the test file).
 */
export async function sharedDatasets(
  who: string,
  ...relatives: string[]
): Promise<string[] | null> {
  const paths = relatives.map((r) => join(DATASETS, r));
  for (const path of paths) {
    try {
      await Deno.stat(path);
    } catch {
      console.log(
        `${who}: skipping the dataset tests: "${path}" is missing (set ASSAY_SHARED to the folder that holds datasets/)`,
      );
      return null;
    }
  }
  return paths;
}
