import assert from "node:assert/strict";
import { join } from "node:path";
import {
  createProvider,
  evaluate,
  IncompleteRunError,
  loadRun,
  ProviderError,
  SandboxUnavailableError,
  syntheticProvider,
} from "../lib/mod.ts";
import { resolvePreset } from "../lib/model/presets.ts";
import { requireComplete } from "../lib/analyze/mod.ts";
import { readRecords } from "../lib/run/store.ts";
import { pythonCommand } from "../lib/sandbox/python_command.ts";
import { ROOT } from "./_helpers.ts";

Deno.test("a model that cannot be created is a ProviderError naming the spec, the preset or the key", () => {
  assert.throws(() => createProvider("nonsense"), ProviderError);
  assert.throws(() => createProvider("synthetic:no-such-profile"), {
    name: "ProviderError",
    message: /known profiles are/,
  });
  assert.throws(() => resolvePreset("openai", {}), {
    name: "ProviderError",
    message: /no API key: set OPENAI_API_KEY/,
  });
});

Deno.test("CPython without bubblewrap is a SandboxUnavailableError, not the code's failure", () => {
  assert.throws(
    () =>
      pythonCommand({
        runtime: "cpython",
        isolation: "none",
        dir: "/tmp/x",
        denoPath: Deno.execPath(),
        pyodideDir: "/tmp/p",
        killAfterMs: 1000,
        heapMb: 64,
        dataMb: 256,
        timeoutMs: 500,
      } as never),
    (e: Error) => e instanceof SandboxUnavailableError && /only under bubblewrap/.test(e.message),
  );
});

Deno.test("evaluate() refuses declared Python packages under Pyodide with a SandboxUnavailableError, before any folder is made", async () => {
  const runsDir = await Deno.makeTempDir();
  const task = {
    id: "uses-yaml",
    language: "py",
    instructions: "x",
    signature: "def f(): ...",
    entry: "f",
    pythonPackages: ["yaml"],
    tests: [],
  };
  const model = syntheticProvider("default", []);
  try {
    await assert.rejects(
      evaluate({ name: "s", dir: runsDir, tasks: [task] } as never, { models: [model], runsDir }),
      (e: Error) => e instanceof SandboxUnavailableError && /--python cpython/.test(e.message),
    );
    assert.deepEqual([...Deno.readDirSync(runsDir)], []);
  } finally {
    await model.close();
    await Deno.remove(runsDir, { recursive: true });
  }
});

Deno.test("an incomplete run asked for a verdict is an IncompleteRunError with its counts", async () => {
  const run = await loadRun(join(ROOT, "data/fixtures/run-tiny"));
  requireComplete(run, "judge"); // the fixture is complete
  const partial = { ...run, incomplete: { recorded: 5, expected: 12 } };
  assert.throws(() => requireComplete(partial, "judge"), (e: Error) => {
    assert.ok(e instanceof IncompleteRunError);
    assert.deepEqual([e.recorded, e.expected, e.dir], [5, 12, run.dir]);
    assert.match(e.message, /it is incomplete: 5 of 12 samples recorded: rerun the eval command/);
    return true;
  });
});

Deno.test("a records file with a line that is not JSON is a SyntaxError naming the file and line, with its cause", async () => {
  const dir = await Deno.makeTempDir();
  const path = join(dir, "results.jsonl");
  await Deno.writeTextFile(path, '{"a":1}\n{oops\n{"b":2}\n');
  await assert.rejects(readRecords(path, () => {}), (e: Error) => {
    assert.ok(e instanceof SyntaxError);
    assert.match(e.message, /results\.jsonl": line 2: /);
    assert.ok(e.cause instanceof SyntaxError);
    return true;
  });
  await Deno.remove(dir, { recursive: true });
});
