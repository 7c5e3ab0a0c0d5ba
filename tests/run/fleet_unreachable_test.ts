import assert from "node:assert/strict";
import { join } from "node:path";
import { evaluate } from "../../lib/run/evaluate.ts";
import { syntheticProvider } from "../../lib/model/synthetic.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { ROOT } from "../_helpers.ts";

Deno.test("evaluate({ fleet }) with no server there fails before any run folder is made", async () => {
  const builtin = await loadSuite(join(ROOT, "tasks/builtin"));
  const suite = { ...builtin, tasks: builtin.tasks.slice(0, 1) };
  const model = syntheticProvider("default", suite.tasks);
  const runsDir = await Deno.makeTempDir();
  // A port nothing listens on: the connection is refused at once.
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  try {
    await assert.rejects(
      evaluate(suite, { models: [model], runsDir, fleet: { url: `nats://127.0.0.1:${port}` } }),
      /Cannot connect to the fleet at "nats:\/\/127\.0\.0\.1:\d+"/,
    );
    assert.deepEqual([...Deno.readDirSync(runsDir)].map((e) => e.name), []);
  } finally {
    await model.close();
    await Deno.remove(runsDir, { recursive: true });
  }
});
