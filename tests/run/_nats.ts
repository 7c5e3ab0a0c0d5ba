/**
 * A real `nats-server -js` on a free loopback port for tests (Debian's nats-server; ./assay
 * installs it), started and stopped by the test, restartable on the same port and store; and
 * fleet workers (`lib/cli.ts worker` subprocesses) whose log lines a test can watch.
 */
import { connect } from "node:net";

/** Why no NATS server can run here (printed by the test), or null. */
export async function natsUnavailable(): Promise<string | null> {
  for (const path of ["/usr/sbin/nats-server", "/usr/bin/nats-server"]) {
    if (await Deno.stat(path).catch(() => null)) return null;
  }
  return "nats-server is missing (apt-get install -y nats-server; ./assay installs it)";
}

/** A running server. */
export interface NatsServer {
  /** `nats://127.0.0.1:<port>`. */
  url: string;
  /** Stop it (SIGTERM, then wait). */
  stop(): Promise<void>;
  /** Stop it and start it again on the same port with the same JetStream store. */
  restart(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

/** True once something accepts connections on the port. */
function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port }, () => (socket.end(), resolve(true)));
    socket.on("error", () => resolve(false));
  });
}

/** Start `nats-server -js` on a free loopback port with a fresh store. */
export async function startNats(): Promise<NatsServer> {
  const port = freePort();
  const store = await Deno.makeTempDir({ prefix: "assay-nats-" });
  let child: Deno.ChildProcess;
  const start = async () => {
    child = new Deno.Command("nats-server", {
      args: ["-js", "-a", "127.0.0.1", "-p", String(port), "-sd", store],
      stdout: "null",
      stderr: "null",
    }).spawn();
    const deadline = Date.now() + 10_000;
    while (!(await accepting(port))) {
      if (Date.now() > deadline) throw new Error(`nats-server did not start on port ${port}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stop = async () => {
    try {
      child.kill("SIGTERM");
    } catch { /* already gone */ }
    await child.status;
  };
  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    restart: async () => {
      await stop();
      await start();
    },
    stop: async () => {
      await stop();
      await Deno.remove(store, { recursive: true }).catch(() => {});
    },
  };
}

/** A worker subprocess; its stderr lines are kept and can be watched. */
export function startWorker(url: string, extra: string[] = []) {
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      new URL("../../lib/cli.ts", import.meta.url).pathname,
      "worker",
      "--nats",
      url,
      "--concurrency",
      "2",
      "--ack-wait-ms",
      "2000",
      ...extra,
    ],
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const lines: string[] = [];
  const watchers: ((line: string) => void)[] = [];
  void (async () => {
    let rest = "";
    for await (const chunk of child.stderr.pipeThrough(new TextDecoderStream())) {
      const parts = (rest + chunk).split("\n");
      rest = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        for (const w of watchers) w(line);
      }
    }
  })();
  return {
    child,
    lines,
    onLine: (w: (line: string) => void) => watchers.push(w),
    kill: async (signal: Deno.Signal = "SIGKILL") => {
      try {
        child.kill(signal);
      } catch { /* gone */ }
      await child.status;
    },
  };
}
