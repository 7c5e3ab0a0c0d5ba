import assert from "node:assert/strict";
import { extractFiles, filesAnswerCode } from "../../lib/model/extract_files.ts";
import { parseFileBundle } from "../../lib/task/tree.ts";

const FENCE = "`".repeat(3);
const task = {
  language: "py",
  contextFiles: {
    "inventory/__init__.py": "",
    "inventory/stock.py": "def on_hand(stock, sku):\n    return stock.get(sku, 0)\n",
    "inventory/restock.py":
      "from inventory.stock import on_hand\n\n\ndef shortfall(stock, sku, target):\n    return max(0, target - on_hand(stock, sku))\n",
  },
  editable: ["inventory/restock.py", "inventory/stock.py"],
};
const NEW_RESTOCK = task.contextFiles["inventory/restock.py"] +
  "\n\ndef restock_order(stock, targets):\n    return {}\n";

Deno.test("extractFiles() reads Python whole files by a `# file:` first line, a `# file:` line before the fence and a ### heading", () => {
  for (
    const text of [
      `${FENCE}python\n# file: inventory/restock.py\n${NEW_RESTOCK}${FENCE}\n`,
      `${FENCE}py\n# inventory/restock.py\n${NEW_RESTOCK}${FENCE}\n`,
      `# file: inventory/restock.py\n${FENCE}python\n${NEW_RESTOCK}${FENCE}\n`,
      `### inventory/restock.py\n${FENCE}python\n${NEW_RESTOCK}${FENCE}\n`,
      `${FENCE}python title="inventory/restock.py"\n${NEW_RESTOCK}${FENCE}\n`,
    ]
  ) {
    const r = extractFiles(text, task);
    assert.deepEqual(
      r,
      { ok: true, files: { "inventory/restock.py": NEW_RESTOCK }, form: "whole" },
      text,
    );
  }
});

Deno.test("extractFiles() takes several Python files, and refuses an unnamed python block when two files are editable", () => {
  const stock = "def on_hand(stock, sku):\n    return max(0, stock.get(sku, 0))\n";
  const r = extractFiles(
    `Here:\n\n# file: inventory/stock.py\n${FENCE}python\n${stock}${FENCE}\n\n# file: inventory/restock.py\n${FENCE}python\n${NEW_RESTOCK}${FENCE}\n`,
    task,
  );
  assert.ok(r.ok);
  assert.deepEqual(Object.keys(r.files).sort(), ["inventory/restock.py", "inventory/stock.py"]);
  assert.equal(r.files["inventory/stock.py"], stock);
  const unnamed = extractFiles(`${FENCE}python\n${NEW_RESTOCK}${FENCE}\n`, task);
  assert.ok(!unnamed.ok && /no code block names its file/.test(unnamed.reason));
  assert.ok(
    extractFiles(`${FENCE}python\n${NEW_RESTOCK}${FENCE}\n`, {
      ...task,
      editable: ["inventory/restock.py"],
    }).ok,
    "an unnamed block goes to the only editable file",
  );
});

Deno.test("extractFiles() applies a unified diff to a Python context file", () => {
  const diff = [
    "--- a/inventory/restock.py",
    "+++ b/inventory/restock.py",
    "@@ -3,3 +3,7 @@",
    " ",
    " def shortfall(stock, sku, target):",
    "     return max(0, target - on_hand(stock, sku))",
    "+",
    "+",
    "+def restock_order(stock, targets):",
    "+    return {}",
    "",
  ].join("\n");
  const r = extractFiles(`${FENCE}diff\n${diff}${FENCE}\n`, task);
  assert.deepEqual(r, { ok: true, files: { "inventory/restock.py": NEW_RESTOCK }, form: "diff" });
  assert.deepEqual(extractFiles(diff, task), r, "a raw diff too");
});

Deno.test("extractFiles() adds only .py files to a Python task that allows new files", () => {
  const add = (path: string) => `### ${path}\n${FENCE}python\nRATE = 2\n${FENCE}\n`;
  const closed = extractFiles(add("inventory/rates.py"), task);
  assert.ok(
    !closed.ok && /"inventory\/rates\.py" is not a file of the codebase/.test(closed.reason),
  );
  const open = { ...task, newFiles: true };
  assert.deepEqual(extractFiles(add("inventory/rates.py"), open), {
    ok: true,
    files: { "inventory/rates.py": "RATE = 2\n" },
    form: "whole",
  });
  const notPy = extractFiles(`### inventory/rates.json\n${FENCE}json\n{}\n${FENCE}\n`, open);
  assert.ok(!notPy.ok, "a .json file is not a Python module");
  assert.equal(
    notPy.reason,
    '"inventory/rates.json" is not a .py file: only Python modules may be added',
  );
  const escape = extractFiles(add("../rates.py"), open);
  assert.ok(!escape.ok && /escapes the tree/.test(escape.reason));
});

Deno.test("filesAnswerCode() records a Python answer as a # file: bundle that parses back", () => {
  const code = filesAnswerCode(
    `### inventory/restock.py\n${FENCE}python\n${NEW_RESTOCK}${FENCE}\n`,
    task,
  );
  assert.equal(code, `# file: inventory/restock.py\n${NEW_RESTOCK}`);
  assert.deepEqual(parseFileBundle(code!), { "inventory/restock.py": NEW_RESTOCK });
});
