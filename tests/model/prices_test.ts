import assert from "node:assert/strict";
import { BUILTIN_PRICES, loadPrices, priceOf } from "../../lib/model/prices.ts";
import { PriceFile } from "../../lib/record/run_prices.ts";
import builtin from "../../lib/model/prices.json" with { type: "json" };

/** Writes `content` to a temp file, calls `fn` with its path, removes it. */
async function withFile(content: string, fn: (file: string) => Promise<void>): Promise<void> {
  const file = await Deno.makeTempFile({ suffix: ".json" });
  try {
    await Deno.writeTextFile(file, content);
    await fn(file);
  } finally {
    await Deno.remove(file);
  }
}

Deno.test("the built-in prices follow the PriceFile format and every entry is dated and sourced", () => {
  const file = PriceFile.parse(builtin);
  assert.match(file.note ?? "", /list prices as of .*check before quoting/);
  for (const [key, entry] of Object.entries(BUILTIN_PRICES.models)) {
    assert.match(entry.asOf, /^\d{4}-\d{2}/, key);
    assert.ok(entry.source.length > 0, key);
  }
  for (
    const name of [
      "gpt-4o",
      "gpt-4o-mini",
      "gpt-4.1",
      "gpt-4.1-mini",
      "gpt-4.1-nano",
      "o3-mini",
      "o4-mini",
    ]
  ) {
    assert.equal(priceOf(`openai:${name}`, BUILTIN_PRICES)?.kind, "list", name);
  }
  assert.equal(priceOf("deepseek:deepseek-chat", BUILTIN_PRICES)?.kind, "list");
});

Deno.test("priceOf() is 0 and labelled for synthetic, local and replay models, null for unknown ones", () => {
  for (
    const [spec, kind] of [
      ["synthetic:sloppy", "synthetic"],
      ["ollama:qwen2.5-coder:7b", "local"],
      ["llamacpp:any", "local"],
      ["lmstudio:any", "local"],
      ["vllm:any", "local"],
      ["replay:data/runs/x", "replay"],
    ]
  ) {
    const p = priceOf(spec, BUILTIN_PRICES);
    assert.deepEqual([p?.kind, p?.input, p?.output], [kind, 0, 0], spec);
  }
  assert.equal(priceOf("openrouter:openai/gpt-4o", BUILTIN_PRICES), null);
  assert.equal(priceOf("together:gpt-4o", BUILTIN_PRICES), null, "a bare name is OpenAI's only");
  assert.equal(priceOf("not a spec?", BUILTIN_PRICES), null);
});

Deno.test("loadPrices() adds and overrides entries, labelled by the file's asOf and source", async () => {
  await withFile(
    JSON.stringify({
      note: "our negotiated prices",
      asOf: "2026-02",
      source: "contract 42",
      models: {
        "gpt-4o": { input: 2, output: 9 },
        "openrouter:openai/gpt-4o": {
          input: 2.5,
          output: 10,
          asOf: "2026-03-01",
          source: "openrouter.ai",
        },
      },
    }),
    async (file) => {
      const table = await loadPrices(file);
      assert.deepEqual(table.models["openai:gpt-4o"], {
        input: 2,
        output: 9,
        asOf: "2026-02",
        source: "contract 42",
      });
      assert.equal(priceOf("openrouter:openai/gpt-4o", table)?.asOf, "2026-03-01");
      assert.deepEqual(table.notes, [...BUILTIN_PRICES.notes, "our negotiated prices"]);
      assert.equal(
        BUILTIN_PRICES.models["openai:gpt-4o"].input,
        2.5,
        "the built-in table is unchanged",
      );
    },
  );
  assert.equal(await loadPrices(), BUILTIN_PRICES);
});

Deno.test("loadPrices() names the file, the field and the fix for a bad price file", async () => {
  const cases: [string, RegExp][] = [
    ["{", /^Cannot read prices ".*": not JSON \(.*\): fix the file's syntax$/],
    [`{"models": {"m": {"input": 1}}}`, /field models\.m\.output: .*: write \{"asOf"/],
    [`{"models": {"m": {"input": -1, "output": 1}}}`, /field models\.m\.input: /],
    [`{"models": {"m": {"input": 1, "output": 1, "per": "1k"}}}`, /field models\.m: .*per/],
    [`{"asOf": "last week", "models": {}}`, /field asOf: use YYYY-MM or YYYY-MM-DD/],
    [`{"prices": {}}`, /field (models|\(top level\))/],
    [
      `{"models": {"m": {"input": 1, "output": 1}}}`,
      /field models\.m\.asOf is missing: give it on the entry or once for the file/,
    ],
    [
      `{"asOf": "2026-01", "models": {"m": {"input": 1, "output": 1}}}`,
      /field models\.m\.source is missing/,
    ],
  ];
  for (const [content, message] of cases) {
    await withFile(content, async (file) => {
      await assert.rejects(loadPrices(file), (e: Error) => {
        assert.equal(e.name, "PricesError", content);
        assert.match(e.message, message, content);
        assert.ok(e.message.includes(file), `${content}: names the file`);
        return true;
      });
    });
  }
  await assert.rejects(loadPrices("/no/such/prices.json"), {
    name: "PricesError",
    message:
      /^Cannot read prices "\/no\/such\/prices.json": .*: give the path of a JSON price file$/,
  });
});
