/**
 * One warm-pool host process, seen from the parent: spawned in its folder under the isolation
 * recipe (argv.ts), fed job lines on stdin, its `<nonce> <json>` lines delivered to whoever
 * listens, its stderr tail kept, killed with its whole process group.
 *
 * @module
 */
import type { CaseVerdict } from "../record/case_verdict.ts";
import type { SandboxCommand } from "./argv.ts";
import { nonceLines } from "./nonce_lines.ts";
import { spawnSandboxed } from "./spawn.ts";

/** A line from the host (inside/pool_host.ts). */
export interface HostMessage {
  type: string;
  name?: string | null;
  status?: CaseVerdict["status"];
  message?: string;
  ms?: number;
  reason?: string;
  /** On `timeout`: the running case's own limit ran out, not the sample's. */
  own?: boolean;
}

/** One long-lived host process. */
export class HostProcess {
  readonly nonce = crypto.randomUUID().replaceAll("-", "");
  readonly startedAt = performance.now();
  jobs = 0;
  dead = false;
  /** Set once the host has said anything: it has booted (see host_job.ts). */
  booted = false;
  /** Set when the host found its intrinsics changed after a sample (it then exits). */
  contaminated = false;
  stderr = "";
  /** The package graphs (by id) this host was sent: later jobs name them by id alone. */
  readonly graphs = new Set<string>();
  #child: Deno.ChildProcess;
  #writer: WritableStreamDefaultWriter<Uint8Array>;
  #listener: ((m: HostMessage | null) => void) | null = null;
  #dir: string;
  readonly exited: Promise<void>;

  /** Start `command` in `dir` (removed when the host is killed) and send it its nonce. */
  constructor(command: SandboxCommand, dir: string) {
    this.#dir = dir;
    this.#child = spawnSandboxed(command, dir);
    this.#writer = this.#child.stdin.getWriter();
    this.exited = Promise.all([this.#read(), this.#drainStderr(), this.#child.status]).then(() => {
      this.dead = true;
      this.#listener?.(null);
    });
    this.send({ nonce: this.nonce });
  }

  /** Write one JSON line to the host. */
  send(value: unknown): void {
    this.#writer.write(new TextEncoder().encode(JSON.stringify(value) + "\n")).catch(() => {});
  }

  /** Deliver host messages to `listener` until it is replaced; null means the host is gone. */
  listen(listener: ((m: HostMessage | null) => void) | null): void {
    this.#listener = listener;
  }

  async #read(): Promise<void> {
    const scan = nonceLines(this.nonce, (message) => {
      const m = message as HostMessage;
      this.booted = true;
      if (m.type === "contaminated") this.contaminated = true;
      this.#listener?.(m);
    });
    for await (const chunk of this.#child.stdout) scan(chunk);
  }

  async #drainStderr(): Promise<void> {
    const decoder = new TextDecoder();
    for await (const chunk of this.#child.stderr) {
      this.stderr = (this.stderr + decoder.decode(chunk, { stream: true })).slice(-4000);
    }
  }

  /** Kill the host's whole group (timeout, bwrap, the host) and remove its folder. */
  async kill(): Promise<void> {
    this.dead = true;
    try {
      Deno.kill(-this.#child.pid, "SIGKILL");
    } catch { /* already gone */ }
    try {
      this.#child.kill("SIGKILL");
    } catch { /* already gone */ }
    await this.exited.catch(() => {});
    await Deno.remove(this.#dir, { recursive: true }).catch(() => {});
  }
}
