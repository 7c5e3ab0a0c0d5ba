import assert from "node:assert/strict";
import { packageCheck } from "../../lib/score/package_check.ts";
import { classifyFailure, importedPackages } from "../../lib/score/taxonomy.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

const failedImport = (name: string) => ({
  code: `import x from "${name}";\nexport const f = () => x;`,
  outcome: "load_error" as const,
  detail:
    `import of "${name}", not a declared dependency: TypeError: Import "${name}" not a dependency`,
  cases: [{ name: "a", kind: "core" as const, status: "missing" as const, message: "load_error" }],
  stderr: "",
  entry: "f",
});

Deno.test("classifyFailure() labels a real but undeclared package undeclared_dependency under hallucinated_api", async () => {
  const input = failedImport("zod");
  const check = packageCheck({ projectDir: ROOT });
  const packages = { zod: await check("zod") };
  const result = classifyFailure({ ...input, packages })!;
  assert.equal(result.category, "hallucinated_api");
  assert.deepEqual(result.labels, ["undeclared_dependency"]);
  assert.equal(result.evidence[0].label, "undeclared_dependency");
  assert.match(result.evidence[0].text, /checked by local-list: found in the local name list/);
});

Deno.test("classifyFailure() labels an unknown package nonexistent_package and says which check decided", async () => {
  const name = "left-padx-nonexist";
  const packages = { [name]: await packageCheck({ projectDir: ROOT })(name) };
  const result = classifyFailure({ ...failedImport(name), packages })!;
  assert.equal(result.category, "hallucinated_api");
  assert.deepEqual(result.labels, ["nonexistent_package"]);
  assert.match(result.evidence[0].text, /not in the local name list .*not the registry/);
  const registry = {
    [name]: {
      name,
      exists: false,
      checkedBy: "registry" as const,
      detail: "npm view: 404 Not Found",
    },
  };
  assert.match(
    classifyFailure({ ...failedImport(name), packages: registry })!.evidence[0].text,
    /checked by registry: npm view: 404/,
  );
});

Deno.test("classifyFailure() leaves a package import unlabelled without a package check", () => {
  const result = classifyFailure(failedImport("zod"))!;
  assert.equal(result.category, "hallucinated_api");
  assert.equal(result.labels, undefined);
});

Deno.test("importedPackages() reads a dynamic import failing inside a case", () => {
  assert.deepEqual(
    importedPackages({
      code: "export const f = async () => await import('zod');",
      outcome: "completed",
      detail: "",
      stderr: "",
      cases: [{
        name: "a",
        kind: "core",
        status: "error",
        message: 'TypeError: Import "zod" not a dependency',
      }],
    }),
    ["zod"],
  );
});
