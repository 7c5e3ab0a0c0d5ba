/**
 * Tasks and suites: the zod contract of a task, the folder-suite loader, suite mixing and
 * writing, and the importers of public benchmarks (MultiPL-E, HumanEval-X, MBXP, can-ai-code, jest).
 *
 * Reached as the `assay/task` subpath export (deno.json); the front door, `lib/mod.ts`,
 * re-exports the few names a notebook needs.
 *
 * @module
 */
export {
  AnswerKind,
  Dependencies,
  Language,
  PythonPackages,
  Suite,
  Task,
  taskDependencies,
  TaskFile,
  taskPythonPackages,
  TestCase,
} from "./schema.ts";
export {
  formatFileBundle,
  overlayTree,
  parseFileBundle,
  RESERVED_TREE_PATHS,
  treePathProblem,
} from "./tree.ts";
export { loadSuite, SuiteError } from "./load_suite.ts";
export { readSuiteMeta, SUITE_META_FILE, SuiteMeta } from "./suite_meta.ts";
export { mixSuites } from "./mix_suites.ts";
export type { MixSuitesOptions, SuitePart } from "./mix_suites.ts";
export { writeSuite } from "./write_suite.ts";
export type { WriteSuiteOptions, WrittenSuite } from "./write_suite.ts";
export { hash32, sha256 } from "./hash.ts";
export { detectFormat, importSuite } from "./importers/detect.ts";
export type { ImportSuiteOptions, SuiteFormat } from "./importers/detect.ts";
export { ImportError } from "./importers/import_error.ts";
export { importMultiplE } from "./importers/multipl_e.ts";
export type { MultiplEOptions } from "./importers/multipl_e.ts";
export { importHumanEvalX } from "./importers/humaneval_x.ts";
export type { HumanEvalXOptions } from "./importers/humaneval_x.ts";
export { importMbxp } from "./importers/mbxp.ts";
export type { MbxpOptions } from "./importers/mbxp.ts";
export { importCanAiCode } from "./importers/can_ai_code.ts";
export type { CanAiCodeOptions } from "./importers/can_ai_code.ts";
export { convertTestFile } from "./importers/jest.ts";
export type { ConvertTestFileOptions, TestFileConversion } from "./importers/jest.ts";
export { importTestFile } from "./importers/test_file.ts";
export type { TestFileOptions } from "./importers/test_file.ts";
