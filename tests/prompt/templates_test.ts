import assert from "node:assert/strict";
import { join } from "node:path";
import { SYNTHETIC_PROFILES } from "../../lib/model/synthetic_profiles.ts";
import { syntheticProvider } from "../../lib/model/synthetic.ts";
import { syntheticAnswer } from "../../lib/model/synthetic_answer.ts";
import { REASONING_REQUEST, templateByName, TEMPLATES } from "../../lib/prompt/templates.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";

const suite = await loadSuite(
  join(new URL("../..", import.meta.url).pathname, "data/fixtures/suite-tiny"),
);
const task = suite.tasks[0];

Deno.test("every built-in template states the instructions and the exact signature in its last user message", () => {
  for (const template of Object.values(TEMPLATES)) {
    const messages = template.render(task);
    const last = messages.at(-1)!;
    assert.equal(last.role, "user", template.name);
    assert.ok(last.content.includes(task.instructions.trim()), template.name);
    assert.ok(last.content.includes(task.signature.trim()), template.name);
  }
});

Deno.test("templateByName() finds the built-ins and names the known ones otherwise", () => {
  assert.equal(templateByName("reasoning-first").name, "reasoning-first");
  assert.throws(
    () => templateByName("chain"),
    /Cannot find prompt template "chain": known templates are plain, code-only/,
  );
});

Deno.test("few-shot carries a worked example as a previous assistant turn", () => {
  const m = templateByName("few-shot").render(task);
  assert.deepEqual(m.map((x) => x.role), ["system", "user", "assistant", "user"]);
  assert.match(m[2].content, /export function sumPositive/);
});

Deno.test("the synthetic model answers reasoning-first prompts with more tokens and fewer mutations", async () => {
  let plainMutated = 0;
  let reasoningMutated = 0;
  for (let seed = 0; seed < 300; seed++) {
    if (
      syntheticAnswer(SYNTHETIC_PROFILES.sloppy, task, seed).mutations.some((m) =>
        m !== "dropped_export"
      )
    ) plainMutated++;
    const r = syntheticAnswer(SYNTHETIC_PROFILES.sloppy, task, seed, { reasoning: true });
    if (r.mutations.some((m) => m !== "dropped_export")) reasoningMutated++;
  }
  assert.ok(
    reasoningMutated < plainMutated * 0.7,
    `reasoning ${reasoningMutated} vs plain ${plainMutated}`,
  );
  const model = syntheticProvider("sloppy", suite.tasks);
  try {
    const ask = (name: string, seed: number) =>
      model.generate({ messages: templateByName(name).render(task), sample: seed, seed });
    let plainTokens = 0, reasoningTokens = 0, plainMs = 0, reasoningMs = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const plain = await ask("plain", seed);
      const reasoning = await ask("reasoning-first", seed);
      assert.ok(reasoning.text.includes("step by step"));
      plainTokens += plain.tokensOut!;
      reasoningTokens += reasoning.tokensOut!;
      plainMs += plain.totalMs;
      reasoningMs += reasoning.totalMs;
    }
    assert.ok(
      templateByName("reasoning-first").render(task)[1].content.includes(REASONING_REQUEST),
    );
    assert.ok(reasoningTokens > plainTokens, `${reasoningTokens} > ${plainTokens} tokens`);
    assert.ok(
      reasoningMs > plainMs,
      `reasoning is slower: ${reasoningMs} > ${plainMs} ms over 4 seeds`,
    );
  } finally {
    await model.close();
  }
});
