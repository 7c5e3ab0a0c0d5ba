import assert from "node:assert/strict";
import OpenAI from "openai";
import { openaiProvider } from "../../lib/model/openai.ts";
import { syntheticProvider } from "../../lib/model/synthetic.ts";
import { startSyntheticServer } from "../../lib/model/synthetic_server.ts";
import { syntheticAnswer } from "../../lib/model/synthetic_answer.ts";
import { SYNTHETIC_PROFILES } from "../../lib/model/synthetic_profiles.ts";
import { plain } from "../../lib/prompt/templates.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";

const suite = await loadSuite(new URL("../../data/fixtures/suite-tiny", import.meta.url).pathname);
const clamp = suite.tasks.find((t) => t.id === "clamp")!;

Deno.test("syntheticProvider() streams the reference through the openai SDK with measured latency and usage", async () => {
  const model = syntheticProvider("reference", suite.tasks);
  try {
    const g = await model.generate({ messages: plain.render(clamp), sample: 0, seed: 0 });
    assert.equal(g.error, null);
    assert.ok(g.text.includes(clamp.referenceSource!.trim()), "the reference, fenced");
    const [lo] = SYNTHETIC_PROFILES.reference.ttftMs;
    assert.ok(g.ttftMs !== null && g.ttftMs >= lo - 1, `ttft ${g.ttftMs} >= ${lo}`);
    assert.ok(g.totalMs >= g.ttftMs!);
    assert.equal(g.tokensEstimated, false, "usage came from the stream");
    assert.ok(g.tokensIn! > 0 && g.tokensOut! > 0);
    assert.deepEqual(g.mutations, []);
    assert.equal(model.spec, "synthetic:reference");
    assert.equal(model.synthetic, true);
  } finally {
    await model.close();
  }
});

Deno.test("syntheticProvider() streams at roughly the profile's speed", async () => {
  const model = syntheticProvider("sloppy", suite.tasks);
  try {
    const rates: number[] = [];
    for (let seed = 0; seed < 4; seed++) {
      const g = await model.generate({ messages: plain.render(clamp), sample: seed, seed });
      if (g.tokensPerSec !== null && g.tokensOut! > 20) rates.push(g.tokensPerSec);
    }
    assert.ok(rates.length > 0);
    for (const r of rates) {
      assert.ok(
        r > SYNTHETIC_PROFILES.sloppy.tokensPerSec * 0.5 &&
          r < SYNTHETIC_PROFILES.sloppy.tokensPerSec * 1.6,
        `rate ${r}`,
      );
    }
  } finally {
    await model.close();
  }
});

Deno.test("syntheticAnswer() is deterministic in (profile, task, seed) and mutates at the profile's rate", () => {
  const a = syntheticAnswer(SYNTHETIC_PROFILES.sloppy, clamp, 3);
  const b = syntheticAnswer(SYNTHETIC_PROFILES.sloppy, clamp, 3);
  assert.deepEqual(a, b);
  let mutated = 0;
  const kinds = new Set<string>();
  for (let seed = 0; seed < 200; seed++) {
    const ans = syntheticAnswer(SYNTHETIC_PROFILES.sloppy, clamp, seed);
    if (ans.mutations.some((m) => m !== "dropped_export")) mutated++;
    ans.mutations.forEach((m) => kinds.add(m));
  }
  assert.ok(mutated > 200 * 0.6 && mutated < 200 * 0.9, `mutated ${mutated}/200 at rate 0.75`);
  assert.ok(kinds.size >= 6, `saw ${[...kinds].join(", ")}`);
  for (let seed = 0; seed < 50; seed++) {
    assert.deepEqual(syntheticAnswer(SYNTHETIC_PROFILES.reference, clamp, seed).mutations, []);
  }
});

Deno.test("the synthetic server speaks plain JSON chat completions too", async () => {
  const server = startSyntheticServer(suite.tasks);
  try {
    const client = new OpenAI({ apiKey: "x", baseURL: server.baseURL, maxRetries: 0 });
    const res = await client.chat.completions.create({
      model: "reference",
      messages: plain.render(clamp),
    });
    assert.match(res.choices[0].message.content!, /export function clamp/);
    assert.ok(res.usage!.completion_tokens > 0);
    const models = await client.models.list();
    assert.deepEqual(models.data.map((m) => m.id).sort(), [
      "default",
      "instant",
      "reference",
      "sloppy",
    ]);
  } finally {
    await server.close();
  }
});

Deno.test("syntheticProvider() records an unknown prompt as a generation error, not a throw", async () => {
  const model = syntheticProvider("default", suite.tasks);
  try {
    const g = await model.generate({
      messages: [{ role: "user", content: "write me a poem" }],
      sample: 0,
    });
    assert.match(g.error!, /only answers prompts that contain a known task/);
    assert.equal(g.text, "");
  } finally {
    await model.close();
  }
});

Deno.test("openaiProvider() honours Retry-After on 429 and counts the retry", async () => {
  let calls = 0;
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, () => {
    calls++;
    if (calls === 1) {
      return Response.json({ error: { message: "slow down", type: "rate_limit" } }, {
        status: 429,
        headers: { "retry-after": "0.2" },
      });
    }
    const body = [
      {
        id: "x",
        object: "chat.completion.chunk",
        created: 0,
        model: "m",
        choices: [{ index: 0, delta: { content: "hi" }, finish_reason: null }],
      },
      {
        id: "x",
        object: "chat.completion.chunk",
        created: 0,
        model: "m",
        choices: [{ index: 0, delta: {}, finish_reason: "stop" }],
      },
    ].map((c) => `data: ${JSON.stringify(c)}\n\n`).join("") + "data: [DONE]\n\n";
    return new Response(body, { headers: { "content-type": "text/event-stream" } });
  });
  try {
    const p = openaiProvider("m", { baseURL: `http://127.0.0.1:${server.addr.port}/v1` });
    const started = performance.now();
    const g = await p.generate({ messages: [{ role: "user", content: "hello" }], sample: 0 });
    assert.equal(g.error, null);
    assert.equal(g.text, "hi");
    assert.equal(g.retries, 1);
    assert.ok(performance.now() - started >= 190, "waited for Retry-After");
    assert.ok(
      g.retryMs >= 190 && g.totalMs < g.retryMs + 1000,
      "the wait is reported as retry time, not latency",
    );
    assert.equal(g.tokensEstimated, true, "no usage in the stream: estimated and flagged");
  } finally {
    await server.shutdown();
  }
});

Deno.test("openaiProvider() records a refused connection as a generation error after its retries", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  const p = openaiProvider("m", { baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 1 });
  const g = await p.generate({ messages: [{ role: "user", content: "hello" }], sample: 0 });
  assert.match(g.error!, /Connection/i);
  assert.equal(g.retries, 1);
});
