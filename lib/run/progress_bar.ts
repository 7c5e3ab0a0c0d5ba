/**
 * A progress bar on stderr: redrawn in place on a terminal, a line every 10%
 * otherwise (CI logs).
 *
 * @module
 */

/** A progress reporter. */
export interface Progress {
  /** Record one finished sample. */
  tick(passed: boolean): void;
  /** Finish the bar. */
  done(): void;
}

/**
 * A stderr progress bar for `total` samples.
 *
 * @example
 * ```ts
 * import { progressBar } from "./progress_bar.ts";
 * const p = progressBar(0, { quiet: true });
 * p.done();
 * ```
 */
export function progressBar(
  total: number,
  options: { quiet?: boolean; label?: string } = {},
): Progress {
  const started = performance.now();
  const tty = Deno.stderr.isTerminal();
  const enc = new TextEncoder();
  let n = 0;
  let pass = 0;
  let lastDecile = -1;
  const line = () => {
    const width = 30;
    const filled = total === 0 ? width : Math.round((n / total) * width);
    const secs = (performance.now() - started) / 1000;
    const eta = n > 0 ? ((secs / n) * (total - n)).toFixed(0) : "?";
    return `${options.label ?? "samples"} [${"#".repeat(filled)}${
      ".".repeat(width - filled)
    }] ${n}/${total}` +
      `  pass ${pass}  fail ${n - pass}  ${secs.toFixed(1)}s  eta ${eta}s`;
  };
  return {
    tick(passed) {
      n++;
      if (passed) pass++;
      if (options.quiet) return;
      if (tty) Deno.stderr.writeSync(enc.encode(`\r${line()}`));
      else {
        const decile = Math.floor((n / Math.max(1, total)) * 10);
        if (decile !== lastDecile) {
          lastDecile = decile;
          Deno.stderr.writeSync(enc.encode(`${line()}\n`));
        }
      }
    },
    done() {
      if (!options.quiet && tty) Deno.stderr.writeSync(enc.encode(`\r${line()}\n`));
    },
  };
}
