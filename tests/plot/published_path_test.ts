import assert from "node:assert/strict";
import { join } from "node:path";
import { CHECKOUT, publishedPath, publishedText } from "../../lib/plot/published_path.ts";
import { ROOT } from "../_helpers.ts";

Deno.test("publishedPath() shows a path of this checkout relative to it", () => {
  assert.equal(CHECKOUT, ROOT.replace(/\/+$/, ""));
  assert.equal(publishedPath(join(CHECKOUT, "tasks", "builtin")), "tasks/builtin");
  assert.equal(publishedPath("/elsewhere/assay/tasks"), "tasks", "another checkout: its name");
  assert.equal(
    publishedPath("/work/main-other/tasks", "/work/main"),
    "tasks",
    "not a prefix match",
  );
});

Deno.test("publishedText() removes the checkout's absolute path from a command line", () => {
  const text = `./assay eval --suite ${CHECKOUT}/tasks/python --out ${CHECKOUT}`;
  assert.equal(publishedText(text), "./assay eval --suite tasks/python --out .");
  assert.equal(publishedText("/work/mainly/x", "/work/main"), "/work/mainly/x");
});
