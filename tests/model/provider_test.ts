import assert from "node:assert/strict";
import { createProvider } from "../../lib/model/create.ts";
import { resolvePreset } from "../../lib/model/presets.ts";
import { parseModelSpec } from "../../lib/model/provider.ts";

Deno.test("parseModelSpec() normalises provider, model and sorted parameters once", () => {
  const s = parseModelSpec("openai:gpt-4o-mini?temperature=0.2&max_tokens=512&stop=END&stop=###");
  assert.equal(s.provider, "openai");
  assert.equal(s.model, "gpt-4o-mini");
  assert.deepEqual(s.params, { temperature: 0.2, max_tokens: 512, stop: ["END", "###"] });
  assert.equal(s.spec, "openai:gpt-4o-mini?max_tokens=512&stop=END&stop=%23%23%23&temperature=0.2");
  assert.equal(parseModelSpec("gpt-4o").spec, "openai:gpt-4o");
  assert.equal(
    parseModelSpec("ollama:qwen2.5-coder:7b").model,
    "qwen2.5-coder:7b",
    "colons after the provider belong to the model",
  );
});

Deno.test("parseModelSpec() names the bad part of a spec", () => {
  assert.throws(
    () => parseModelSpec("anthropic:claude"),
    /Cannot parse model "anthropic:claude": unknown provider "anthropic"/,
  );
  assert.throws(() => parseModelSpec("openai:"), /the model name is empty/);
  assert.throws(
    () => parseModelSpec("openai:m?temperature=hot"),
    /temperature must be a number, got "hot"/,
  );
  assert.throws(
    () => parseModelSpec("openai:m?reasoning_effort=extreme"),
    /reasoning_effort must be one of/,
  );
  assert.throws(() => parseModelSpec("openai:m?topk=3"), /unknown parameter "topk"/);
});

Deno.test("resolvePreset() reads the key and base-URL override from the given environment only", () => {
  assert.deepEqual(resolvePreset("groq", { GROQ_API_KEY: "k" }), {
    baseURL: "https://api.groq.com/openai/v1",
    apiKey: "k",
    label: "Groq",
  });
  assert.deepEqual(resolvePreset("vllm", { VLLM_BASE_URL: "http://10.0.0.2:8000/v1" }), {
    baseURL: "http://10.0.0.2:8000/v1",
    apiKey: undefined,
    label: "vLLM",
  });
  assert.throws(
    () => resolvePreset("openai", {}),
    /Cannot use provider "openai": no API key: set OPENAI_API_KEY/,
  );
});

Deno.test("createProvider() sends the spec's parameters to the server over real HTTP", async () => {
  let body: Record<string, unknown> = {};
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (req) => {
    body = await req.json();
    const chunk = {
      id: "x",
      object: "chat.completion.chunk",
      created: 0,
      model: "m",
      choices: [{ index: 0, delta: { content: "ok" }, finish_reason: "stop" }],
    };
    return new Response(`data: ${JSON.stringify(chunk)}\n\ndata: [DONE]\n\n`, {
      headers: { "content-type": "text/event-stream" },
    });
  });
  try {
    const p = createProvider("lmstudio:coder?temperature=0&top_p=0.5&reasoning_effort=low", {
      env: { LMSTUDIO_BASE_URL: `http://127.0.0.1:${server.addr.port}/v1` },
    });
    const g = await p.generate({ messages: [{ role: "user", content: "hi" }], sample: 3, seed: 3 });
    assert.equal(g.text, "ok");
    assert.equal(body.model, "coder");
    assert.equal(body.temperature, 0);
    assert.equal(body.top_p, 0.5);
    assert.equal(body.reasoning_effort, "low");
    assert.equal(body.seed, 3, "each sample its own seed");
    assert.equal(body.stream, true);
    assert.equal(p.spec, "lmstudio:coder?reasoning_effort=low&temperature=0&top_p=0.5");
  } finally {
    await server.shutdown();
  }
});
