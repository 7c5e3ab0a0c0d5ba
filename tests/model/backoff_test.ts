import assert from "node:assert/strict";
import { openaiProvider } from "../../lib/model/openai.ts";

const frame = (obj: unknown) => `data: ${JSON.stringify(obj)}\n\n`;
const head = { id: "x", object: "chat.completion.chunk", created: 0, model: "m" };
const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  frame({ ...head, choices: [{ index: 0, delta, finish_reason: finish }] });
const end = (usage?: Record<string, unknown>) =>
  chunk({}, "stop") + (usage ? frame({ ...head, choices: [], usage }) : "") + "data: [DONE]\n\n";

Deno.test("openaiProvider() backs off adaptively: after a 429, later requests wait instead of hitting the limit", async () => {
  let limitedUntil = 0;
  let rateLimited = 0;
  let served = 0;
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, () => {
    const now = performance.now();
    if (served === 0 && rateLimited === 0) limitedUntil = now + 400; // the first request opens a 400 ms window
    if (now < limitedUntil) {
      rateLimited++;
      return Response.json({ error: { message: "slow down" } }, {
        status: 429,
        headers: { "retry-after": "0.4" },
      });
    }
    served++;
    return new Response(chunk({ content: "ok" }) + end(), {
      headers: { "content-type": "text/event-stream" },
    });
  });
  try {
    const p = openaiProvider("m", {
      baseURL: `http://127.0.0.1:${server.addr.port}/v1`,
      maxRetries: 3,
    });
    const ask = () => p.generate({ messages: [{ role: "user", content: "hi" }], sample: 0 });
    const first = ask();
    await new Promise((r) => setTimeout(r, 100)); // the first request has been limited by now
    const later = await Promise.all(Array.from({ length: 6 }, ask));
    const all = [await first, ...later];
    assert.ok(all.every((g) => g.error === null && g.text === "ok"));
    assert.equal(
      rateLimited,
      1,
      "requests sent during the pause waited for it instead of drawing more 429s",
    );
    assert.equal(served, 7);
  } finally {
    await server.shutdown();
  }
});

Deno.test("openaiProvider() records inter-token gaps and reasoning tokens", async () => {
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, () => {
    const body = new ReadableStream<Uint8Array>({
      async start(c) {
        const enc = new TextEncoder();
        for (const [i, part] of ["a", "b", "c", "d"].entries()) {
          await new Promise((r) => setTimeout(r, i === 2 ? 150 : 10)); // one long pause
          c.enqueue(enc.encode(chunk({ content: part })));
        }
        const usage = {
          prompt_tokens: 3,
          completion_tokens: 9,
          completion_tokens_details: { reasoning_tokens: 5 },
        };
        c.enqueue(enc.encode(end(usage)));
        c.close();
      },
    });
    return new Response(body, { headers: { "content-type": "text/event-stream" } });
  });
  try {
    const p = openaiProvider("m", { baseURL: `http://127.0.0.1:${server.addr.port}/v1` });
    const g = await p.generate({ messages: [{ role: "user", content: "hi" }], sample: 0 });
    assert.equal(g.error, null, String(g.error));
    assert.equal(g.text, "abcd");
    assert.equal(g.reasoningTokens, 5);
    assert.ok(g.gapMaxMs! >= 130, `max gap ${g.gapMaxMs}`);
    assert.ok(g.gapP50Ms! < g.gapMaxMs!);
  } finally {
    await server.shutdown();
  }
});
