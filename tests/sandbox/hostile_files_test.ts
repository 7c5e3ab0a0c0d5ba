/**
 * Hostile programs that try to read files outside the job folder (by API and
 * by module import, which ignores Deno's permissions), read the environment,
 * write files, start processes, load native code or escalate through a Worker.
 * runHostile already checks that no secret shows and no file appears outside.
 */
import assert from "node:assert/strict";
import { assertVerdict, hostile, runHostile } from "./hostile_helpers.ts";

const str = JSON.stringify;
const DENIED = (what: string) => new RegExp(`NotCapable: Requires ${what} access`);

/** An async `add` that first runs `attack` (a statement list). */
const attempt = (attack: string, imports = "") =>
  `${imports}
export async function add(a: number, b: number): Promise<number> {
  ${attack}
  return a + b;
}`;

/** A program that imports `specifier` statically and would leak it through `add`. */
const importing = (line: string) =>
  `${line}\nexport function add(a: number, b: number): number { throw new Error(String(leak)); }`;

hostile("denies Deno.readTextFile of a file outside the job", async () => {
  const run = await runHostile((b) =>
    attempt(`throw new Error(await Deno.readTextFile(${str(b.txt)}));`)
  );
  assertVerdict(run, "completed", ["error", "error"], DENIED("read"));
});

hostile("denies node:fs reads of a file outside the job", async () => {
  const run = await runHostile((b) =>
    attempt(`throw new Error(fs.readFileSync(${str(b.txt)}, "utf8"));`, `import fs from "node:fs";`)
  );
  assertVerdict(run, "completed", ["error", "error"], DENIED("read"));
});

hostile("hides a .ts file outside the job from a static import", async () => {
  const run = await runHostile((b) => importing(`import { secret as leak } from ${str(b.ts)};`));
  assertVerdict(run, "load_error", ["missing", "missing"], /Module not found/);
});

hostile("hides a .json file outside the job from a static import", async () => {
  const run = await runHostile((b) =>
    importing(`import leak from ${str(b.json)} with { type: "json" };`)
  );
  assertVerdict(run, "load_error", ["missing", "missing"], /Module not found/);
});

hostile("hides a .txt file outside the job from a static import", async () => {
  const run = await runHostile((b) =>
    importing(`import leak from ${str(b.txt)} with { type: "text" };`)
  );
  assertVerdict(run, "load_error", ["missing", "missing"], /Module not found/);
});

