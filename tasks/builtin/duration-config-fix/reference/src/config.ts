import { parseDuration } from "./duration.ts";

export interface Timeouts {
  requestMs: number;
  retryDelayMs: number;
}

export const DEFAULTS: Timeouts = { requestMs: 30_000, retryDelayMs: 1000 };

function read(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const ms = parseDuration(raw);
  if (ms === null) throw new Error(`invalid duration for ${name}: "${raw}"`);
  return ms;
}

export function loadTimeouts(env: Record<string, string | undefined>): Timeouts {
  return {
    requestMs: read(env, "REQUEST_TIMEOUT", DEFAULTS.requestMs),
    retryDelayMs: read(env, "RETRY_DELAY", DEFAULTS.retryDelayMs),
  };
}
