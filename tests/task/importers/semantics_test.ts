/**
 * Each JavaScript benchmark importer declares the semantics its harness runs code with: a
 * non-strict script (node running a .js file, or tsc's CommonJS emit for MultiPL-E TypeScript);
 * MBXP TypeScript, run by its harness as a module, stays `module`.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { importCanAiCode } from "../../../lib/task/importers/can_ai_code.ts";
import { importHumanEvalX } from "../../../lib/task/importers/humaneval_x.ts";
import { importMbxp } from "../../../lib/task/importers/mbxp.ts";
import { importMultiplE } from "../../../lib/task/importers/multipl_e.ts";
import { ROOT } from "../../_helpers.ts";

const FIXTURES = join(ROOT, "data/fixtures/importers");

Deno.test("importers declare their harness's semantics: script for MBXP JS, MultiPL-E, HumanEval-X and can-ai-code; module for MBXP TS", async () => {
  const semantics = async (
    suite: Promise<{ tasks: { semantics: string }[] }>,
  ) => [...new Set((await suite).tasks.map((t) => t.semantics))];
  assert.deepEqual(await semantics(importMbxp(join(FIXTURES, "mbxp-js.jsonl"))), ["script"]);
  assert.deepEqual(await semantics(importMbxp(join(FIXTURES, "mbxp-ts.jsonl"))), ["module"]);
  assert.deepEqual(await semantics(importMultiplE(join(FIXTURES, "multipl-e.jsonl"))), ["script"]);
  assert.deepEqual(await semantics(importHumanEvalX(join(FIXTURES, "humaneval-x.jsonl"))), [
    "script",
  ]);
  assert.deepEqual(
    await semantics(importCanAiCode(join(FIXTURES, "can-ai-code-tasks.json"))),
    ["script"],
  );
});
