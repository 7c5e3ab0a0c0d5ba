/**
 * The pure rule of the benches' honest ratios (bench/machine_load.ts): when a target verdict is
 * printed, and what other processes used during a run.
 */
import assert from "node:assert/strict";
import { cpuTimes, othersCores, targetVerdict } from "../../bench/machine_load.ts";

Deno.test("targetVerdict() judges a run that began on a quiet machine, however high the bench's own load climbed", () => {
  // This morning's run on main: load 0.47 before; the bench's 4 workers, hosts and sandboxes
  // pushed the 1-min load to 7.88, which used to withhold every verdict. Others used 0.3 cores.
  const load = {
    before: [0.47, 0.6, 0.7] as [number, number, number],
    cores: 2,
    othersDuring: 0.3,
  };
  assert.equal(targetVerdict(0.36, 0.7, load), "target >= 0.7: not met");
  assert.equal(targetVerdict(6.1, 6, load), "target >= 6: met");
});

Deno.test("targetVerdict() refuses a verdict when the load before the run exceeds the cores", () => {
  const verdict = targetVerdict(0.8, 0.7, { before: [2.01, 1, 1], cores: 2, othersDuring: 0 });
  assert.match(
    verdict,
    /machine busy before the run \(1-min load 2\.01 > 2 cores\): ratio not comparable/,
  );
  // At the core count exactly, the machine is not busy.
  assert.equal(targetVerdict(0.8, 0.7, { before: [2, 1, 1], cores: 2 }), "target >= 0.7: met");
});

Deno.test("targetVerdict() refuses a verdict when other processes kept more than half the cores busy during the run", () => {
  const before = [0.3, 0.3, 0.3] as [number, number, number];
  assert.match(
    targetVerdict(0.8, 0.7, { before, cores: 2, othersDuring: 1.2 }),
    /machine busy during the run \(other processes used 1\.20 of 2 cores on average, > half\)/,
  );
  assert.equal(
    targetVerdict(0.8, 0.7, { before, cores: 2, othersDuring: 1 }),
    "target >= 0.7: met",
  );
  // Unknown during the run: the load before decides alone.
  assert.equal(
    targetVerdict(0.5, 0.7, { before, cores: 2, othersDuring: null }),
    "target >= 0.7: not met",
  );
  assert.match(
    targetVerdict(0.8, 0.7, { before: null, cores: 2 }),
    /load unknown: ratio not comparable/,
  );
});

Deno.test("othersCores() subtracts the bench's own CPU time (its children's included) from the machine's", () => {
  const before = { machineMs: 50_000, ownMs: 2_000 };
  // 20 s of rounds on 2 cores: the machine busy 38 core-seconds, the bench 36 of them.
  const after = { machineMs: 88_000, ownMs: 38_000 };
  assert.equal(othersCores(before, after, 20_000), 0.1);
  // Never negative (ticks are coarse).
  assert.equal(othersCores(before, { machineMs: 50_000, ownMs: 2_010 }, 1_000), 0);
  assert.equal(othersCores(before, null, 20_000), null);
});

Deno.test("cpuTimes() reads the machine's and this process's CPU time, the child it waited for included", async () => {
  const before = cpuTimes();
  if (before === null) {
    console.warn("tests/bench/machine_load_test.ts: no /proc/stat here; cpuTimes() not checked");
    return;
  }
  // A child that burns 300 ms of its own CPU time (however busy the machine), waited for: its
  // time lands in ours.
  const burn = `const cpu = () => { const s = Deno.readTextFileSync("/proc/self/stat");
    const f = s.slice(s.lastIndexOf(")") + 2).split(" "); return (Number(f[11]) + Number(f[12])) * 10; };
    while (cpu() < 300);`;
  await new Deno.Command(Deno.execPath(), {
    args: ["eval", burn],
    stdout: "null",
    stderr: "null",
  }).output();
  const after = cpuTimes()!;
  assert(after.ownMs - before.ownMs >= 290, `own CPU grew by ${after.ownMs - before.ownMs} ms`);
  assert(after.machineMs - before.machineMs >= after.ownMs - before.ownMs - 50);
});
