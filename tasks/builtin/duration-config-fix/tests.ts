import assert from "node:assert/strict";
import { DEFAULTS, loadTimeouts } from "./src/config.ts";
import { parseDuration } from "./src/duration.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "parses milliseconds": () => {
    assert.equal(parseDuration("500ms"), 500);
    assert.equal(parseDuration("1s250ms"), 1250);
  },
  "parses hours, minutes and seconds": () => {
    assert.equal(parseDuration("1h30m"), 5_400_000);
    assert.equal(parseDuration("2m5s"), 125_000);
    assert.equal(parseDuration(" 45s "), 45_000);
  },
  "rejects text that is not entirely a duration": () => {
    assert.equal(parseDuration("10x"), null);
    assert.equal(parseDuration("5s later"), null);
    assert.equal(parseDuration("1h 30m"), null);
    assert.equal(parseDuration("h"), null);
    assert.equal(parseDuration(""), null);
  },
  "loads both timeouts from the environment": () => {
    assert.deepEqual(loadTimeouts({ REQUEST_TIMEOUT: "500ms", RETRY_DELAY: "2s" }), {
      requestMs: 500,
      retryDelayMs: 2000,
    });
  },
  "missing variables fall back to the defaults": () => {
    assert.deepEqual(loadTimeouts({}), DEFAULTS);
    assert.deepEqual(loadTimeouts({ RETRY_DELAY: "3s" }), { requestMs: 30_000, retryDelayMs: 3000 });
  },
  "a zero duration is kept, not replaced by the default": () => {
    assert.equal(loadTimeouts({ RETRY_DELAY: "0s" }).retryDelayMs, 0);
    assert.equal(loadTimeouts({ REQUEST_TIMEOUT: "0ms" }).requestMs, 0);
  },
  "an empty or blank variable counts as missing": () => {
    assert.deepEqual(loadTimeouts({ REQUEST_TIMEOUT: "", RETRY_DELAY: "   " }), DEFAULTS);
  },
  "an invalid duration throws and names the variable": () => {
    assert.throws(() => loadTimeouts({ REQUEST_TIMEOUT: "soon" }), /REQUEST_TIMEOUT/);
    assert.throws(() => loadTimeouts({ RETRY_DELAY: "5 s" }), /RETRY_DELAY/);
  },
  "the defaults are not modified": () => {
    loadTimeouts({ REQUEST_TIMEOUT: "1s" });
    assert.deepEqual(DEFAULTS, { requestMs: 30_000, retryDelayMs: 1000 });
  },
};
