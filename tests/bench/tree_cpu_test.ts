/**
 * The bench's own CPU time (bench/tree_cpu.ts): its process, its live descendants, the children
 * it reaped; and interleaved()'s turn hook, which takes it per mode.
 */
import assert from "node:assert/strict";
import { interleaved } from "../../bench/machine_load.ts";
import { cpuBudget, sampleTree, treeMs } from "../../bench/tree_cpu.ts";

/** A `deno eval` that spins until it has used `ms` of CPU time. */
const burner = (ms: number) =>
  new Deno.Command(Deno.execPath(), {
    args: [
      "eval",
      `const cpu = () => { const s = Deno.readTextFileSync("/proc/self/stat");
        const f = s.slice(s.lastIndexOf(")") + 2).split(" "); return (Number(f[11]) + Number(f[12])) * 10; };
        while (cpu() < ${ms});`,
    ],
    stdout: "null",
    stderr: "null",
  }).spawn();

Deno.test("treeMs() counts a live child's growth and a reaped child's whole time apart from its own", async () => {
  if (sampleTree() === null) {
    console.warn("tests/bench/tree_cpu_test.ts: no /proc here; CPU time not checked");
    return;
  }
  const before = sampleTree()!;
  // A child that ends (reaped: its time reaches our cutime) and one sampled while it runs.
  await burner(300).status;
  const live = burner(5000);
  let after = sampleTree()!;
  while (!after.processes.some((p) => p.ppid === Deno.pid && p.cpu >= 25)) {
    await new Promise((r) => setTimeout(r, 20));
    after = sampleTree()!;
  }
  live.kill("SIGKILL");
  await live.status;
  const { self, below } = treeMs(before, after, Deno.pid);
  assert(below >= 300 + 250, `below ${below} ms`);
  // Our own process mostly waited meanwhile; its time is apart from the children's.
  assert(self < below, `self ${self} ms, below ${below} ms`);
});

Deno.test("interleaved() calls around(mode) as each mode's turn starts and its result as it ends", async () => {
  const events: string[] = [];
  await interleaved(
    4,
    2,
    {
      b: (i) => (events.push(`b${i}`), Promise.resolve(i)),
      d: (i) => (events.push(`d${i}`), Promise.resolve(i)),
    },
    () => events.push("round"),
    (mode) => {
      events.push(`${String(mode)}+`);
      return () => events.push(`${String(mode)}-`);
    },
  );
  assert.deepEqual(events, [
    "b+",
    "b0",
    "b1",
    "b-",
    "d+",
    "d0",
    "d1",
    "d-",
    "round",
    "b+",
    "b2",
    "b3",
    "b-",
    "d+",
    "d2",
    "d3",
    "d-",
    "round",
  ]);
});

Deno.test("cpuBudget() says how busy each mode kept the cores and the rate (d)'s CPU time allows", () => {
  const cpu = {
    b: [{ self: 50, below: 950 }, { self: 50, below: 950 }],
    d: [{ self: 100, below: 300 }, { self: 100, below: 300 }],
  };
  const modes = { b: { ms: 1000, roundMs: [500, 500] }, d: { ms: 500, roundMs: [250, 250] } };
  const [busy, per] = cpuBudget(cpu, modes, { programs: 200, bRate: 200, cores: 2 });
  assert.match(busy, /\(b\) 2\.00 s in 1\.00 s, 2\.00 of 2 cores busy/);
  assert.match(
    busy,
    /\(d\) 0\.80 s \(this process: the pool's parent and the bench's samplers, 0\.20 s, its hosts 0\.60 s\) in 0\.50 s, 1\.60 of 2 cores busy/,
  );
  // 200 programs in 0.8 s of CPU on 2 cores: 500/s at most, 2.5 times (b)'s 200/s.
  assert.match(
    per,
    /^\(d\) CPU per round, s: 0\.40, 0\.40; .* at most 500 programs\/s, \(d\)\/\(b\) 2\.5$/,
  );
  // A turn without a sample (no /proc) leaves the figures out, saying so.
  assert.deepEqual(cpuBudget({ b: [], d: [] }, modes, { programs: 200, bRate: 200 }), [
    "CPU time: not measured (no /proc)",
  ]);
});
