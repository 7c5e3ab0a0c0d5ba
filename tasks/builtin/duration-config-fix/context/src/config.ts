import { parseDuration } from "./duration.ts";

export interface Timeouts {
  requestMs: number;
  retryDelayMs: number;
}

export const DEFAULTS: Timeouts = { requestMs: 30_000, retryDelayMs: 1000 };

export function loadTimeouts(env: Record<string, string | undefined>): Timeouts {
  const request = env.REQUEST_TIMEOUT ? parseDuration(env.REQUEST_TIMEOUT) : null;
  const retry = env.RETRY_DELAY ? parseDuration(env.RETRY_DELAY) : null;
  return {
    requestMs: request || DEFAULTS.requestMs,
    retryDelayMs: retry || DEFAULTS.retryDelayMs,
  };
}
