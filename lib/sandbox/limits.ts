/**
 * The one normalisation of a sample's limits: every part of the sandbox (the strict runner, the
 * warm pool, the per-case limits) reads its limits through {@link resolveLimits}, so each
 * default is written once, here.
 *
 * A task declares its own limit (lib/task/schema.ts, `timeoutMs`, default 5 000 ms there) and
 * the run passes it on; {@link DEFAULT_TIMEOUT_MS} applies only to a caller that names none.
 *
 * @module
 */
import type { SandboxLimits } from "./sandbox.ts";

/** The default sample limit when the limits name none, ms. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** The default cap on stdout + stderr bytes. */
export const DEFAULT_OUTPUT_CAP_BYTES = 1_000_000;
/** The default V8 old-space cap, MiB. */
export const DEFAULT_HEAP_MB = 512;
/** The default RLIMIT_DATA, MiB. */
export const DEFAULT_DATA_MB = 1024;

/** {@link SandboxLimits} with every default filled in. */
export interface ResolvedLimits {
  /** Wall-clock limit for the whole sample, ms. @default 10000 */
  timeoutMs: number;
  /** Each case's own limit (see SandboxLimits), unchanged. @default undefined (none) */
  caseTimeoutMs?: number | Readonly<Record<string, number>>;
  /** Cap on stdout + stderr bytes. @default 1_000_000 */
  outputCapBytes: number;
  /** V8 old-space cap, MiB. @default 512 */
  heapMb: number;
  /** RLIMIT_DATA, MiB. @default 1024 */
  dataMb: number;
}

/**
 * `limits` with every default filled in (a limit given as `undefined` gets its default).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { resolveLimits } from "./limits.ts";
 * assert.deepEqual(resolveLimits({}), {
 *   timeoutMs: 10_000, outputCapBytes: 1_000_000, heapMb: 512, dataMb: 1024,
 * });
 * assert.equal(resolveLimits({ timeoutMs: 250, caseTimeoutMs: 100 }).caseTimeoutMs, 100);
 * ```
 */
export function resolveLimits(limits: SandboxLimits): ResolvedLimits {
  return {
    timeoutMs: limits.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(limits.caseTimeoutMs !== undefined ? { caseTimeoutMs: limits.caseTimeoutMs } : {}),
    outputCapBytes: limits.outputCapBytes ?? DEFAULT_OUTPUT_CAP_BYTES,
    heapMb: limits.heapMb ?? DEFAULT_HEAP_MB,
    dataMb: limits.dataMb ?? DEFAULT_DATA_MB,
  };
}
