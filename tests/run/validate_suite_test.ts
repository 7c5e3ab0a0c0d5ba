import assert from "node:assert/strict";
import { join } from "node:path";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { referenceMutants, validateSuite } from "../../lib/run/validate_suite.ts";
import { validationMarkdown } from "../../lib/run/validation_markdown.ts";

const TINY = new URL("../../data/fixtures/suite-tiny", import.meta.url).pathname;

Deno.test("validateSuite() passes the references of a sound suite and reports kill rates", async () => {
  const suite = await loadSuite(TINY);
  const v = await validateSuite(suite, { isolation: "none", referenceRuns: 2 });
  assert.deepEqual(v.map((t) => t.task), ["clamp", "sum-evens"]);
  for (const t of v) {
    assert.equal(t.referencePasses, 2);
    assert.deepEqual(t.problems, []);
    assert.ok(t.mutants.length > 0);
    assert.ok(t.killRate! >= 0.8, `${t.task} kill rate ${t.killRate}`);
  }
  assert.match(validationMarkdown(v), /\| clamp \| 2\/2 pass \|/);
});

Deno.test("validateSuite() flags weak tests, a failing reference, and lists survivors", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.mkdir(join(dir, "weak"));
  await Deno.writeTextFile(
    join(dir, "weak", "task.json"),
    JSON.stringify({
      id: "weak",
      title: "weak tests",
      instructions: "Return the larger of a and b; when b is negative return 0.",
      entry: "pick",
      signature: "export function pick(a: number, b: number): number",
      cases: [{ name: "returns a number", kind: "core" }, {
        name: "wrong on purpose",
        kind: "edge",
      }],
    }),
  );
  await Deno.writeTextFile(
    join(dir, "weak", "reference.ts"),
    "export function pick(a: number, b: number): number {\n  if (b < 0) return 0;\n  if (a > b) return a;\n  return b;\n}\n",
  );
  await Deno.writeTextFile(
    join(dir, "weak", "tests.ts"),
    `import assert from "node:assert/strict";
import { pick } from "./solution.ts";
export const cases = {
  "returns a number": () => assert.equal(typeof pick(1, 2), "number"),
  "wrong on purpose": () => assert.equal(pick(1, 2), 1),
};`,
  );
  const [v] = await validateSuite(await loadSuite(dir), { isolation: "none", referenceRuns: 2 });
  assert.deepEqual(v.failingCases, ["wrong on purpose"]);
  assert.ok(v.problems.some((p) => /the reference fails: wrong on purpose/.test(p)));
  const md = validationMarkdown([v]);
  assert.match(md, /Surviving mutants:/);
});

Deno.test("referenceMutants() is deterministic and keeps distinct semantic mutants only", async () => {
  const suite = await loadSuite(TINY);
  const task = suite.tasks[0];
  const a = referenceMutants({ referenceSource: task.referenceSource!, entry: task.entry });
  const b = referenceMutants({ referenceSource: task.referenceSource!, entry: task.entry });
  assert.deepEqual(a, b);
  assert.equal(new Set(a.map((m) => m.source)).size, a.length);
  assert.ok(
    a.every((m) =>
      ["off_by_one", "dropped_guard", "swapped_operator", "hallucinated_api"].includes(m.name)
    ),
  );
});
