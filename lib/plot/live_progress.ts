/**
 * A live progress display for `evaluate()` in a notebook: one output that is
 * updated in place as samples complete (the Deno kernel's
 * `Deno.jupyter.display(bundle, { raw: true, display_id, update: true })`,
 * i.e. Jupyter's `update_display_data`), so a cell shows where a run is
 * instead of a wall of lines. Outside a kernel it writes a line to stderr at
 * every 10%.
 *
 * @module
 */

/** What the progress display shows. */
export interface ProgressState {
  /** What is running, e.g. "quickstart". */
  label: string;
  /** Samples recorded so far (including those recorded before a resume). */
  done: number;
  /** Samples in the run. */
  total: number;
  /** Samples whose every case passed (of those completed since the start, not resumed ones). */
  passed: number;
  /** Samples that ended in a generation error (the request failed; scored as no code), since the start. */
  errors: number;
  /** Samples found already recorded when the run was resumed. */
  resumed: number;
  /** Seconds since the run started. */
  seconds: number;
  /** The run folder, once known. */
  dir: string | null;
  /** True once the run has finished. */
  finished: boolean;
  /** True when the run was stopped before its last sample (an interrupt): the run is resumable. */
  interrupted?: boolean;
  /** Why an incomplete run was not resumed (an edited template…), when one was not; else absent. */
  notResumed?: string;
}

/**
 * The progress display as HTML (inline styles: it survives nbconvert): a bar
 * and a line such as `quickstart: 18 / 24 samples (75%) · 11 passed · 7 failed
 * · 0 generation errors · 6.1 s`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { progressHTML } from "./live_progress.ts";
 * const html = progressHTML({ label: "demo", done: 3, total: 4, passed: 2, errors: 0, resumed: 0,
 *   seconds: 1.5, dir: null, finished: false });
 * assert(html.includes("3 / 4 samples (75%)") && html.includes("2 passed"));
 * ```
 *
 * @param state The counts.
 * @returns The HTML.
 */
export function progressHTML(state: ProgressState): string {
  const share = state.total === 0 ? 1 : state.done / state.total;
  const pct = Math.round(100 * share);
  const failed = state.done - state.resumed - state.passed - state.errors;
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const colour = state.interrupted ? "#b45309" : state.finished ? "#2e9e4f" : "#4269d0";
  const status = state.interrupted
    ? `interrupted (${state.done} of ${state.total})`
    : state.finished
    ? "done"
    : "running";
  const parts = [
    `${state.passed} passed`,
    `${failed} failed`,
    `${state.errors} generation error${state.errors === 1 ? "" : "s"}`,
    `${state.seconds.toFixed(1)} s`,
  ];
  if (state.resumed > 0) parts.push(`${state.resumed} already recorded (resumed)`);
  return `<div class="assay-progress" style="font: 13px system-ui, sans-serif; margin: 4px 0 8px;">` +
    `<div style="width: 420px; height: 10px; background: #e5e7eb; border-radius: 5px; overflow: hidden;">` +
    `<div style="width: ${
      (100 * share).toFixed(1)
    }%; height: 100%; background: ${colour};"></div></div>` +
    `<div style="margin-top: 4px;"><strong>${esc(state.label)}</strong>` +
    (state.interrupted
      ? `: ${status}`
      : ` (${status}): ${state.done} / ${state.total} samples (${pct}%)`) +
    ` · ${parts.join(" · ")}</div>` +
    (state.interrupted
      ? `<div style="color: #b45309; font-size: 12px;">The run is incomplete and resumable: run the cell again to resume it.</div>`
      : "") +
    (state.notResumed
      ? `<div style="color: #b45309; font-size: 12px;">${esc(state.notResumed)}</div>`
      : "") +
    (state.dir
      ? `<div style="color: #6b7280; font-size: 12px;">run folder <code>${
        esc(state.dir)
      }</code></div>`
      : "") +
    `</div>`;
}

/** Options for {@link liveProgress}. */
export interface LiveProgressOptions {
  /** Show or update the display (`update` false the first time). @default the Deno kernel's display, or stderr lines outside a kernel */
  display?: (html: string, update: boolean, state: ProgressState) => Promise<void> | void;
  /** The least time between two updates, ms (the last update is always shown). @default 250 */
  intervalMs?: number;
}

