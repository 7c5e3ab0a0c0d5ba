import assert from "node:assert/strict";
import { typecheckBatch } from "../../lib/score/typecheck.ts";

const testsSource =
  'import { total } from "./src/cart.ts";\nexport const cases = { sums: () => total([1]) };\n';

Deno.test("typecheckBatch() checks a sample's tree and names the tree file of each diagnostic", async () => {
  const found = await typecheckBatch([
    {
      id: "ok",
      code: "",
      testsSource,
      files: {
        "src/cart.ts":
          'import { add } from "./money.ts";\nexport const total = (xs: number[]) => xs.reduce(add, 0);\n',
        "src/money.ts": "export const add = (a: number, b: number) => a + b;\n",
      },
    },
    {
      id: "bad",
      code: "",
      testsSource,
      files: {
        "src/cart.ts":
          'import { add } from "./money.ts";\nexport const total = (xs: number[]) => xs.sum(add);\n',
        "src/money.ts":
          'import _ from "lodash";\nexport const add = (a: number, b: number) => a + b;\n',
      },
    },
    {
      id: "unparsable",
      code: "",
      testsSource,
      files: { "src/cart.ts": "export const total = (;\n" },
    },
  ]);
  assert.deepEqual(found.get("ok"), []);
  const bad = found.get("bad")!;
  assert.ok(
    bad.some((d) => d.code === 2339 && d.path === "src/cart.ts" && d.file === "solution"),
    JSON.stringify(bad),
  );
  assert.ok(bad.some((d) => d.code === 2307 && d.path === "src/money.ts" && d.line === 1));
  const unparsable = found.get("unparsable")!;
  assert.ok(
    unparsable.length > 0 && unparsable.every((d) => d.path === "src/cart.ts" && d.code < 2000),
  );
});
