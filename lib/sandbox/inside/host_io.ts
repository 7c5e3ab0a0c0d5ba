/**
 * The pool host's two streams: job lines in on stdin, `<nonce> <json>` protocol lines out on
 * stdout (the nonce, from the parent's first line, is never shown to a job).
 *
 * @module
 */

const stdoutWrite = Deno.stdout.writeSync.bind(Deno.stdout);
const stdinRead = Deno.stdin.read.bind(Deno.stdin);
const exit = Deno.exit.bind(Deno);
const stringify = JSON.stringify;
const encode = TextEncoder.prototype.encode.bind(new TextEncoder());
const decoder = new TextDecoder();
const decode = (b: Uint8Array, stream: boolean) => decoder.decode(b, { stream });

let nonce = "";

/** Set the nonce every protocol line begins with. */
export function setNonce(value: string): void {
  nonce = value;
}

/** Protocol lines not written yet (see send). */
let queued = "";

/**
 * Queue one protocol line; it is written with the next {@link flush}. The host flushes before
 * any code it cannot cut off (a job's evaluation), before it waits on anything (a pump) and after
 * each job's last word: a job whose cases all settle at once costs two writes, not two a case.
 * The parent's per-case timers start at a case's `start` line, so a case that runs to its own
 * limit without waiting is overseen by the sample's timer alone; the host's own deadlines (vm
 * timeouts) cut it off either way.
 */
export function send(fields: Record<string, unknown>): void {
  queued += `${nonce} ${stringify(fields)}\n`;
}

/** Write the queued protocol lines; if stdout is gone, exit (code 3). */
export function flush(): void {
  if (queued === "") return;
  const lines = queued;
  queued = "";
  try {
    stdoutWrite(encode(lines));
  } catch {
    exit(3);
  }
}

let pending = "";
const buffer = new Uint8Array(1 << 16);

/** The next line from stdin, or null at its end. */
export async function readLine(): Promise<string | null> {
  for (;;) {
    const cut = pending.indexOf("\n");
    if (cut >= 0) {
      const line = pending.slice(0, cut);
      pending = pending.slice(cut + 1);
      return line;
    }
    const n = await stdinRead(buffer);
    if (n === null) return null;
    pending += decode(buffer.subarray(0, n), true);
  }
}