/** The callbacks to pass to `evaluate()`, and how to finish. */
export interface LiveProgress {
  /** Pass as `evaluate()`'s `onStart`. */
  onStart(
    info: {
      dir: string;
      recorded: number;
      total: number;
      superseded?: { dir: string; reason: string } | null;
    },
  ): void;
  /** Pass as `evaluate()`'s `onSample`. */
  onSample(generation: { error: string | null }, result: { passed: boolean } | null): void;
  /**
   * Show the final state (await it after `evaluate()` returns); `interrupted`: the run stopped
   * early with `recorded` samples in it (RunInterrupted), shown as "interrupted (k of n)".
   */
  finish(stopped?: { interrupted: true; recorded: number }): Promise<void>;
  /** The current state. */
  readonly state: ProgressState;
}

/** The Deno kernel's display function, or null outside `deno jupyter`. */
function kernelDisplay(): typeof Deno.jupyter.display | null {
  try {
    return Deno.jupyter.display; // throws outside the kernel
  } catch {
    return null;
  }
}

/**
 * A live progress display for one `evaluate()` call: spread its `onStart` and
 * `onSample` into the options, then `await finish()`. In a notebook the
 * display is one output updated in place (throttled to `intervalMs`); the
 * exported HTML keeps the final state.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { liveProgress } from "./live_progress.ts";
 * const shown: string[] = [];
 * const progress = liveProgress("demo", { display: (html) => void shown.push(html), intervalMs: 0 });
 * progress.onStart({ dir: "data/runs/x", recorded: 0, total: 2 });
 * progress.onSample({ error: null }, { passed: true });
 * progress.onSample({ error: null }, { passed: false });
 * await progress.finish();
 * assert(shown.at(-1)!.includes("2 / 2 samples (100%)") && progress.state.passed === 1);
 * ```
 *
 * @param label What is running.
 * @param options Where to display and how often.
 * @returns The callbacks and `finish()`.
 */
export function liveProgress(label: string, options: LiveProgressOptions = {}): LiveProgress {
  const started = performance.now();
  const intervalMs = options.intervalMs ?? 250;
  const id = `assay-progress-${crypto.randomUUID()}`;
  const kernel = options.display ? null : kernelDisplay();
  let lastDecile = -1;
  const display = options.display ??
    (kernel
      ? (html: string, update: boolean) =>
        kernel({ "text/html": html }, { raw: true, display_id: id, update })
      : (_html: string, _update: boolean, s: ProgressState) => {
        const decile = Math.floor((10 * s.done) / Math.max(1, s.total));
        if (decile === lastDecile && !s.finished) return;
        lastDecile = decile;
        console.error(
          `${s.label}: ${s.done}/${s.total} samples, ${s.passed} passed${
            s.interrupted ? " (interrupted: resumable)" : ""
          }`,
        );
      });
  const state: ProgressState = {
    label,
    done: 0,
    total: 0,
    passed: 0,
    errors: 0,
    resumed: 0,
    seconds: 0,
    dir: null,
    finished: false,
  };
  let shown = false;
  let lastShownAt = -Infinity;
  let pending: Promise<void> = Promise.resolve();
  const show = () => {
    state.seconds = (performance.now() - started) / 1000;
    lastShownAt = performance.now();
    const update = shown;
    shown = true;
    const snapshot = { ...state };
    // Chain the calls so updates reach the kernel in order.
    pending = pending.then(() => display(progressHTML(snapshot), update, snapshot)).catch(() => {});
  };
  return {
    state,
    onStart(info) {
      state.total = info.total;
      state.done = info.recorded;
      state.resumed = info.recorded;
      state.dir = info.dir;
      if (info.superseded) {
        state.notResumed =
          `a new run: the incomplete run ${info.superseded.dir} was not resumed because ${info.superseded.reason}`;
      }
      show();
    },
    onSample(generation, result) {
      state.done++;
      if (generation.error !== null) state.errors++;
      else if (result?.passed) state.passed++;
      if (performance.now() - lastShownAt >= intervalMs) show();
    },
    async finish(stopped) {
      state.finished = true;
      if (stopped) {
        state.interrupted = true;
        state.done = stopped.recorded;
      }
      show();
      await pending;
    },
  };
}
