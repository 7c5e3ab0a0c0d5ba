/**
 * A test provider that answers every request with the same text (or the text a function chooses
 * for the request), instantly: for evaluating a chosen program through the whole pipeline (not a
 * model).
 */
import type { GenerateRequest, Provider } from "../../lib/model/provider.ts";

/** A provider named `spec` whose every generation is `text`, or `text(request)`. */
export function fixedAnswer(
  spec: string,
  text: string | ((request: GenerateRequest) => string),
): Provider {
  return {
    spec,
    synthetic: false,
    params: {},
    generate: (request) =>
      Promise.resolve({
        text: typeof text === "string" ? text : text(request),
        ttftMs: 1,
        totalMs: 2,
        tokensIn: 1,
        tokensOut: 1,
        tokensEstimated: false,
        tokensPerSec: null,
        retries: 0,
        retryMs: 0,
        error: null,
        mutations: [],
        gapP50Ms: null,
        gapMaxMs: null,
        reasoningTokens: null,
      }),
    close: () => Promise.resolve(),
  };
}

/** An executor that passes every case at once (no sandbox): for tests where execution is not the point. */
export { instantPass } from "../../lib/run/instant_pass.ts";
