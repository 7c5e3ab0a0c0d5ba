/**
 * One concurrency level of a load measurement (`load.json`, written by `./assay load`; read by
 * lib/plot/load_curve.ts).
 *
 * @module
 */

/** One concurrency level's measurements. */
export interface LoadLevel {
  /** Requests in flight at once. */
  concurrency: number;
  /** Requests sent. */
  requests: number;
  /** Requests that ended in a generation error. */
  errors: number;
  /** Wall time of the level, ms. */
  wallMs: number;
  /** Completed requests per second. */
  throughputRps: number;
  /** Completion tokens per second across all streams. */
  tokensPerSec: number;
  /** Time to first token percentiles, ms. */
  ttftP50: number | null;
  ttftP95: number | null;
  /** Total time percentiles, ms. */
  totalP50: number | null;
  totalP95: number | null;
}