hostile("hides files outside the job from dynamic import()", async () => {
  const run = await runHostile((b) =>
    attempt(`const found: string[] = [];
  for (const load of [
    () => import(${str(b.ts)}),
    () => import(${str(b.json)}, { with: { type: "json" } }),
    () => import(${str(`file://${b.txt}`)}, { with: { type: "text" } }),
    () => import(["", ...${str(b.ts.split("/").slice(1))}].join("/")),
  ]) {
    try { found.push(JSON.stringify(await load())); } catch { /* hidden */ }
  }
  if (found.length) throw new Error("leaked " + found.join());`)
  );
  assertVerdict(run, "completed", ["pass", "pass"]);
});

hostile("hides /etc/passwd from an import", async () => {
  const run = await runHostile(() =>
    importing(`import leak from "/etc/passwd" with { type: "text" };`)
  );
  assertVerdict(run, "load_error", ["missing", "missing"], /Module not found/);
  assert.ok(!run.text.includes("root:"));
});

hostile("hides the host's environment under /proc", async () => {
  const run = await runHostile(() =>
    attempt(`const seen: string[] = [];
  for (const path of ["/proc/self/environ", "/proc/1/environ", "/proc/2/environ"]) {
    try {
      seen.push(path + "=" + (await import(path, { with: { type: "text" } })).default);
    } catch (e) { seen.push(path + " failed: " + e); }
  }
  throw new Error(seen.join("\\n"));`)
  );
  assertVerdict(run, "completed", ["error", "error"]);
  assert.doesNotMatch(run.text, /OPENAI|PATH=/);
});

hostile("hides the job folder's parent from a relative ../ import", async () => {
  const run = await runHostile(() =>
    importing(`import leak from "../secret.txt" with { type: "text" };`)
  );
  assertVerdict(run, "load_error", ["missing", "missing"], /Module not found/);
});

hostile("denies the environment (Deno.env, node:process)", async () => {
  const viaDeno = await runHostile(() =>
    attempt(
      `throw new Error(JSON.stringify(Deno.env.toObject()) + Deno.env.get("OPENAI_API_KEY"));`,
    )
  );
  assertVerdict(viaDeno, "completed", ["error", "error"], DENIED("env"));
  const viaNode = await runHostile(() =>
    attempt(
      `throw new Error(String(process.env.OPENAI_API_KEY));`,
      `import process from "node:process";`,
    )
  );
  assertVerdict(viaNode, "completed", ["error", "error"], DENIED("env"));
});

hostile("denies Deno.writeTextFile to the host's /tmp and to an absolute path", async () => {
  const run = await runHostile((b) =>
    attempt(`const failures: string[] = [];
  for (const path of [${str(b.hostTmp)}, ${str(`${b.dir}/pwned.txt`)}]) {
    try { await Deno.writeTextFile(path, "pwned"); } catch (e) { failures.push(String(e)); }
  }
  throw new Error(failures.join(" | "));`)
  );
  assertVerdict(run, "completed", ["error", "error"]);
  assert.equal(run.r.cases[0].message.match(/NotCapable: Requires write access/g)?.length, 2);
});

hostile("denies node:fs writes", async () => {
  const run = await runHostile((b) =>
    attempt(`fs.writeFileSync(${str(`${b.dir}/pwned.txt`)}, "pwned");`, `import fs from "node:fs";`)
  );
  assertVerdict(run, "completed", ["error", "error"], DENIED("write"));
});

hostile("denies a subprocess via Deno.Command", async () => {
  const run = await runHostile((b) =>
    attempt(
      `await new Deno.Command("/usr/bin/touch", { args: [${
        str(`${b.dir}/pwned.txt`)
      }] }).output();`,
    )
  );
  assertVerdict(run, "completed", ["error", "error"], DENIED("run"));
});

hostile("denies a subprocess via node:child_process", async () => {
  const run = await runHostile((b) =>
    attempt(
      `execSync("touch ${b.dir}/pwned.txt");`,
      `import { execSync } from "node:child_process";`,
    )
  );
  assertVerdict(run, "completed", ["error", "error"], /NotCapable: Requires (env|run) access/);
});

hostile("denies FFI via Deno.dlopen", async () => {
  const run = await runHostile(() =>
    attempt(
      `Deno.dlopen("/usr/lib/x86_64-linux-gnu/libc.so.6", { getpid: { parameters: [], result: "i32" } });`,
    )
  );
  assertVerdict(run, "completed", ["error", "error"], DENIED("ffi"));
});

hostile("refuses a Worker asking for permissions", async () => {
  for (const permissions of [`"inherit"`, `{ read: true, net: true }`]) {
    const run = await runHostile((b) =>
      attempt(`const src = ${str(`postMessage(Deno.readTextFileSync(${str(b.txt)}))`)};
  new Worker(URL.createObjectURL(new Blob([src])), {
    type: "module", deno: { permissions: ${permissions} },
  } as WorkerOptions);`)
    );
    // Deno ends the whole process on the unstable option: nothing reports.
    assertVerdict(run, "exited", ["missing", "missing"]);
    assert.match(run.r.stderr, /--unstable-worker-options/);
  }
});

hostile("gives a Worker no more than its parent's (no) permissions", async () => {
  // One Worker for both cases: each isolate reserves address space the data cap counts.
  const run = await runHostile((b) =>
    `const src = \`
  const tries = [];
  try { tries.push(Deno.readTextFileSync(${str(b.txt)})); } catch (e) { tries.push(String(e)); }
  try { await fetch("http://127.0.0.1:${b.port}/"); } catch (e) { tries.push(String(e)); }
  postMessage(tries.join(" | "));\`;
const worker = new Worker(URL.createObjectURL(new Blob([src])), { type: "module" });
const said = new Promise((resolve) => { worker.onmessage = (e) => resolve(e.data); });
said.then(() => worker.terminate());
${attempt("throw new Error(String(await said));")}`, { dataMb: 2048 });
  assertVerdict(run, "completed", ["error", "error"]);
  assert.match(run.r.cases[0].message, /Requires read access.*Requires net access/);
});
